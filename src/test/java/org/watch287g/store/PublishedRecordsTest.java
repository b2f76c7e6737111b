package org.watch287g.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
import org.watch287g.changes.Verdict;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.Snapshot;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.testing.TestStores;
import org.watch287g.watch.BundledSnapshots;

/** What {@code status} reads: always the newest good list, read from disk only when it changes. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStores.Kind.class)
class PublishedRecordsTest {
  @Parameter TestStores.Kind kind;
  @RegisterExtension final TestStores stores = new TestStores();

  @TempDir Path dir;

  @Test
  @DisplayName(
      "status serves the newest good list as soon as it is stored, and reuses it while it stays"
          + " the newest")
  void newestListWithoutRereading() throws Exception {
    try (Database database = stores.open(kind, dir.resolve("bot.db"))) {
      SnapshotRepository snapshots = new SnapshotRepository(database);
      SourceLedger ledger = new SourceLedger(database, snapshots, new EventStore(database));
      PublishedRecords records = new PublishedRecords(snapshots, new EventStore(database));

      keep(ledger, "2025-05-16-participating.xlsx", Snapshot.Status.GOOD);
      Snapshot first = records.latestGood(ListKind.PARTICIPATING).orElseThrow();
      assertSame(first, records.latestGood(ListKind.PARTICIPATING).orElseThrow(), "reused");

      keep(ledger, "2025-05-19-participating.xlsx", Snapshot.Status.QUARANTINED);
      assertSame(first, records.latestGood(ListKind.PARTICIPATING).orElseThrow(), "not served");

      keep(ledger, "2025-05-19-participating.xlsx", Snapshot.Status.GOOD);
      Snapshot second = records.latestGood(ListKind.PARTICIPATING).orElseThrow();
      assertEquals(first.id() + 2, second.id());
      assertEquals(571, first.publication().agreements().size());
      assertEquals(581, second.publication().agreements().size());
    }
  }

  static void keep(SourceLedger ledger, String name, Snapshot.Status status) throws Exception {
    Publication publication = new SpreadsheetParser().parse(BundledSnapshots.read(name), name);
    Instant now = Instant.now();
    String sha = Provenance.sha256Of(BundledSnapshots.read(name)) + status;
    Verdict verdict =
        status == Snapshot.Status.GOOD ? Verdict.good() : Verdict.quarantined(List.of("test"));
    ledger.keep(
        List.of(
            new SourceLedger.Judged(
                new SourceLedger.Arrival(
                    new SourceCursor(ListKind.PARTICIPATING, name, null, null, sha, now, now),
                    new Provenance(
                        Provenance.Origin.FETCHED, name, ListKind.PARTICIPATING, now, sha),
                    publication,
                    "d"),
                verdict)),
        List.of(),
        now);
  }
}
