package org.watch287g.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Subscription;
import org.watch287g.alerts.Target;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.Snapshot;
import org.watch287g.dataset.UsState;
import org.watch287g.testing.TestStores;

/** {@code migrate-store}: a SQLite database moved to PostgreSQL, and back by {@code backup}. */
class StoreCopyTest {
  static final Instant T0 = Instant.parse("2026-05-18T10:00:00Z");
  static final ChannelRef LEE = new ChannelRef("slack", "T0001", "C0LEE");
  static final ChannelRef LA = new ChannelRef("discord", "900", "901");

  @RegisterExtension final TestStores stores = new TestStores();
  @TempDir Path dir;

  /** A bot's database after a publication with one new agreement, alerted to two channels. */
  static void fill(Database database) {
    SubscriptionRepository subscriptions = new SubscriptionRepository(database);
    subscriptions.follow(LEE, Target.state(UsState.AL), T0, "U1");
    subscriptions.follow(LA, Target.state(UsState.AL), T0.plusSeconds(1), null);
    EventStore events = new EventStore(database);
    SourceLedger ledger = new SourceLedger(database, new SnapshotRepository(database), events);
    var agreement = SnapshotRepositoryTest.colbert(Model.JEM);
    ChangeEvent event =
        new ChangeEvent(
            ChangeEvent.Type.NEW_AGREEMENT, ListKind.PARTICIPATING, agreement, null, Set.of());
    ledger.keep(
        List.of(
            SourceLedger.Judged.good(
                new SourceLedger.Arrival(
                    new SourceCursor(ListKind.PARTICIPATING, "x.xlsx", null, null, "aa", T0, T0),
                    SnapshotRepositoryTest.fetched("aa"),
                    SnapshotRepositoryTest.participating(agreement),
                    "1 agreement"))),
        List.of(new SourceLedger.Found(event, "", List.of(LEE, LA))),
        T0);
    new SqlOutbox(database, events).markSent(List.of(1L), T0);
  }

  @Test
  @DisplayName(
      "a SQLite database moved to PostgreSQL keeps every row with its id (counted in both), goes"
          + " on numbering after them, and its backup comes back as SQLite with the same rows")
  void sqliteToPostgresAndBack() {
    Database sqlite = stores.open(TestStores.Kind.SQLITE, dir.resolve("bot.db"));
    fill(sqlite);
    Database postgres = stores.open(TestStores.Kind.POSTGRESQL, dir.resolve("shared"));

    Map<String, Long> counts = StoreCopy.copy(sqlite, postgres);

    assertEquals(1L, counts.get("snapshot"));
    assertEquals(2L, counts.get("channel"));
    assertEquals(2L, counts.get("outbox"));
    assertEquals(
        List.of(LEE, LA),
        new SubscriptionRepository(postgres).all().stream().map(Subscription::channel).toList());
    SqlOutbox outbox = new SqlOutbox(postgres, new EventStore(postgres));
    // The sent alert stays sent; the other is still due, with its event found by id.
    assertEquals(1, outbox.depth("discord"));
    assertEquals(0, outbox.depth("slack"));
    assertEquals(
        "Colbert County Sheriff’s Office",
        outbox.due("discord", T0.plusSeconds(60), 10).get(0).event().agreement().agency());
    long next =
        new SnapshotRepository(postgres)
            .save(
                SnapshotRepositoryTest.fetched("bb"),
                Snapshot.Status.GOOD,
                null,
                SnapshotRepositoryTest.participating(SnapshotRepositoryTest.colbert(Model.WSO)));
    assertEquals(2L, next, "numbering goes on after the copied rows");

    Path backup = dir.resolve("backup.db");
    new Vitals(postgres).backupTo(backup);
    try (Database restored = Database.open(backup, Duration.ofSeconds(2))) {
      assertEquals(2L, new SnapshotRepository(restored).latestGoodId(ListKind.PARTICIPATING).get());
      assertEquals(1, new SqlOutbox(restored, new EventStore(restored)).depth("discord"));
    }
  }

  @Test
  @DisplayName("a copy into a database that already holds rows is refused, and adds nothing")
  void refusesATargetWithRows() {
    Database sqlite = stores.open(TestStores.Kind.SQLITE, dir.resolve("bot.db"));
    fill(sqlite);
    Database postgres = stores.open(TestStores.Kind.POSTGRESQL, dir.resolve("shared"));
    new SubscriptionRepository(postgres).follow(LEE, Target.county("12071"), T0, null);

    StorageException e =
        assertThrows(StorageException.class, () -> StoreCopy.copy(sqlite, postgres));

    assertTrue(e.getMessage().contains("already holds rows"), e.getMessage());
    assertEquals(1, new SubscriptionRepository(postgres).all().size());
  }
}
