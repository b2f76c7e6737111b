package org.watch287g.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.config.ToolkitLoader;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.Gazetteer;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.store.Database;
import org.watch287g.store.EventStore;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SourceCursor;
import org.watch287g.store.SourceLedger;
import org.watch287g.store.SqlOutbox;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.testing.FakeClock;
import org.watch287g.testing.RecordingDeliverer;
import org.watch287g.watch.BundledSnapshots;

/** Delivery through the real outbox on SQLite, to a platform that records what it accepted. */
class DeliveryWorkerTest {
  static final Instant T0 = Instant.parse("2025-05-19T12:00:00Z");
  static final Publication PUBLICATION = parse("2025-05-19-participating.xlsx");
  static final AlertComposer COMPOSER =
      new AlertComposer(Gazetteer.bundled(), new ToolkitLoader().bundled());
  static final ChannelRef MIAMI = new ChannelRef("slack", "T1", "CMIAMI");
  static final ChannelRef TEXAS = new ChannelRef("slack", "T1", "CTEXAS");
  static final ChannelRef ADMIN = ChannelRef.admin("slack", "CADMIN");

  @TempDir Path dir;
  FakeClock clock;
  Database database;
  SqlOutbox outbox;
  SourceLedger ledger;
  SubscriptionRepository subscriptions;
  final RecordingDeliverer admin =
      new RecordingDeliverer("slack", new Deliverer.DigestBudget(25, 2900));
  final List<String> told = new ArrayList<>();

