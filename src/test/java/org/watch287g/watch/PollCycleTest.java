package org.watch287g.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.watch287g.store.FetchAttempt.Outcome.FAILED;
import static org.watch287g.store.FetchAttempt.Outcome.NOT_LINKED;
import static org.watch287g.store.FetchAttempt.Outcome.QUARANTINED;
import static org.watch287g.store.FetchAttempt.Outcome.STORED;
import static org.watch287g.store.FetchAttempt.Outcome.UNCHANGED;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.AdminNotices;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.OutboxItem;
import org.watch287g.alerts.Target;
import org.watch287g.changes.PublicationGuard;
import org.watch287g.config.SourceConfig;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Snapshot;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.source.SourceClient;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.store.Database;
import org.watch287g.store.EventStore;
import org.watch287g.store.FetchAttempt;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SourceLedger;
import org.watch287g.store.SqlOutbox;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.testing.FakeIce;

/** The whole watch path on real ICE files: a fake ICE site, the real client, parser and SQLite. */
class PollCycleTest {
  static final byte[] PART_0516 = BundledSnapshots.read("2025-05-16-participating.xlsx");
  static final byte[] PEND_0515 = BundledSnapshots.read("2025-05-15-pending.xlsx");
  static final byte[] PART_0519 = BundledSnapshots.read("2025-05-19-participating.xlsx");
  static final byte[] PEND_0519 = BundledSnapshots.read("2025-05-19-pending.xlsx");

  static final Instant LATER = Instant.parse("2100-01-01T00:00:00Z");

  @TempDir Path dir;
  FakeIce ice;
  SourceConfig config;
  SourceClient client;
  SnapshotRepository snapshots;
  SourceLedger ledger;
  SubscriptionRepository subscriptions;
  EventStore events;
  SqlOutbox outbox;
  PollCycle cycle;

  @BeforeEach
  void start() throws Exception {
    ice = new FakeIce();
    config =
        new SourceConfig(
            ice.pageUrl(),
            Duration.ofSeconds(3),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            2_000_000,
            20_000_000,
            0,
            SourceConfig.USER_AGENT);
    client = new SourceClient(config);
    Database database = Database.open(dir.resolve("bot.db"), Duration.ofSeconds(2));
    snapshots = new SnapshotRepository(database);
    events = new EventStore(database);
    outbox = new SqlOutbox(database, events);
    ledger = new SourceLedger(database, snapshots, events);
    subscriptions = new SubscriptionRepository(database);
    Clock clock = Clock.fixed(Instant.parse("2025-05-19T12:00:00Z"), ZoneOffset.UTC);
    cycle =
        new PollCycle(
            client,
            new SpreadsheetParser(),
            Ingest.create(
                new PublicationGuard(), AgencyResolver.bundled(), ledger, snapshots, subscriptions),
            ledger,
            snapshots,
            ice.pageUrl().toString(),
            clock);
  }

  @AfterEach
  void stop() {
    client.close();
    ice.close();
  }

  /** The outcomes for the page and each list, in that order (the report may add a changes line). */
  static List<FetchAttempt.Outcome> outcomes(CycleReport report) {
    return List.of("page", "participating", "pending").stream()
        .flatMap(t -> report.lines().stream().filter(l -> l.target().equals(t)))
        .map(CycleReport.Line::outcome)
        .toList();
  }

  static String detail(CycleReport report, String target) {
    return report.lines().stream()
        .filter(l -> l.target().equals(target))
        .findFirst()
        .orElseThrow()
        .detail();
  }

  int rows(ListKind kind) {
    return snapshots.latestGood(kind).orElseThrow().publication().agreements().size();
  }

  @Test
  @DisplayName("a first poll stores both lists as snapshots, which the bot then serves")
  void firstPollStoresBothLists() {
    ice.publish("05162025am", PART_0516, PEND_0515);

    CycleReport report = cycle.run();

    assertEquals(List.of(UNCHANGED, STORED, STORED), outcomes(report));
    assertTrue(report.ok());
    assertTrue(detail(report, "changes").contains("baseline"), report.toString());
    assertEquals(571, rows(ListKind.PARTICIPATING));
    assertEquals(92, rows(ListKind.PENDING));
    assertTrue(detail(report, "participating").contains("571 agreements"), report.toString());
  }

