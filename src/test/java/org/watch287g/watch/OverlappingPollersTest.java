package org.watch287g.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Target;
import org.watch287g.changes.PublicationGuard;
import org.watch287g.config.SourceConfig;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.source.SourceClient;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.store.Database;
import org.watch287g.store.EventStore;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SourceLedger;
import org.watch287g.store.SqlOutbox;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.testing.FakeIce;
import org.watch287g.testing.TestStores;

/**
 * Two pollers at once on one database, as at a change of leader when the old one has not yet
 * noticed it lost the lead: whatever they both read, a publication is kept once, with its events
 * and alerts once.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStores.Kind.class)
class OverlappingPollersTest {
  @Parameter TestStores.Kind kind;
  @RegisterExtension final TestStores stores = new TestStores();
  @TempDir Path dir;

  final ChannelRef louisiana = new ChannelRef("slack", "T1", "CLA");
  FakeIce ice;
  final List<SourceClient> clients = new java.util.ArrayList<>();

  /** One instance's poll cycle, with its own connections, on the shared database. */
  PollCycle instance(Database database) {
    SourceClient client =
        new SourceClient(
            new SourceConfig(
                ice.pageUrl(),
                Duration.ofSeconds(3),
                Duration.ofSeconds(2),
                Duration.ofSeconds(15),
                2_000_000,
                20_000_000,
                0,
                SourceConfig.USER_AGENT));
    clients.add(client);
    SnapshotRepository snapshots = new SnapshotRepository(database);
    SourceLedger ledger = new SourceLedger(database, snapshots, new EventStore(database));
    return new PollCycle(
        client,
        new SpreadsheetParser(),
        Ingest.create(
            new PublicationGuard(),
            AgencyResolver.bundled(),
            ledger,
            snapshots,
            new SubscriptionRepository(database)),
        ledger,
        snapshots,
        ice.pageUrl().toString(),
        Clock.fixed(Instant.parse("2025-05-19T12:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    clients.forEach(SourceClient::close);
    if (ice != null) {
      ice.close();
    }
  }

  @Test
  @DisplayName(
      "two pollers that read ICE's new lists at the same moment keep them once: one set of"
          + " events, one alert per channel, and the other says another instance kept them")
  void aPublicationIsKeptOnceByOverlappingPollers() throws Exception {
    ice = new FakeIce();
    Path file = dir.resolve("bot.db");
    Database first = stores.open(kind, file);
    Database second = stores.open(kind, file);
    new SubscriptionRepository(first)
        .follow(louisiana, Target.state(UsState.LA), Instant.EPOCH, null);
    PollCycle a = instance(first);
    PollCycle b = instance(second);
    ice.publish("05162025am", PollCycleTest.PART_0516, PollCycleTest.PEND_0515);
    a.run();
    ice.publish("05192025am", PollCycleTest.PART_0519, PollCycleTest.PEND_0519);
    long eventsBefore = new EventStore(first).count();
    assertEquals(0, eventsBefore, "the first publication is the baseline");

    ice.answerPageTogether(2);
    CompletableFuture<CycleReport> byA = CompletableFuture.supplyAsync(a::run);
    CompletableFuture<CycleReport> byB = CompletableFuture.supplyAsync(b::run);
    CycleReport ra = byA.get();
    CycleReport rb = byB.get();

    String reports = ra + "\n" + rb;
    long keptBy =
        List.of(ra, rb).stream()
            .filter(r -> r.lines().stream().anyMatch(l -> l.detail().contains("snapshot #")))
            .count();
    assertEquals(1, keptBy, reports);
    assertTrue(reports.contains("another instance stored a publication meanwhile"), reports);
    SqlOutbox outbox = new SqlOutbox(first, new EventStore(first));
    List<String> alerted =
        PollCycleTest.agencies(outbox.due("slack", PollCycleTest.LATER, 1000), louisiana);
    assertEquals(alerted.stream().distinct().toList(), alerted, "no agency alerted twice");
    assertTrue(alerted.contains("Beauregard Parish Sheriff's Office"), alerted.toString());
    assertEquals(4, new SnapshotRepository(second).latestId(), "two lists, kept once each");
  }
}
