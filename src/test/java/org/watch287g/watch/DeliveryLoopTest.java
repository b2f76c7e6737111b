package org.watch287g.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.AdminNotices;
import org.watch287g.alerts.AlertComposer;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Deliverer;
import org.watch287g.alerts.DeliveryResult;
import org.watch287g.alerts.DeliveryWorker;
import org.watch287g.alerts.DigestPart;
import org.watch287g.alerts.Notice;
import org.watch287g.alerts.RateLimits;
import org.watch287g.alerts.RetryPolicy;
import org.watch287g.alerts.Target;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.config.ToolkitLoader;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.Gazetteer;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.store.Database;
import org.watch287g.store.EventStore;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SourceLedger;
import org.watch287g.store.SqlOutbox;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.testing.Ledgers;
import org.watch287g.testing.RecordingDeliverer;

/** Stopping the bot (SIGTERM runs the same close) while alerts are on their way out. */
class DeliveryLoopTest {
  static final ChannelRef CHANNEL = new ChannelRef("slack", "T1", "C1");

  @TempDir Path dir;

  /**
   * A platform that takes {@code delay} over each message, as a slow network would, within {@code
   * limits}; it notes when it accepted each.
   */
  static final class TimedPlatform implements Deliverer {
    final RecordingDeliverer recorder = new RecordingDeliverer("slack", new DigestBudget(25, 2900));
    final CountDownLatch firstAccepted = new CountDownLatch(1);
    final List<Long> acceptedAtNanos = new CopyOnWriteArrayList<>();
    private final Duration delay;
    private final RateLimits limits;

    TimedPlatform(Duration delay, RateLimits limits) {
      this.delay = delay;
      this.limits = limits;
    }

    @Override
    public String platform() {
      return "slack";
    }

    @Override
    public RateLimits rateLimits() {
      return limits;
    }

    @Override
    public DigestBudget digestBudget() {
      return recorder.digestBudget();
    }

    @Override
    public DeliveryResult deliver(ChannelRef channel, AlertMessage alert) {
      return accepted(() -> recorder.deliver(channel, alert));
    }

    @Override
    public DeliveryResult deliver(ChannelRef channel, DigestPart digest) {
      return accepted(() -> recorder.deliver(channel, digest));
    }

    @Override
    public DeliveryResult deliver(ChannelRef adminChannel, Notice notice) {
      return recorder.deliver(adminChannel, notice);
    }