  static Publication parse(String name) {
    try {
      return new SpreadsheetParser().parse(BundledSnapshots.read(name), name);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void open() {
    clock = new FakeClock(T0);
    database = Database.open(dir.resolve("bot.db"), Duration.ofSeconds(2));
    open(database);
  }

  /** Points the test at a fresh database (a second bot, to compare with the first). */
  void open(Database database) {
    EventStore events = new EventStore(database);
    outbox = new SqlOutbox(database, events);
    ledger = new SourceLedger(database, new SnapshotRepository(database), events);
    subscriptions = new SubscriptionRepository(database);
  }

  /**
   * Queues a NEW_AGREEMENT alert to {@code channel} for each of the first {@code n} agreements of a
   * state, making the channel follow the state if it does not exist yet.
   */
  void queue(UsState state, int n, ChannelRef channel) {
    queue(state, n, List.of(channel));
  }

  /** Queues the same {@code n} alerts to each of {@code channels}, as one publication. */
  void queue(UsState state, int n, List<ChannelRef> channels) {
    queue(state, n, channels, ChangeEvent.Type.NEW_AGREEMENT);
  }

  /** Queues {@code n} events of one type to each of {@code channels}, as one publication. */
  void queue(UsState state, int n, List<ChannelRef> channels, ChangeEvent.Type type) {
    // Alerts go only to channels that exist; following a state makes one, as a subscriber's does.
    for (ChannelRef channel : channels) {
      if (subscriptions.find(channel).isEmpty()) {
        subscriptions.follow(channel, Target.state(state), clock.instant(), null);
      }
    }
    List<SourceLedger.Found> found = new ArrayList<>();
    for (Agreement a : PUBLICATION.agreements()) {
      if (a.state() == state && found.size() < n) {
        ChangeEvent e = new ChangeEvent(type, ListKind.PARTICIPATING, a, null, Set.of());
        found.add(new SourceLedger.Found(e, "", channels));
      }
    }
    assertEquals(n, found.size(), "the publication has " + n + " agreements in " + state);
    Provenance p =
        new Provenance(
            Provenance.Origin.FETCHED, "x.xlsx", ListKind.PARTICIPATING, clock.instant(), "h" + n);
    SourceCursor cursor =
        new SourceCursor(ListKind.PARTICIPATING, "x.xlsx", null, null, "h" + n, T0, T0);
    ledger.keep(
        List.of(SourceLedger.Judged.good(new SourceLedger.Arrival(cursor, p, PUBLICATION, "d"))),
        found,
        clock.instant());
  }

  DeliveryWorker worker(RecordingDeliverer deliverer) {
    return worker(deliverer, 1);
  }

  DeliveryWorker worker(RecordingDeliverer deliverer, int inFlight) {
    return new DeliveryWorker(
        outbox,
        deliverer,
        subscriptions,
        COMPOSER,
        RetryPolicy.defaults(),
        new AdminNotices(
            List.of(new AdminNotices.Route(admin, ADMIN)),
            told::add,
            AdminNotices.Limits.defaults(),
            clock),
        clock,
        inFlight,
        DeliveryWorker.LEASE);
  }

  /** Runs rounds until one sends nothing; returns the rounds. */
  static List<DeliveryWorker.Round> drain(DeliveryWorker worker) {
    List<DeliveryWorker.Round> rounds = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      DeliveryWorker.Round round = worker.deliverDue();
      if (round.idle()) {
        return rounds;
      }
      rounds.add(round);
    }
    throw new AssertionError("still sending after 1,000 rounds: " + rounds.get(rounds.size() - 1));
  }

  static List<String> texts(RecordingDeliverer deliverer, ChannelRef channel) {
    return deliverer.accepted().stream()
        .filter(a -> a.channel().equals(channel))
        .map(RecordingDeliverer.Accepted::text)
        .toList();
  }

  static List<String> titles(RecordingDeliverer deliverer) {
    return deliverer.accepted().stream().map(a -> a.text().lines().findFirst().orElse("")).toList();
  }

  /** The channels the deliverer posted to, in order. */
  static List<ChannelRef> sentTo(RecordingDeliverer deliverer) {
    return deliverer.accepted().stream().map(RecordingDeliverer.Accepted::channel).toList();
  }

  static RecordingDeliverer slack() {
    return new RecordingDeliverer("slack", new Deliverer.DigestBudget(25, 2900));
  }

  @Test
  @DisplayName(
      "channels take turns: a channel with several alerts gets its second only after every other"
          + " channel got its first, and each channel's alerts keep their order")
  void channelsTakeTurns() {
    queue(UsState.FL, 3, MIAMI);
    queue(UsState.TX, 3, TEXAS);
    RecordingDeliverer slack = slack();

    worker(slack).deliverDue();

    List<ChannelRef> order =
        slack.accepted().stream().map(RecordingDeliverer.Accepted::channel).toList();
    assertEquals(List.of(MIAMI, TEXAS, MIAMI, TEXAS, MIAMI, TEXAS), order);
  }

  @Test
  @DisplayName("every due alert is sent once and marked; the next round has nothing to send")
  void sendsEachAlertOnce() {
    queue(UsState.FL, 3, MIAMI);
    RecordingDeliverer slack = slack();
    DeliveryWorker worker = worker(slack);

    assertEquals(new DeliveryWorker.Round(3, 0, 0), worker.deliverDue());
    assertEquals(new DeliveryWorker.Round(0, 0, 0), worker.deliverDue());
    assertEquals(3, slack.accepted().size());
    assertEquals(0, outbox.depth("slack"));
  }

  @Test
  @DisplayName(
      "a 429 with Retry-After holds the channel until the delay has passed, and loses nothing")
  void rateLimitIsHonoured() {
    queue(UsState.FL, 3, MIAMI);
    RecordingDeliverer slack =
        slack().then(new DeliveryResult.RetryAfter(Duration.ofSeconds(30), "429"));
    DeliveryWorker worker = worker(slack);

    DeliveryWorker.Round first = worker.deliverDue();
    clock.advance(Duration.ofSeconds(29));
    DeliveryWorker.Round early = worker.deliverDue();
    clock.advance(Duration.ofSeconds(1));
    DeliveryWorker.Round after = worker.deliverDue();

    assertEquals(
        new DeliveryWorker.Round(0, 1, 0, Duration.ofSeconds(30)),
        first,
        "the channel waits after a 429, and the round says to look again when the delay is over");
    assertEquals(2, early.sent(), "the other alerts were not held by the first one's delay");
    assertEquals(1, after.sent(), "the limited one goes out when its delay is over");
    assertEquals(3, slack.accepted().size());
    assertEquals(0, outbox.depth("slack"));
  }

  @Test
  @DisplayName("a refusal dead-letters the alert instead of retrying it for ever")
  void refusalDeadLetters() {
    queue(UsState.FL, 1, MIAMI);
    RecordingDeliverer slack = slack().then(new DeliveryResult.Rejected("msg_too_long"));

    assertEquals(new DeliveryWorker.Round(0, 0, 1), worker(slack).deliverDue());
    clock.advance(Duration.ofHours(1));
    assertEquals(new DeliveryWorker.Round(0, 0, 0), worker(slack).deliverDue());
    assertEquals(0, outbox.depth("slack"));
    assertEquals(1, admin.accepted().size(), "the operator is told");
    assertTrue(admin.accepted().get(0).text().contains("msg_too_long"), told.toString());
  }

  @Test
  @DisplayName(
      "a channel the bot cannot reach is paused with its alerts held, the operator told once,"
          + " and subscribing again sends them")
  void unreachableChannelIsPausedUntilSubscribedAgain() {
    subscriptions.follow(MIAMI, new Target("12086"), T0, "U1");
    subscriptions.follow(TEXAS, Target.state(UsState.TX), T0, "U1");
    queue(UsState.FL, 2, MIAMI);
    queue(UsState.TX, 1, TEXAS);
    RecordingDeliverer slack = slack().then(new DeliveryResult.Unavailable("not_in_channel"));
    DeliveryWorker worker = worker(slack);

    DeliveryWorker.Round first = worker.deliverDue();
    clock.advance(Duration.ofHours(2));
    DeliveryWorker.Round later = worker.deliverDue();

    assertEquals(new DeliveryWorker.Round(1, 1, 0), first, "Texas went out; Miami held");
    assertEquals(new DeliveryWorker.Round(0, 0, 0), later, "nothing retried while paused");
    assertEquals(2, outbox.depth("slack"), "Miami's two alerts are kept");
    assertEquals(1, admin.accepted().size());
    assertTrue(admin.accepted().get(0).text().contains("CMIAMI"), admin.accepted().toString());
    assertTrue(subscriptions.pausedReason(MIAMI).isPresent());

    subscriptions.follow(MIAMI, new Target("12086"), clock.instant(), "U1");
    assertEquals(new DeliveryWorker.Round(2, 0, 0), worker.deliverDue());
    assertEquals(0, outbox.depth("slack"));
  }

  @Test
  @DisplayName(
      "waiting out rate limits uses up no attempts: a dozen 429s then a 503 still end in the alert"
          + " being sent")
  void rateLimitsAreNotFailures() {
    queue(UsState.FL, 1, MIAMI);
    RecordingDeliverer slack = slack();
    for (int i = 0; i < 12; i++) {
      slack.then(new DeliveryResult.RetryAfter(Duration.ofSeconds(1), "429"));
    }
    slack.then(new DeliveryResult.Failed("HTTP 503"));
    DeliveryWorker worker = worker(slack);

    int dead = 0;
    for (int i = 0; i < 20; i++) {
      dead += worker.deliverDue().dead();
      clock.advance(Duration.ofSeconds(5));
    }

    assertEquals(0, dead);
    assertEquals(1, slack.accepted().size());
    assertEquals(0, outbox.depth("slack"));
  }

  @Test
  @DisplayName(
      "a revoked token holds every alert of the platform without using up their attempts,"
          + " and tells the operator once")
  void revokedTokenHoldsThePlatform() {
    queue(UsState.FL, 2, MIAMI);
    queue(UsState.TX, 1, TEXAS);
    RecordingDeliverer slack = slack();
    for (int i = 0; i < 20; i++) {
      slack.then(new DeliveryResult.Unauthorized("token_revoked"));
    }
    DeliveryWorker worker = worker(slack);

    for (int i = 0; i < 20; i++) {
      worker.deliverDue();
      clock.advance(Duration.ofMinutes(1));
    }

    assertEquals(3, outbox.depth("slack"), "nothing given up");
    assertEquals(0, slack.accepted().size());
    long platformNotices =
        told.stream().filter(t -> t.contains("token") && t.contains("Slack")).count();
    assertEquals(1, platformNotices, told.toString());
  }

  @Test
  @DisplayName("more alerts than the channel's threshold from one publication come as a digest")
  void digestAboveThreshold() {
    queue(UsState.TX, 30, TEXAS);
    RecordingDeliverer slack = slack();

    DeliveryWorker.Round round = worker(slack).deliverDue();

    assertEquals(30, round.sent());
    assertTrue(
        slack.accepted().size() >= 2 && slack.accepted().size() <= 3, slack.accepted().toString());
    assertTrue(slack.accepted().get(0).text().contains("30"), slack.accepted().get(0).text());
    for (RecordingDeliverer.Accepted a : slack.accepted()) {
      assertTrue(a.text().length() < 2900 + 300, "within the budget");
    }
  }

  @Test
  @DisplayName("a channel that chose Spanish gets its alerts in Spanish")
  void spanishChannel() {
    subscriptions.setOptions(MIAMI, ChannelOptions.defaults().withLanguage(Language.ES), T0);
    queue(UsState.FL, 1, MIAMI);
    RecordingDeliverer slack = slack();

    worker(slack).deliverDue();

    String text = slack.accepted().get(0).text();
    assertTrue(text.contains("firmó un acuerdo 287(g) con ICE"), text);
  }

  @Test
  @DisplayName("a channel's note is the first line under 'What you can do' in each of its alerts")
  void channelNote() {
    subscriptions.setOptions(
        MIAMI, ChannelOptions.defaults().withNote("Hotline 555-0100, meeting Tue 6pm"), T0);
    queue(UsState.FL, 1, MIAMI);
    RecordingDeliverer slack = slack();

    worker(slack).deliverDue();

    String text = slack.accepted().get(0).text();
    assertTrue(text.contains("What you can do:\n- Hotline 555-0100, meeting Tue 6pm\n"), text);
  }

  @Test
  @DisplayName("a digest to a channel with a note carries the note once, first under its actions")
  void digestCarriesTheNote() {
    subscriptions.setOptions(MIAMI, ChannelOptions.defaults().withNote("Hotline 555-0100"), T0);
    queue(UsState.FL, 8, MIAMI);
    RecordingDeliverer slack = slack();

    worker(slack).deliverDue();

    String all = String.join("\n", slack.accepted().stream().map(a -> a.text()).toList());
    assertEquals(1, all.split("Hotline 555-0100", -1).length - 1, all);
    assertTrue(all.contains("What you can do:\n- Hotline 555-0100\n"), all);
  }

  @Test
  @DisplayName(
      "a channel's mention is pinged by a new agreement and never by an ending, nor in another"
          + " channel")
  void mentionPingsNewAgreementsOnly() {
    subscriptions.follow(MIAMI, Target.state(UsState.FL), T0, null);
    subscriptions.setOptions(MIAMI, ChannelOptions.defaults().withMention("subteam:S0123ABCD"), T0);
    queue(UsState.FL, 1, List.of(MIAMI, TEXAS), ChangeEvent.Type.NEW_AGREEMENT);
    queue(UsState.FL, 2, List.of(MIAMI), ChangeEvent.Type.TERMINATED);
    RecordingDeliverer slack = slack();

    drain(worker(slack));

    List<RecordingDeliverer.Accepted> miami =
        slack.accepted().stream().filter(a -> a.channel().equals(MIAMI)).toList();
    assertEquals(3, miami.size(), miami.toString());
    for (RecordingDeliverer.Accepted a : miami) {
      boolean signed = a.text().contains("signed a 287(g) agreement");
      assertEquals(signed ? "subteam:S0123ABCD" : "", a.mention(), a.text());
    }
    assertEquals(1, miami.stream().filter(a -> !a.mention().isEmpty()).count());
    assertTrue(
        slack.accepted().stream()
            .filter(a -> a.channel().equals(TEXAS))
            .allMatch(a -> a.mention().isEmpty()),
        "a channel without a mention pings no one");
  }

  @Test
  @DisplayName("a digest of new agreements pings the channel's mention once, on its first part")
  void digestPingsOnce() {
    subscriptions.follow(TEXAS, Target.state(UsState.TX), T0, null);
    subscriptions.setOptions(TEXAS, ChannelOptions.defaults().withMention("here"), T0);
    queue(UsState.TX, 30, TEXAS);
    RecordingDeliverer slack = slack();

    drain(worker(slack));

    List<String> mentions = slack.accepted().stream().map(a -> a.mention()).toList();
    assertTrue(mentions.size() >= 2, "a digest in several parts: " + mentions);
    assertEquals("here", mentions.get(0));
    assertTrue(
        mentions.subList(1, mentions.size()).stream().allMatch(String::isEmpty),
        mentions.toString());
  }

  @Test
  @DisplayName("a digest of endings only pings no one")
  void digestOfEndingsPingsNoOne() {
    subscriptions.follow(TEXAS, Target.state(UsState.TX), T0, null);
    subscriptions.setOptions(TEXAS, ChannelOptions.defaults().withMention("here"), T0);
    queue(UsState.TX, 12, List.of(TEXAS), ChangeEvent.Type.TERMINATED);
    RecordingDeliverer slack = slack();

    drain(worker(slack));

    assertFalse(slack.accepted().isEmpty());
    assertTrue(slack.accepted().stream().allMatch(a -> a.mention().isEmpty()));
  }

  @Test
  @DisplayName(
      "after a crash between the platform's acceptance and the mark, the alert in flight waits for"
          + " its lease to run out, then goes again marked in doubt, with the same key")
  void crashBetweenSendAndMark() {
    queue(UsState.FL, 4, MIAMI);
    RecordingDeliverer slack = slack();
    slack.then(new DeliveryResult.Sent()).crashAfterAccepting();

    assertThrows(RecordingDeliverer.Crash.class, () -> worker(slack).deliverDue());
    DeliveryWorker restarted = worker(slack);
    DeliveryWorker.Round afterRestart = restarted.deliverDue();
    assertEquals(2, afterRestart.sent(), "the two never tried; the one in flight is leased");
    clock.advance(DeliveryWorker.LEASE);
    DeliveryWorker.Round afterLease = restarted.deliverDue();

    List<String> texts = slack.accepted().stream().map(RecordingDeliverer.Accepted::text).toList();
    assertEquals(5, texts.size(), "4 alerts, the one in flight twice (this platform has no key)");
    assertEquals(4, texts.stream().distinct().count(), "every alert arrived");
    assertEquals(1, afterLease.sent());
    List<OutboxKey> keys = slack.keys();
    OutboxKey crashed = keys.get(1);
    OutboxKey again = keys.get(keys.size() - 1);
    assertEquals(crashed.row(), again.row(), "sent again under the same key");
    assertFalse(crashed.inDoubt());
    assertEquals(T0, again.inDoubtSince(), "in doubt since the send that crashed");
    assertEquals(1, keys.stream().filter(OutboxKey::inDoubt).count(), "only that one in doubt");
    assertEquals(0, outbox.depth("slack"));
  }

  @Test
  @DisplayName(
      "rows another sender holds under a live lease are left to it; once the lease runs out they"
          + " are sent, in doubt")
  void aLiveLeaseIsLeftAlone() {
    queue(UsState.FL, 1, MIAMI);
    long row = outbox.due("slack", clock.instant(), 10).get(0).id();
    Outbox.Claim other =
        outbox.claim(
            List.of(row), "another-process", clock.instant(), clock.instant().plusSeconds(60));
    assertTrue(other.taken());
    RecordingDeliverer slack = slack();
    DeliveryWorker worker = worker(slack);

    clock.advance(Duration.ofSeconds(59));
    assertTrue(worker.deliverDue().idle(), "still the other sender's");
    assertTrue(slack.accepted().isEmpty());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(1, worker.deliverDue().sent());
    assertEquals(T0, slack.keys().get(0).inDoubtSince());
    assertEquals(row, slack.keys().get(0).row());
  }

  @Test
  @DisplayName(
      "a channel another instance posts to (its Discord shard runs there) is left to it: not"
          + " claimed, not postponed, not counted, while this instance's channels are sent to")
  void aChannelAnotherInstanceReachesIsLeftToIt() {
    queue(UsState.FL, 1, MIAMI);
    queue(UsState.TX, 1, TEXAS);
    RecordingDeliverer here = slack().reaching(channel -> channel.equals(MIAMI));

    assertEquals(new DeliveryWorker.Round(1, 0, 0), worker(here).deliverDue());
    assertEquals(List.of(MIAMI), sentTo(here));
    List<OutboxItem> left = outbox.due("slack", clock.instant(), 10);
    assertEquals(List.of(TEXAS), left.stream().map(OutboxItem::channel).toList(), "due at once");
    assertEquals(0, left.get(0).attempts());

    RecordingDeliverer there = slack();
    assertEquals(new DeliveryWorker.Round(1, 0, 0), worker(there).deliverDue());
    assertEquals(List.of(TEXAS), sentTo(there));
  }

  @Test
  @DisplayName(
      "a platform that cannot yet tell whether a message in doubt went out holds it, still in"
          + " doubt, without counting a failed attempt")
  void unconfirmedStaysInDoubt() {
    queue(UsState.FL, 1, MIAMI);
    long row = outbox.due("slack", clock.instant(), 10).get(0).id();
    outbox.claim(List.of(row), "crashed", clock.instant(), clock.instant().plusSeconds(60));
    clock.advance(DeliveryWorker.LEASE);
    RecordingDeliverer slack = slack();
    slack.then(new DeliveryResult.Unconfirmed(Duration.ofSeconds(40), "history checked soon"));
    DeliveryWorker worker = worker(slack);

    DeliveryWorker.Round held = worker.deliverDue();
    assertEquals(1, held.retrying());
    assertEquals(Duration.ofSeconds(40), held.again());
    assertTrue(worker.deliverDue().idle(), "held for 40 s");
    clock.advance(Duration.ofSeconds(40));
    assertEquals(0, outbox.due("slack", clock.instant(), 10).get(0).attempts(), "no attempt");
    assertEquals(1, worker.deliverDue().sent());
    assertEquals(T0, slack.keys().get(1).inDoubtSince(), "still in doubt since the crash");
  }

  @Test
  @DisplayName(
      "with several in flight, many channels are sent to at once but never one channel twice at"
          + " once, and each channel gets its alerts in the order a one-at-a-time worker sends"
          + " them")
  void severalInFlightOnePerChannel() {
    List<ChannelRef> channels = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      channels.add(new ChannelRef("slack", "T1", "C" + i));
    }
    queue(UsState.FL, 4, channels);
    RecordingDeliverer slack = slack().taking(20);

    drain(worker(slack, 4));

    assertEquals(4, slack.mostInFlight(), "four in flight");
    assertEquals(1, slack.mostInFlightToOneChannel());
    assertEquals(48, slack.accepted().size());
    List<String> first = texts(slack, channels.get(0));
    assertEquals(4, first.size());
    for (ChannelRef channel : channels) {
      assertEquals(first, texts(slack, channel), channel.toString());
    }
    queue(UsState.FL, 4, MIAMI);
    RecordingDeliverer lone = slack();
    drain(worker(lone));
    assertEquals(first, texts(lone, MIAMI), "the order one at a time gives");
    assertEquals(0, outbox.depth("slack"));
  }

