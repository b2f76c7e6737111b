package org.watch287g.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Outbox;
import org.watch287g.alerts.OutboxItem;
import org.watch287g.alerts.Target;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;
import org.watch287g.testing.TestStores;

@ParameterizedClass(name = "on {0}")
@EnumSource(TestStores.Kind.class)
class SqlOutboxTest {
  @Parameter TestStores.Kind kind;
  @RegisterExtension final TestStores stores = new TestStores();

  static final Instant T0 = Instant.parse("2026-05-18T10:00:00Z");
  static final Instant LATER = T0.plus(Duration.ofHours(1));
  static final ChannelRef GONE = new ChannelRef("discord", "900", "901");
  static final ChannelRef GONE_TOO = new ChannelRef("discord", "900", "902");
  static final ChannelRef STAYS = new ChannelRef("discord", "700", "701");

  @TempDir Path dir;
  Database database;
  SqlOutbox outbox;
  SourceLedger ledger;
  SubscriptionRepository subscriptions;

  @BeforeEach
  void open() {
    database = stores.open(kind, dir.resolve("bot.db"));
    EventStore events = new EventStore(database);
    outbox = new SqlOutbox(database, events);
    ledger = new SourceLedger(database, new SnapshotRepository(database), events);
    subscriptions = new SubscriptionRepository(database);
  }

