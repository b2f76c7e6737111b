package org.watch287g.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.config.AdminConfig;
import org.watch287g.dataset.ListKind;
import org.watch287g.store.Database;
import org.watch287g.store.EventStore;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SourceCursor;
import org.watch287g.store.SourceLedger;
import org.watch287g.store.Vitals;
import org.watch287g.testing.FakeClock;

/** The operator's endpoint over real HTTP, on a real database. */
class AdminServerTest {
  static final Instant T0 = Instant.parse("2026-05-18T12:00:00Z");
  static final Duration POLL = Duration.ofMinutes(10);
  static final Duration GRACE = Duration.ofMinutes(2);

  @TempDir Path dir;
  FakeClock clock;
  Database database;
  SourceLedger ledger;
  AdminServer server;
  Metrics metrics;
  final AtomicReference<Optional<String>> slack = new AtomicReference<>(Optional.empty());
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    clock = new FakeClock(T0);
    database = Database.open(dir.resolve("bot.db"), Duration.ofSeconds(2));
    ledger = new SourceLedger(database, new SnapshotRepository(database), new EventStore(database));
    Vitals vitals = new Vitals(database);
    List<Readiness.PlatformCheck> checks = new ArrayList<>();
    checks.add(new Readiness.PlatformCheck("slack", slack::get));
    metrics = new Metrics(vitals, List.of("slack"), "test");
    server =
        AdminServer.start(
            new AdminConfig(true, "127.0.0.1", 0, GRACE),
            new Readiness(vitals, POLL, checks, GRACE, clock),
            metrics);
  }

  @AfterEach
  void stop() {
    server.close();
    database.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  void readSuccessfullyAt(Instant at) {
    ledger.unchanged(
        new SourceCursor(
            ListKind.PARTICIPATING, "https://ice.example/p.xlsx", null, null, "h", at, at),
        "not modified");
  }

  @Test
  @DisplayName("healthz answers 200 while the process runs")
  void healthz() throws Exception {
    HttpResponse<String> r = get("/healthz");
    assertEquals(200, r.statusCode());
    assertEquals("ok\n", r.body());
  }

  @Test
  @DisplayName("a just-started bot is ready for three poll intervals before its first read")
  void readyWhileStarting() throws Exception {
    assertEquals(200, get("/readyz").statusCode());
    clock.advance(POLL.multipliedBy(3).plusSeconds(1));
    HttpResponse<String> r = get("/readyz");
    assertEquals(503, r.statusCode());
    assertTrue(r.body().contains("never been read successfully"), r.body());
  }

  @Test
  @DisplayName("a bot whose endpoint answers before the rest has started is not ready yet")
  void notReadyUntilStarted() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean started =
        new java.util.concurrent.atomic.AtomicBoolean();
    Vitals vitals = new Vitals(database);
    try (AdminServer early =
        AdminServer.start(
            new AdminConfig(true, "127.0.0.1", 0, GRACE),
            new Readiness(vitals, POLL, List.of(), GRACE, clock, started::get),
            metrics)) {
      URI readyz = URI.create("http://127.0.0.1:" + early.port() + "/readyz");
      HttpResponse<String> starting =
          http.send(HttpRequest.newBuilder(readyz).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(503, starting.statusCode());
      assertTrue(starting.body().contains("starting"), starting.body());

      started.set(true);
      assertEquals(
          200,
          http.send(HttpRequest.newBuilder(readyz).build(), HttpResponse.BodyHandlers.ofString())
              .statusCode());
    }
  }

  @Test
  @DisplayName("readiness turns false once ICE has not been read for three poll intervals")
  void notReadyAfterLongOutage() throws Exception {
    readSuccessfullyAt(T0);
    clock.advance(POLL.multipliedBy(2));
    assertEquals(200, get("/readyz").statusCode());

    clock.advance(POLL.plusSeconds(1));
    HttpResponse<String> r = get("/readyz");

    assertEquals(503, r.statusCode());
    assertTrue(r.body().contains("last read successfully at " + T0), r.body());
  }

  @Test
  @DisplayName(
      "a platform that lost its connection is named but the bot stays ready within the grace")
  void platformReconnectingWithinGrace() throws Exception {
    readSuccessfullyAt(T0);
    slack.set(Optional.of("not connected"));
    get("/readyz");
    clock.advance(GRACE.minusSeconds(1));

    HttpResponse<String> r = get("/readyz");

    assertEquals(200, r.statusCode());
    assertEquals("ready\nslack: not connected (for 119 s; not ready after 120 s)\n", r.body());
  }

  @Test
  @DisplayName(
      "a platform disconnected for longer than the grace makes the bot not ready, saying which")
  void platformProblem() throws Exception {
    readSuccessfullyAt(T0);
    slack.set(Optional.of("not connected"));
    get("/readyz");
    clock.advance(GRACE);

    HttpResponse<String> r = get("/readyz");

    assertEquals(503, r.statusCode());
    assertEquals("slack: not connected (for 120 s)\n", r.body());
  }

  @Test
  @DisplayName("a platform that reconnects starts its grace again at its next disconnection")
  void graceStartsAgainAfterReconnect() throws Exception {
    readSuccessfullyAt(T0);
    slack.set(Optional.of("not connected"));
    get("/readyz");
    clock.advance(GRACE.minusSeconds(10));
    slack.set(Optional.empty());
    assertEquals("ready\n", get("/readyz").body());

    slack.set(Optional.of("not connected"));
    get("/readyz");
    clock.advance(Duration.ofSeconds(30));

    assertEquals(200, get("/readyz").statusCode());
  }

  @Test
  @DisplayName("metrics are Prometheus text with the bot's figures from the database and the JVM's")
  void metrics() throws Exception {
    readSuccessfullyAt(T0);
    ledger.pageFailed(T0.plusSeconds(600), "https://ice.example/287g", "HTTP 500");

    HttpResponse<String> r = get("/metrics");

    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    String body = r.body();
    assertTrue(
        body.contains(
            "watch287g_fetch_attempts_total{outcome=\"unchanged\",target=\"participating\"} 1.0"),
        body);
    assertTrue(
        body.contains("watch287g_fetch_attempts_total{outcome=\"failed\",target=\"page\"} 1.0"),
        body);
    assertTrue(
        body.contains("watch287g_fetch_last_success_timestamp_seconds 1.7791056E9"),
        "T0 in epoch seconds");
    assertTrue(body.contains("jvm_memory_used_bytes"), "JVM metrics too");
  }

  @Test
  @DisplayName("the metrics pass a strict reader of Prometheus's text format, every HELP filled")
  void metricsParse() throws Exception {
    readSuccessfullyAt(T0);
    metrics.commandAnswered("slack", "status", Duration.ofMillis(12));

    Map<String, PrometheusText.Family> families = PrometheusText.parse(get("/metrics").body());

    assertTrue(families.size() > 10, families.keySet().toString());
    families.values().forEach(f -> assertFalse(f.help().isBlank(), f.name()));
  }

  @Test
  @DisplayName("each of the bot's figures has one name, of the right type, by the conventions")
  void metricNamesAndTypes() throws Exception {
    Map<String, PrometheusText.Family> families = PrometheusText.parse(get("/metrics").body());

    Map<String, String> expected =
        Map.of(
            "watch287g_build_info", "gauge",
            "watch287g_fetch_attempts_total", "counter",
            "watch287g_fetch_last_success_timestamp_seconds", "gauge",
            "watch287g_snapshots", "gauge",
            "watch287g_change_events_total", "counter",
            "watch287g_alerts_pending", "gauge",
            "watch287g_alerts_sent_total", "counter",
            "watch287g_alerts_dead_total", "counter",
            "watch287g_delivery_failed_attempts_total", "counter",
            "watch287g_command_seconds", "summary");
    expected.forEach(
        (name, type) -> {
          assertTrue(families.containsKey(name), name + " in " + families.keySet());
          assertEquals(type, families.get(name).type(), name);
        });
    assertFalse(families.containsKey("watch287g_alerts"), "no name mixing a gauge and totals");
  }

  @Test
  @DisplayName("a fresh bot shows every series it can have, at 0")
  void everySeriesFromStart() throws Exception {
    Map<String, PrometheusText.Family> families = PrometheusText.parse(get("/metrics").body());

    assertEquals(
        Metrics.FETCH_TARGETS.size() * Metrics.FETCH_OUTCOMES.size(),
        families.get("watch287g_fetch_attempts_total").samples().size());
    assertEquals(
        ListKind.values().length * Metrics.SNAPSHOT_STATUSES.size(),
        families.get("watch287g_snapshots").samples().size());
    assertEquals(
        ChangeEvent.Type.values().length,
        families.get("watch287g_change_events_total").samples().size());
    for (String name :
        List.of(
            "watch287g_fetch_attempts_total",
            "watch287g_snapshots",
            "watch287g_change_events_total",
            "watch287g_alerts_pending",
            "watch287g_alerts_sent_total",
            "watch287g_alerts_dead_total",
            "watch287g_delivery_failed_attempts_total",
            "watch287g_fetch_last_success_timestamp_seconds")) {
      List<PrometheusText.Sample> samples = families.get(name).samples();
      assertFalse(samples.isEmpty(), name);
      samples.forEach(s -> assertEquals(0.0, s.value(), s.toString()));
    }
    assertEquals(
        Map.of("platform", "slack"),
        families.get("watch287g_alerts_sent_total").samples().get(0).labels());
    assertTrue(
        families.get("watch287g_command_seconds").samples().stream()
            .anyMatch(
                s ->
                    s.name().equals("watch287g_command_seconds_count")
                        && s.labels().equals(Map.of("platform", "slack", "verb", "subscribe"))
                        && s.value() == 0.0),
        "each verb timed from the start");
  }

  @Test
  @DisplayName("build info is 1, labelled with the bot's version and Java's")
  void buildInfo() throws Exception {
    PrometheusText.Family info =
        PrometheusText.parse(get("/metrics").body()).get("watch287g_build_info");

    assertEquals(1, info.samples().size());
    PrometheusText.Sample sample = info.samples().get(0);
    assertEquals(1.0, sample.value());
    assertEquals("test", sample.labels().get("version"));
    assertEquals(Runtime.version().toString(), sample.labels().get("java"));
  }

  @Test
  @DisplayName("the totals are counted from the database, so a restarted bot shows the same ones")
  void totalsSurviveRestart() throws Exception {
    readSuccessfullyAt(T0);
    get("/metrics");

    Metrics restarted = new Metrics(new Vitals(database), List.of("slack"), "test");
    PrometheusText.Family fetches =
        PrometheusText.parse(restarted.scrape()).get("watch287g_fetch_attempts_total");

    assertTrue(
        fetches.samples().stream()
            .anyMatch(
                f ->
                    f.labels().equals(Map.of("target", "participating", "outcome", "unchanged"))
                        && f.value() == 1.0),
        fetches.toString());
  }

  @Test
  @DisplayName("command latency is in the metrics by platform and verb")
  void commandLatency() throws Exception {
    metrics.commandAnswered("slack", "status", Duration.ofMillis(12));
    metrics.commandAnswered("slack", "status", Duration.ofMillis(30));

    String body = get("/metrics").body();

    assertTrue(
        body.contains("watch287g_command_seconds_count{platform=\"slack\",verb=\"status\"} 2"),
        body);
  }

  @Test
  @DisplayName("unknown paths are 404 and writes are refused with 405")
  void onlyTheThreePaths() throws Exception {
    assertEquals(404, get("/healthzz").statusCode());
    assertEquals(404, get("/").statusCode());
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
  }
}