  @Test
  @DisplayName(
      "a new publication queues alerts for exactly the channels following the places concerned")
  void newPublicationQueuesAlertsForFollowers() {
    ChannelRef louisiana = new ChannelRef("slack", "T1", "CLA");
    ChannelRef lee = new ChannelRef("slack", "T1", "CLEE");
    ChannelRef oregon = new ChannelRef("discord", "G1", "900");
    Instant t = Instant.parse("2025-05-18T00:00:00Z");
    subscriptions.follow(louisiana, Target.state(UsState.LA), t, null);
    subscriptions.follow(lee, Target.county("12071"), t, null);
    subscriptions.follow(oregon, Target.county("41051"), t, null);
    ice.publish("05162025am", PART_0516, PEND_0515);
    cycle.run();
    ice.publish("05192025am", PART_0519, PEND_0519);

    CycleReport report = cycle.run();

    List<String> la = agencies(outbox.due("slack", LATER, 1000), louisiana);
    List<String> fl = agencies(outbox.due("slack", LATER, 1000), lee);
    assertTrue(la.contains("Beauregard Parish Sheriff's Office"), la.toString());
    assertTrue(fl.stream().anyMatch(a -> a.contains("Myers")), fl.toString());
    assertEquals(0, outbox.depth("discord"), "nothing changed in Multnomah County");
    assertTrue(detail(report, "changes").contains("2 alerts queued"), report.toString());
  }

  static List<String> agencies(List<OutboxItem> items, ChannelRef channel) {
    return items.stream()
        .filter(i -> i.channel().equals(channel))
        .map(i -> i.event().agreement().agency())
        .toList();
  }

  @Test
  @DisplayName("the first publication is a baseline: no alerts, whatever it holds")
  void firstPublicationIsABaseline() {
    subscriptions.follow(
        new ChannelRef("slack", "T1", "CLA"), Target.state(UsState.LA), Instant.EPOCH, null);
    ice.publish("05192025am", PART_0519, PEND_0519);

    cycle.run();

    assertEquals(0, outbox.depth("slack"));
    assertEquals(0, events.count());
  }

  @Test
  @DisplayName("an unchanged publication ends the cycle with a 304 and stores nothing new")
  void unchangedPublicationIsCheap() {
    ice.publish("05162025am", PART_0516, PEND_0515);
    cycle.run();

    CycleReport again = cycle.run();

    assertEquals(List.of(UNCHANGED, UNCHANGED, UNCHANGED), outcomes(again));
    assertTrue(detail(again, "participating").contains("304"), again.toString());
    assertEquals(2, ledger.recentAttempts(100).stream().filter(a -> a.outcome() == STORED).count());
  }

  @Test
  @DisplayName("the same bytes under a new file name are recognised by their SHA-256 and skipped")
  void sameBytesUnderNewNameAreSkipped() {
    ice.publish("05162025am", PART_0516, PEND_0515);
    cycle.run();
    ice.publish("05172025am", PART_0516, PEND_0515);

    CycleReport report = cycle.run();

    assertEquals(List.of(UNCHANGED, UNCHANGED, UNCHANGED), outcomes(report));
    assertTrue(detail(report, "participating").contains("same bytes"), report.toString());
  }

  @Test
  @DisplayName("a new publication is stored and becomes what the bot serves")
  void newPublicationReplacesTheOld() {
    ice.publish("05162025am", PART_0516, PEND_0515);
    cycle.run();
    ice.publish("05192025am", PART_0519, PEND_0519);

    CycleReport report = cycle.run();

    assertEquals(List.of(UNCHANGED, STORED, STORED), outcomes(report));
    assertEquals(581, rows(ListKind.PARTICIPATING));
    assertEquals(82, rows(ListKind.PENDING));
  }

  @Test
  @DisplayName("a page without the pending link is normal: the last pending snapshot stays, stale")
  void missingPendingLinkKeepsTheLastPendingList() {
    ice.publish("05162025am", PART_0516, PEND_0515);
    cycle.run();
    ice.publish("05192025am", PART_0519, null);

    CycleReport report = cycle.run();

    assertEquals(List.of(UNCHANGED, STORED, NOT_LINKED), outcomes(report));
    assertTrue(report.ok(), "an unlinked pending list is not a failure");
    assertTrue(detail(report, "pending").contains("stale"), report.toString());
    assertEquals(92, rows(ListKind.PENDING), "absence is not every request withdrawn");
  }