    private DeliveryResult accepted(Supplier<DeliveryResult> delivery) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      acceptedAtNanos.add(System.nanoTime());
      DeliveryResult result = delivery.get();
      firstAccepted.countDown();
      return result;
    }
  }

  @Test
  @DisplayName(
      "stopping while alerts go out finishes the message in flight, and a restart sends the rest"
          + " without repeating any")
  void stopMidDeliveryLosesAndRepeatsNothing() throws Exception {
    Database database = Database.open(dir.resolve("bot.db"), Duration.ofSeconds(2));
    EventStore events = new EventStore(database);
    SqlOutbox outbox = new SqlOutbox(database, events);
    SubscriptionRepository subscriptions = new SubscriptionRepository(database);
    queueAlerts(
        new SourceLedger(database, new SnapshotRepository(database), events), subscriptions, 4);
    TimedPlatform platform = new TimedPlatform(Duration.ofMillis(150), RateLimits.none());

    DeliveryLoop first = new DeliveryLoop(List.of(worker(outbox, subscriptions, platform)), tick());
    first.start();
    assertTrue(platform.firstAccepted.await(5, TimeUnit.SECONDS));
    first.close();
    int beforeRestart = platform.recorder.accepted().size();
    int pendingAtStop = outbox.depth("slack");

    DeliveryWorker restarted = worker(outbox, subscriptions, platform);
    while (!restarted.deliverDue().idle()) {
      // deliver the rest, as the restarted bot's loop would
    }

    List<String> texts =
        platform.recorder.accepted().stream().map(RecordingDeliverer.Accepted::text).toList();
    assertTrue(beforeRestart >= 1 && beforeRestart < 4, "stopped soon: " + beforeRestart);
    assertEquals(4 - beforeRestart, pendingAtStop, "the one in flight was finished and marked");
    assertEquals(4, texts.size(), "every alert, once: " + texts);
    assertEquals(4, Set.copyOf(texts).size());
    assertEquals(0, outbox.depth("slack"));
    database.close();
  }

  @Test
  @DisplayName(
      "a channel with several alerts gets them as fast as its rate limit allows, not one per tick"
          + " of the loop")
  void aBusyChannelIsServedAtItsRateLimit() throws Exception {
    Database database = Database.open(dir.resolve("bot.db"), Duration.ofSeconds(2));
    EventStore events = new EventStore(database);
    SqlOutbox outbox = new SqlOutbox(database, events);
    SubscriptionRepository subscriptions = new SubscriptionRepository(database);
    queueAlerts(
        new SourceLedger(database, new SnapshotRepository(database), events), subscriptions, 4);
    TimedPlatform platform =
        new TimedPlatform(
            Duration.ZERO, new RateLimits(null, new RateLimits.Window(1, Duration.ofMillis(200))));
    long start = System.nanoTime();

    try (DeliveryLoop loop =
        new DeliveryLoop(List.of(worker(outbox, subscriptions, platform)), Duration.ofHours(1))) {
      loop.start();
      // The loop ticks once an hour: every alert that arrives came in its first round.
      long deadline = start + Duration.ofSeconds(60).toNanos();
      while (platform.acceptedAtNanos.size() < 4 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }

    List<Long> at = platform.acceptedAtNanos;
    assertEquals(4, at.size(), "all four alerts, as separate messages, in the loop's first round");
    // The pacer spaces the sends' starts; what a platform records after composing and sending
    // can bunch up on a loaded machine, so the limit is checked where it is sound: no message went
    // before the loop started, and four sends at one per 200 ms span at least three windows.
    assertTrue(
        at.get(3) - start >= Duration.ofMillis(600).toNanos(),
        "the channel's limit is kept: four messages in " + (at.get(3) - start) / 1_000_000 + " ms");
    database.close();
  }

  static Duration tick() {
    return Duration.ofMillis(10);
  }

  static DeliveryWorker worker(
      SqlOutbox outbox, SubscriptionRepository subscriptions, Deliverer platform) {
    return new DeliveryWorker(
        outbox,
        platform,
        subscriptions,
        new AlertComposer(Gazetteer.bundled(), new ToolkitLoader().bundled()),
        RetryPolicy.defaults(),
        AdminNotices.logOnly(text -> {}, Clock.systemUTC()),
        Clock.systemUTC());
  }

  /** Queues one NEW_AGREEMENT alert to the channel for each of the first {@code n} agreements. */
  /** Queues {@code n} alerts to {@link #CHANNEL}, which follows Florida: alerts go to followers. */
  static void queueAlerts(SourceLedger ledger, SubscriptionRepository subscriptions, int n)
      throws Exception {
    subscriptions.follow(CHANNEL, Target.state(UsState.FL), java.time.Instant.now(), null);
    String name = "2025-05-19-participating.xlsx";
    Publication publication = new SpreadsheetParser().parse(BundledSnapshots.read(name), name);
    List<SourceLedger.Found> found = new ArrayList<>();
    for (Agreement a : publication.agreements().subList(0, n)) {
      found.add(
          new SourceLedger.Found(
              new ChangeEvent(
                  ChangeEvent.Type.NEW_AGREEMENT, ListKind.PARTICIPATING, a, null, Set.of()),
              "",
              List.of(CHANNEL)));
    }
    Ledgers.keepFetched(ledger, name, publication, found, java.time.Instant.now());
  }
}