  /** One new agreement, queued to each channel, as a poll cycle queues it. */
  void queue(ChannelRef... channels) {
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
        List.of(new SourceLedger.Found(event, "", List.of(channels))),
        T0);
  }

  List<ChannelRef> dueChannels() {
    List<ChannelRef> due = new ArrayList<>();
    for (OutboxItem item : outbox.due("discord", LATER, 100)) {
      due.add(item.channel());
    }
    return due;
  }

  /** Each row's channel, status and last error, in id order. */
  List<String> rows() {
    return database.read(
        c -> {
          List<String> rows = new ArrayList<>();
          try (PreparedStatement s =
                  c.prepareStatement("SELECT channel, status, last_error FROM outbox ORDER BY id");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3));
            }
          }
          return rows;
        });
  }

  @Test
  @DisplayName(
      "forgetting a Discord server the bot was removed from gives up its pending alerts, and they"
          + " are never due again")
  void forgettingAWorkspaceGivesUpItsAlerts() {
    subscriptions.follow(GONE, Target.state(UsState.LA), T0, null);
    subscriptions.follow(GONE_TOO, Target.state(UsState.LA), T0, null);
    subscriptions.follow(STAYS, Target.state(UsState.LA), T0, null);
    queue(GONE, GONE_TOO, STAYS);

    assertEquals(2, subscriptions.forgetWorkspace("discord", "900"));

    assertEquals(List.of(STAYS), dueChannels(), "only the server still there is sent to");
    assertEquals(1, outbox.depth("discord"), "the forgotten server's alerts are no longer pending");
    List<String> rows = rows();
    assertEquals(
        List.of(
            "901 dead " + SqlOutbox.WORKSPACE_FORGOTTEN,
            "902 dead " + SqlOutbox.WORKSPACE_FORGOTTEN,
            "701 pending null"),
        rows);
  }

  @Test
  @DisplayName(
      "forgetting one channel gives up its pending alerts, and leaves other channels' alone")
  void forgettingAChannelGivesUpItsAlerts() {
    subscriptions.follow(GONE, Target.state(UsState.LA), T0, null);
    subscriptions.follow(STAYS, Target.state(UsState.LA), T0, null);
    queue(GONE, STAYS);

    subscriptions.forget(GONE);

    assertEquals(List.of(STAYS), dueChannels());
    assertEquals(List.of("901 dead " + SqlOutbox.CHANNEL_FORGOTTEN, "701 pending null"), rows());
  }

  @Test
  @DisplayName("an alert for a channel that no longer exists is never due, whatever its status")
  void rowsOfAMissingChannelAreNeverDue() {
    subscriptions.follow(STAYS, Target.state(UsState.LA), T0, null);
    // A row left pending by an older version that deleted channels without their alerts.
    queue(GONE, STAYS);

    assertEquals(List.of(STAYS), dueChannels());
  }

  @Test
  @DisplayName(
      "a claim is all or nothing, holds against other senders until its lease runs out, and the"
          + " next claim after an unanswered send knows the rows are in doubt")
  void claimsHoldUntilTheirLeaseRunsOut() {
    subscriptions.follow(GONE, Target.state(UsState.LA), T0, null);
    subscriptions.follow(STAYS, Target.state(UsState.LA), T0, null);
    queue(GONE, STAYS);
    List<Long> ids = outbox.due("discord", LATER, 10).stream().map(OutboxItem::id).toList();
    Instant lease = LATER.plusSeconds(60);

    Outbox.Claim first = outbox.claim(List.of(ids.get(0)), "a", LATER, lease);
    assertTrue(first.taken());
    assertNull(first.inDoubtSince(), "never sent before");
    assertEquals(List.of(STAYS), dueChannels(), "a leased row is not due to others");
    assertFalse(outbox.claim(ids, "b", LATER.plusSeconds(59), lease).taken(), "all or nothing");
    assertTrue(
        outbox.claim(List.of(ids.get(1)), "b", LATER, lease).taken(), "the other row was left");

    Outbox.Claim after = outbox.claim(List.of(ids.get(0)), "b", lease, lease.plusSeconds(60));
    assertTrue(after.taken(), "the lease ran out: a crashed sender's rows are taken up");
    assertEquals(LATER, after.inDoubtSince(), "the send that began at LATER was never answered");

    outbox.markSent(List.of(ids.get(0)), lease);
    assertFalse(outbox.claim(List.of(ids.get(0)), "c", lease, lease).taken(), "sent");
    outbox.postpone(List.of(ids.get(1)), lease, "rate limited");
    Outbox.Claim answered = outbox.claim(List.of(ids.get(1)), "c", lease, lease.plusSeconds(60));
    assertNull(answered.inDoubtSince(), "an answer ends the doubt");

    outbox.unclaim(List.of(ids.get(1)), answered.inDoubtSince());
    Outbox.Claim unclaimed = outbox.claim(List.of(ids.get(1)), "d", lease.plusSeconds(1), lease);
    assertTrue(unclaimed.taken(), "given back: free at once");
    assertNull(unclaimed.inDoubtSince(), "a claim given back before sending leaves no doubt");
  }

  @Test
  @DisplayName(
      "on PostgreSQL a second instance claiming alerts another instance is claiming right now gets"
          + " them refused at once instead of waiting, and takes them up once that lease runs out")
  void anotherInstancesClaimIsSkippedNotAwaited() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(kind == TestStores.Kind.POSTGRESQL);
    subscriptions.follow(STAYS, Target.state(UsState.LA), T0, null);
    queue(STAYS);
    List<Long> ids = outbox.due("discord", LATER, 10).stream().map(OutboxItem::id).toList();
    Instant lease = LATER.plusSeconds(60);
    SqlOutbox other =
        new SqlOutbox(stores.open(kind, dir.resolve("bot.db")), new EventStore(database));
    java.util.concurrent.CountDownLatch claimed = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
    Thread first =
        new Thread(
            () ->
                database.write(
                    c -> {
                      outbox.claim(ids, "a", LATER, lease);
                      claimed.countDown();
                      try {
                        commit.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    first.start();
    claimed.await();

    // The first claim's transaction is still open, its rows locked: skipped, not waited for.
    assertFalse(other.claim(ids, "b", LATER, lease).taken());
    commit.countDown();
    first.join();
    assertFalse(other.claim(ids, "b", LATER.plusSeconds(30), lease).taken(), "under a's lease");
    assertTrue(other.claim(ids, "b", lease, lease.plusSeconds(60)).taken(), "a's lease ran out");
  }
}