  @Test
  @DisplayName("lists published swapped are kept as quarantined and never served")
  void swappedListsAreQuarantined() {
    ice.publish("05162025am", PART_0516, PEND_0515);
    cycle.run();
    ice.publish(
        "05292025am",
        BundledSnapshots.read("2025-05-29-pending.xlsx"),
        BundledSnapshots.read("2025-05-29-participating.xlsx"));

    CycleReport report = cycle.run();

    assertEquals(List.of(UNCHANGED, QUARANTINED, QUARANTINED), outcomes(report));
    assertTrue(detail(report, "participating").contains("swapped"), report.toString());
    assertEquals(571, rows(ListKind.PARTICIPATING));
    assertEquals(92, rows(ListKind.PENDING));
    FetchAttempt attempt = ledger.recentAttempts(1).get(0);
    Snapshot kept = snapshots.find(attempt.snapshotId()).orElseThrow();
    assertEquals(Snapshot.Status.QUARANTINED, kept.status(), "kept for the record");
    assertEquals(ListKind.PARTICIPATING, kept.kind(), "its shape, not its link");
  }

  @Test
  @DisplayName(
      "an HTML error page where the workbook should be fails in one line and loses nothing")
  void htmlInsteadOfWorkbookFails() {
    ice.publish("05162025am", PART_0516, PEND_0515);
    cycle.run();
    ice.publish("05192025am", PART_0519, PEND_0519);
    ice.serve(
        "/doclib/about/offices/ero/287g/participatingAgencies05192025am.xlsx",
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/html")
            .body("<html><head><title>Access Denied</title></head><body>Denied</body></html>")
            .build());

    CycleReport report = cycle.run();

    assertEquals(List.of(UNCHANGED, FAILED, STORED), outcomes(report));
    assertFalse(report.ok());
    String detail = detail(report, "participating");
    assertTrue(detail.contains("HTML"), detail);
    assertFalse(detail.contains("\n"), "one line");
    assertEquals(571, rows(ListKind.PARTICIPATING), "the last good snapshot stays current");
  }

  @Test
  @DisplayName(
      "a truncated workbook fails with a message saying so, and is not re-parsed each poll")
  void truncatedWorkbookFails() {
    ice.publish("05162025am", PART_0516, PEND_0515);
    cycle.run();
    ice.publish("05192025am", Arrays.copyOf(PART_0519, PART_0519.length / 2), PEND_0515);

    CycleReport report = cycle.run();
    CycleReport next = cycle.run();

    assertEquals(FAILED, report.lines().get(1).outcome());
    assertTrue(detail(report, "participating").contains("truncated"), report.toString());
    assertEquals(UNCHANGED, next.lines().get(1).outcome());
    assertEquals(571, rows(ListKind.PARTICIPATING));
  }

  @Test
  @DisplayName("a page that answers HTTP 500 is one failed line; nothing else is touched")
  void pageErrorFails() {
    ice.publish("05162025am", PART_0516, PEND_0515);
    cycle.run();
    ice.pageResponse(new MockResponse.Builder().code(500).body("oops").build());

    CycleReport report = cycle.run();

    assertEquals(List.of(FAILED), outcomes(report));
    assertTrue(detail(report, "page").contains("500"), report.toString());
    assertEquals(571, rows(ListKind.PARTICIPATING));
  }

  @Test
  @DisplayName("a page with no workbook links fails and says so")
  void pageWithoutLinksFails() {
    ice.pageResponse(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/html")
            .body("<html><body><p>This page is being updated.</p></body></html>")
            .build());

    CycleReport report = cycle.run();

    assertEquals(List.of(FAILED), outcomes(report));
    assertTrue(detail(report, "page").contains("no"), report.toString());
    assertFalse(snapshots.hasAny(ListKind.PARTICIPATING));
  }

  /** The operator's notices, as {@link SourceHealth} tells them after each cycle. */
  final List<String> told = new ArrayList<>();

  CycleReport poll(SourceHealth health) {
    CycleReport report = cycle.run();
    health.observe(report);
    return report;
  }

