package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.slack.api.Slack;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.web.PublicHttpServer;

/**
 * The endpoint's checks in front of Bolt, on a real Bolt app with a small replay guard, so that
 * filling the guard (200,000 requests on the real bot) takes a few dozen.
 */
class SlackHttpServerTest {
  static final String SECRET = "unit-signing-secret";
  static final int GUARD = 40;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  FakeSlack fake;
  Slack slack;
  SlackHttpServer server;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeSlack();
    com.slack.api.SlackConfig sdk = new com.slack.api.SlackConfig();
    sdk.setMethodsEndpointUrlPrefix(fake.apiUrl());
    sdk.setStatsEnabled(false);
    slack = Slack.getInstance(sdk);
    App app =
        new App(
            AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken("xoxb-test")
                .signingSecret(SECRET)
                .build());
    app.command("/287g", (req, ctx) -> ctx.ack("ok"));
    server =
        new SlackHttpServer(
            app,
            SECRET,
            "127.0.0.1",
            0,
            Clock.systemUTC(),
            PublicHttpServer.Limits.defaults(),
            GUARD);
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    slack.close();
    fake.close();
  }

  HttpResponse<String> post(String body, String contentType, long ts, String signature)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", String.valueOf(ts))
            .header("X-Slack-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> signed(String body, String contentType) throws Exception {
    long now = Instant.now().getEpochSecond();
    String ts = String.valueOf(now);
    return post(body, contentType, now, new SlackSignature.Generator(SECRET).generate(ts, body));
  }

  static String command(int n) {
    return "team_id=T1&channel_id=C1&user_id=U1&command=%2F287g&text=help&trigger_id=1." + n;
  }

  @Test
  @DisplayName(
      "forged ssl_check and malformed-payload requests, more than the replay guard holds, are"
          + " refused and do not shut out a signed command")
  void forgedRequestsCannotFillTheReplayGuard() throws Exception {
    long ahead = Instant.now().getEpochSecond() + 55;
    String forged = "v0=" + "0".repeat(64);
    String form = "application/x-www-form-urlencoded";
    for (int i = 0; i < GUARD * 2; i++) {
      String body = i % 2 == 0 ? "ssl_check=1&token=x" + i : "payload=%7Bnot-json" + i;
      assertEquals(401, post(body, form, ahead + i, forged).statusCode(), body);
    }

    HttpResponse<String> genuine = signed(command(1), form);

    assertEquals(200, genuine.statusCode(), genuine.body());
    assertEquals("ok", SlackEndpointTest.json(genuine.body()).get("text").getAsString());
  }

  @Test
  @DisplayName("a signed request that is not a form is refused with 415 before Bolt reads it")
  void aSignedNonFormBodyIsRefused() throws Exception {
    assertEquals(415, signed("{\"type\":\"url_verification\"}", "application/json").statusCode());
    assertEquals(415, signed(command(2), "text/plain").statusCode());
  }

  @Test
  @DisplayName("when verified requests fill the replay guard, new ones get 503, replays 401")
  void aFullGuardRefusesOnlyNewVerifiedRequests() throws Exception {
    String form = "application/x-www-form-urlencoded";
    for (int i = 0; i < GUARD; i++) {
      assertEquals(200, signed(command(100 + i), form).statusCode());
    }

    assertEquals(503, signed(command(999), form).statusCode());
  }
}
