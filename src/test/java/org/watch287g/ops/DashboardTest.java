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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Target;
import org.watch287g.config.AdminConfig;
import org.watch287g.dataset.ListKind;
import org.watch287g.store.Database;
import org.watch287g.store.EventStore;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SourceCursor;
import org.watch287g.store.SourceLedger;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.store.Vitals;

/** The operator's dashboard, on a real database, read over HTTP from the admin endpoint. */
class DashboardTest {
  static final Instant T0 = Instant.parse("2026-05-18T12:00:00Z");

  @TempDir Path dir;
  Database database;
  SourceLedger ledger;
  SubscriptionRepository subscriptions;
  AdminServer server;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    database = Database.open(dir.resolve("bot.db"), Duration.ofSeconds(2));
    ledger = new SourceLedger(database, new SnapshotRepository(database), new EventStore(database));
    subscriptions = new SubscriptionRepository(database);
    Vitals vitals = new Vitals(database);
    server =
        AdminServer.start(
            new AdminConfig(true, "127.0.0.1", 0, Duration.ofMinutes(2)),
            new Readiness(
                vitals,
                Duration.ofMinutes(10),
                List.of(),
                Duration.ofMinutes(2),
                java.time.Clock.systemUTC()),
            new Metrics(vitals, List.of("slack"), "test"),
            new Dashboard(ledger, subscriptions, vitals));
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

  @Test
  @DisplayName("the dashboard shows each list's last look, failed attempts with why, and channels")
  void theDashboardShowsSourceOutboxAndChannels() throws Exception {
    String url = "https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies.xlsx";
    ledger.unchanged(
        new SourceCursor(ListKind.PARTICIPATING, url, null, null, "aa", T0, T0), "same bytes");
    ledger.failed(ListKind.PENDING, "https://www.ice.gov/x.xlsx", T0, "HTTP 503 <b>busy</b>", null);
    ChannelRef channel = new ChannelRef("slack", "T1", "C1");
    subscriptions.follow(channel, Target.county("48201"), T0, "U1");
    subscriptions.pause(channel, "channel_not_found", T0);

    HttpResponse<String> page = get("/");

    assertEquals(200, page.statusCode());
    String html = page.body();
    assertTrue(html.contains(url), html);
    assertTrue(html.contains("HTTP 503 &lt;b&gt;busy&lt;/b&gt;"), "reasons escaped: " + html);
    assertFalse(html.contains("<b>busy</b>"));
    assertTrue(html.contains("<td>48201</td>"), html);
    assertTrue(html.contains("channel_not_found"), html);
    assertEquals("no-store", page.headers().firstValue("cache-control").orElse(""));
  }

  @Test
  @DisplayName(
      "with a password the dashboard asks for it; without one it is never served off loopback")
  void aPasswordGuardsTheDashboard() throws Exception {
    Vitals vitals = new Vitals(database);
    Readiness readiness =
        new Readiness(
            vitals,
            Duration.ofMinutes(10),
            List.of(),
            Duration.ofMinutes(2),
            java.time.Clock.systemUTC());
    Metrics metrics = new Metrics(vitals, List.of("slack"), "test");
    Dashboard dashboard = new Dashboard(ledger, subscriptions, vitals);
    String right =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString("op:s3cret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String wrong =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString("op:guess".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try (AdminServer guarded =
            AdminServer.start(
                new AdminConfig(true, "127.0.0.1", 0, Duration.ofMinutes(2), "s3cret"),
                readiness,
                metrics,
                dashboard);
        AdminServer open =
            AdminServer.start(
                new AdminConfig(true, "0.0.0.0", 0, Duration.ofMinutes(2), ""),
                readiness,
                metrics,
                dashboard)) {
      URI page = URI.create("http://127.0.0.1:" + guarded.port() + "/");
      HttpResponse<String> none = http.send(HttpRequest.newBuilder(page).build(), ofString());
      HttpResponse<String> bad =
          http.send(
              HttpRequest.newBuilder(page).header("Authorization", wrong).build(), ofString());
      HttpResponse<String> good =
          http.send(
              HttpRequest.newBuilder(page).header("Authorization", right).build(), ofString());
      URI openPage = URI.create("http://127.0.0.1:" + open.port() + "/");
      URI openHealth = URI.create("http://127.0.0.1:" + open.port() + "/healthz");

      assertEquals(401, none.statusCode());
      assertTrue(none.headers().firstValue("www-authenticate").orElse("").startsWith("Basic"));
      assertEquals(401, bad.statusCode());
      assertEquals(200, good.statusCode());
      assertEquals(
          404, http.send(HttpRequest.newBuilder(openPage).build(), ofString()).statusCode());
      assertEquals(
          200, http.send(HttpRequest.newBuilder(openHealth).build(), ofString()).statusCode());
    }
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  @Test
  @DisplayName("the dashboard only reads: a write to it is refused")
  void theDashboardOnlyReads() throws Exception {
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(405, post.statusCode());
  }
}
