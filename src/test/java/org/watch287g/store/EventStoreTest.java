package org.watch287g.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.changes.Differ;
import org.watch287g.changes.Lists;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.UsState;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.testing.TestStores;
import org.watch287g.watch.BundledSnapshots;

/** The {@code change_event} table gives back what was stored. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStores.Kind.class)
class EventStoreTest {
  @Parameter TestStores.Kind kind;
  @RegisterExtension final TestStores stores = new TestStores();

  @TempDir Path dir;

  @Test
  @DisplayName(
      "a model switch is read back with its previous row's model (McMullen County, TX, WSO to"
          + " TFM), other events with their own")
  void modelSwitchKeepsThePreviousModel() throws Exception {
    Publication before = parse("2026-01-23-participating.xlsx");
    Publication after = parse("2026-05-18-participating.xlsx");
    List<ChangeEvent> events =
        new Differ()
            .diff(Lists.only(before), Lists.only(after)).stream()
                .filter(e -> e.agreement().state() == UsState.TX)
                .filter(e -> e.previous() != null)
                .toList();

    try (Database database = stores.open(kind, dir.resolve("bot.db"))) {
      EventStore store = new EventStore(database);
      SourceLedger ledger = new SourceLedger(database, new SnapshotRepository(database), store);
      Instant now = Instant.now();
      String name = "2026-05-18-participating.xlsx";
      ledger.keep(
          List.of(
              SourceLedger.Judged.good(
                  new SourceLedger.Arrival(
                      new SourceCursor(ListKind.PARTICIPATING, name, null, null, "sha", now, now),
                      new Provenance(
                          Provenance.Origin.FETCHED, name, ListKind.PARTICIPATING, now, "sha"),
                      after,
                      "d"))),
          events.stream().map(e -> new SourceLedger.Found(e, "48311", List.of())).toList(),
          now);

      List<ChangeEvent> read =
          store.recent(UsState.TX, 100).stream().map(EventStore.StoredEvent::event).toList();
      ChangeEvent mcMullen =
          read.stream()
              .filter(e -> e.type() == ChangeEvent.Type.MODEL_CHANGED)
              .findFirst()
              .orElseThrow();
      assertEquals("McMullen County Sheriff's Office", mcMullen.agreement().agency());
      assertEquals(Model.TFM, mcMullen.agreement().model());
      assertEquals(Model.WSO, mcMullen.previous().model());
      assertEquals(
          events.stream()
              .filter(e -> e.type() == ChangeEvent.Type.MODEL_CHANGED)
              .findFirst()
              .orElseThrow()
              .previous()
              .signed(),
          mcMullen.previous().signed());
      for (ChangeEvent e : read) {
        if (e.type() != ChangeEvent.Type.MODEL_CHANGED) {
          assertEquals(e.agreement().model(), e.previous().model(), e.toString());
        }
      }
    }
  }

  private static Publication parse(String name) throws Exception {
    return new SpreadsheetParser().parse(BundledSnapshots.read(name), name);
  }
}