  @Test
  @DisplayName(
      "1,000 channels following one state each get exactly what a lone channel gets: the same"
          + " number of messages, with the same texts, however the rows fall into rounds")
  void aThousandChannelsGetWhatALoneChannelGets() {
    queue(UsState.TX, 86, TEXAS);
    RecordingDeliverer lone = slack();
    drain(worker(lone));
    List<String> expected = texts(lone, TEXAS);

    database = Database.open(dir.resolve("crowd.db"), Duration.ofSeconds(2));
    open(database);
    List<ChannelRef> crowd = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      crowd.add(new ChannelRef("slack", "T1", "C" + i));
    }
    queue(UsState.TX, 86, crowd);
    RecordingDeliverer many = slack();
    drain(worker(many));

    assertTrue(expected.size() >= 2 && expected.size() <= 6, "a digest: " + expected.size());
    assertTrue(expected.get(0).startsWith("86 changes"), expected.get(0));
    assertEquals(1_000 * expected.size(), many.accepted().size());
    for (ChannelRef channel : crowd) {
      assertEquals(expected, texts(many, channel), channel.toString());
    }
    assertEquals(0, outbox.depth("slack"));
  }

  @Test
  @DisplayName(
      "a digest's parts are numbered out of the whole publication: part 2 of 4 after part 1 of"
          + " 4, each with the same total")
  void partsAddUp() {
    queue(UsState.TX, 86, TEXAS);
    RecordingDeliverer slack = slack();

    drain(worker(slack));

    List<String> titles = titles(slack);
    int count = titles.size();
    assertTrue(count >= 2, titles.toString());
    for (int i = 0; i < count; i++) {
      assertEquals(
          "86 changes to ICE's 287(g) lists for the places this channel follows (part "
              + (i + 1)
              + " of "
              + count
              + ")",
          titles.get(i));
    }
  }

  @Test
  @DisplayName(
      "a rate limit in the middle of a digest changes neither its parts' numbers nor its total,"
          + " and sends each part once")
  void partsSurviveARateLimit() {
    queue(UsState.TX, 86, TEXAS);
    RecordingDeliverer reference = slack();
    drain(worker(reference));
    List<String> expected = titles(reference);

    database = Database.open(dir.resolve("limited.db"), Duration.ofSeconds(2));
    open(database);
    queue(UsState.TX, 86, TEXAS);
    RecordingDeliverer slack =
        slack()
            .then(new DeliveryResult.Sent())
            .then(new DeliveryResult.RetryAfter(Duration.ofSeconds(30), "429"));
    DeliveryWorker worker = worker(slack);

    DeliveryWorker.Round first = worker.deliverDue();
    clock.advance(Duration.ofSeconds(31));
    drain(worker);

    assertTrue(first.sent() > 0 && first.retrying() > 0, "the second part waited: " + first);
    assertEquals(expected, titles(slack), "every part once, in order, under its own number");
    assertEquals(0, outbox.depth("slack"));
  }

  @Test
  @DisplayName(
      "after a restart a digest goes on where it stopped: the part in flight again, then the"
          + " rest, under the numbers they had")
  void partsSurviveARestart() {
    queue(UsState.TX, 86, TEXAS);
    RecordingDeliverer slack = slack();
    slack.then(new DeliveryResult.Sent()).crashAfterAccepting();

    assertThrows(RecordingDeliverer.Crash.class, () -> worker(slack).deliverDue());
    clock.advance(DeliveryWorker.LEASE);
    drain(worker(slack));

    List<String> titles = titles(slack);
    int count = titles.size() - 1;
    assertEquals(titles.get(1), titles.get(2), "the part in flight, sent again");
    assertTrue(titles.get(0).endsWith("(part 1 of " + count + ")"), titles.get(0));
    assertTrue(titles.get(2).endsWith("(part 2 of " + count + ")"), titles.get(2));
    assertTrue(
        titles.get(titles.size() - 1).endsWith("(part " + count + " of " + count + ")"),
        titles.toString());
    assertEquals(0, outbox.depth("slack"));
  }
}