  SourceHealth health() {
    return new SourceHealth(
        AdminNotices.logOnly(told::add, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)), 3);
  }

  @Test
  @DisplayName(
      "an outage of ten polls tells the operator once after three, and once when it recovers")
  void outageIsToldOnceAndRecoveryOnce() {
    SourceHealth health = health();
    ice.publish("05162025am", PART_0516, PEND_0515);
    poll(health);
    ice.pageResponse(new MockResponse.Builder().code(500).body("oops").build());

    List<Integer> heard = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      poll(health);
      heard.add(told.size());
    }
    ice.publish("05162025am", PART_0516, PEND_0515);
    poll(health);
    poll(health);

    assertEquals(List.of(0, 0, 1, 1, 1, 1, 1, 1, 1, 1), heard);
    assertEquals(2, told.size(), told.toString());
    assertTrue(
        told.get(0).contains("3 polls in a row") && told.get(0).contains("500"), told.get(0));
    assertTrue(told.get(1).contains("again, after 10 failed polls"), told.get(1));
  }

  @Test
  @DisplayName("a broken file served for many polls is told once, naming the file and why")
  void brokenFileIsToldOnce() {
    SourceHealth health = health();
    ice.publish("05162025am", PART_0516, PEND_0515);
    poll(health);
    ice.publish("05192025am", Arrays.copyOf(PART_0519, PART_0519.length / 2), PEND_0515);

    for (int i = 0; i < 5; i++) {
      poll(health);
    }

    assertEquals(1, told.size(), told.toString());
    assertTrue(told.get(0).contains("participatingAgencies05192025am.xlsx"), told.get(0));
    assertTrue(told.get(0).contains("truncated"), told.get(0));
  }

  @Test
  @DisplayName("lists published swapped are one notice about both files, and no alert")
  void swappedListsAreOneNotice() {
    SourceHealth health = health();
    ice.publish("05162025am", PART_0516, PEND_0515);
    poll(health);
    ice.publish(
        "05292025am",
        BundledSnapshots.read("2025-05-29-pending.xlsx"),
        BundledSnapshots.read("2025-05-29-participating.xlsx"));

    poll(health);
    poll(health);

    assertEquals(1, told.size(), told.toString());
    assertTrue(told.get(0).contains("participating agencies"), told.get(0));
    assertTrue(told.get(0).contains("pending requests"), told.get(0));
    assertEquals(0, outbox.depth("slack"));
  }

  @Test
  @DisplayName(
      "a file whose parse started twice and never finished (the bot died parsing it) is refused"
          + " after the restart without being parsed again, and the operator is told once")
  void fileThatKilledTheParseIsRefusedAfterRestart() {
    ice.publish("05162025am", PART_0516, PEND_0515);
    cycle.run();
    ice.publish("05192025am", PART_0519, PEND_0519);
    String url =
        ice.pageUrl()
            .resolve("/doclib/about/offices/ero/287g/participatingAgencies05192025am.xlsx")
            .toString();
    // The crashes: the parse was written down as started, then the process died (OOM, SIGKILL),
    // twice.
    ledger.parseStarted(Provenance.sha256Of(PART_0519), url, Instant.parse("2025-05-19T11:00:00Z"));
    ledger.parseStarted(Provenance.sha256Of(PART_0519), url, Instant.parse("2025-05-19T11:01:00Z"));
    restart();
    SourceHealth health = health();

    CycleReport report = poll(health);
    CycleReport next = poll(health);

    assertEquals(List.of(UNCHANGED, FAILED, STORED), outcomes(report));
    assertEquals(PollCycle.CRASHED_BEFORE, detail(report, "participating"));
    assertEquals(571, rows(ListKind.PARTICIPATING), "not parsed: the good file was not stored");
    assertEquals(82, rows(ListKind.PENDING), "the other list is read as usual");
    assertEquals(UNCHANGED, next.lines().get(1).outcome(), "not looked at again");
    assertEquals(1, told.size(), told.toString());
    assertTrue(told.get(0).contains("participatingAgencies05192025am.xlsx"), told.get(0));
    assertTrue(told.get(0).contains("stopped the bot"), told.get(0));
    assertTrue(
        ledger.recentAttempts(10).stream()
            .anyMatch(a -> a.outcome() == FAILED && a.detail().equals(PollCycle.CRASHED_BEFORE)));
  }

  @Test
  @DisplayName(
      "a file whose parse was cut short once (a kill during a deploy) is parsed again and stored")
  void oneUnfinishedParseIsRetried() {
    ice.publish("05162025am", PART_0516, PEND_0515);
    cycle.run();
    ice.publish("05192025am", PART_0519, PEND_0519);
    String url =
        ice.pageUrl()
            .resolve("/doclib/about/offices/ero/287g/participatingAgencies05192025am.xlsx")
            .toString();
    ledger.parseStarted(Provenance.sha256Of(PART_0519), url, Instant.parse("2025-05-19T11:00:00Z"));
    restart();

    CycleReport report = poll(health());

    assertEquals(List.of(UNCHANGED, STORED, STORED), outcomes(report));
    assertEquals(0, told.size(), told.toString());
  }

  @Test
  @DisplayName("a file parsed to the end, well or badly, is not taken for one that killed the bot")
  void finishedParsesAreNotTakenForCrashes() {
    ice.publish("05162025am", PART_0516, Arrays.copyOf(PEND_0515, PEND_0515.length / 2));

    cycle.run();

    assertFalse(ledger.parseKeepsCrashing(Provenance.sha256Of(PART_0516)));
    assertFalse(
        ledger.parseKeepsCrashing(
            Provenance.sha256Of(Arrays.copyOf(PEND_0515, PEND_0515.length / 2))));
  }

  /** What a restart builds again on the same database file: the store, the client, the cycle. */
  void restart() {
    client.close();
    Database database = Database.open(dir.resolve("bot.db"), Duration.ofSeconds(2));
    snapshots = new SnapshotRepository(database);
    events = new EventStore(database);
    outbox = new SqlOutbox(database, events);
    ledger = new SourceLedger(database, snapshots, events);
    subscriptions = new SubscriptionRepository(database);
    client = new SourceClient(config);
    cycle =
        new PollCycle(
            client,
            new SpreadsheetParser(),
            Ingest.create(
                new PublicationGuard(), AgencyResolver.bundled(), ledger, snapshots, subscriptions),
            ledger,
            snapshots,
            ice.pageUrl().toString(),
            Clock.fixed(Instant.parse("2025-05-19T12:00:00Z"), ZoneOffset.UTC));
  }

  /** Another host, serving what a tampered page would have the bot echo. */
  static MockWebServer elsewhere() throws Exception {
    MockWebServer other = new MockWebServer();
    other.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/html")
            .body("<html><head><title>ELSEWHERE-SECRET</title></head><body>x</body></html>")
            .build());
    other.start();
    return other;
  }

  void assertNothingEchoed(List<String> notices) {
    for (FetchAttempt a : ledger.recentAttempts(100)) {
      assertFalse(a.detail().contains("ELSEWHERE-SECRET"), a.detail());
    }
    assertTrue(notices.stream().noneMatch(n -> n.contains("ELSEWHERE-SECRET")), notices.toString());
  }

  @Test
  @DisplayName(
      "a page linking another host's workbook: that host is never asked, one clear reason is"
          + " recorded, and nothing of its body reaches the ledger or a notice")
  void workbookLinkedOnAnotherHostIsNotFetched() throws Exception {
    SourceHealth health = health();
    try (MockWebServer other = elsewhere()) {
      String there = other.url("/287g/participatingAgencies.xlsx").toString();
      ice.pageResponse(
          new MockResponse.Builder()
              .addHeader("Content-Type", "text/html")
              .body(
                  "<html><body><a href=\"" + there + "\">Participating Agencies</a></body></html>")
              .build());

      List<CycleReport> reports = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        reports.add(poll(health));
      }

      assertEquals(0, other.getRequestCount(), "the other host is never asked");
      assertEquals(List.of(FAILED), outcomes(reports.get(0)));
      String reason = detail(reports.get(0), "page");
      assertTrue(reason.contains("not fetched") && reason.contains(":" + other.getPort()), reason);
      assertEquals(1, told.size(), told.toString());
      assertNothingEchoed(told);
    }
  }

  @Test
  @DisplayName(
      "a workbook that redirects to another host is refused: that host is never asked, and"
          + " nothing of its body reaches the ledger or a notice")
  void redirectToAnotherHostIsRefused() throws Exception {
    SourceHealth health = health();
    ice.publish("05162025am", PART_0516, PEND_0515);
    poll(health);
    try (MockWebServer other = elsewhere()) {
      ice.publish("05192025am", PART_0519, PEND_0519);
      ice.serve(
          "/doclib/about/offices/ero/287g/participatingAgencies05192025am.xlsx",
          new MockResponse.Builder()
              .code(302)
              .addHeader("Location", other.url("/steal.xlsx").toString())
              .build());

      CycleReport report = poll(health);

      assertEquals(0, other.getRequestCount(), "the other host is never asked");
      assertEquals(List.of(UNCHANGED, FAILED, STORED), outcomes(report));
      String reason = detail(report, "participating");
      assertTrue(reason.contains("redirects to") && reason.contains("not followed"), reason);
      assertFalse(reason.contains("steal"), "the other origin only, not its path: " + reason);
      assertEquals(571, rows(ListKind.PARTICIPATING));
      assertNothingEchoed(told);
    }
  }
}
