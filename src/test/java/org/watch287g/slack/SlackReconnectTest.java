package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.Wiring;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;

/**
 * Socket Mode through the real SDK when Slack is not reachable yet, answers 5xx, or refuses the app
 * token: {@code start} returns at once, a network failure is retried in the background until the
 * socket opens, and only a refusal stops it.
 */
class SlackReconnectTest {
  @TempDir Path dir;

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private Wiring wiring(String apiUrl) {
    String yaml =
        "storage:\n  path: "
            + dir.resolve("bot.db")
            + "\nslack:\n  botToken: xoxb-test\n  appToken: xapp-test\n  apiUrl: "
            + apiUrl
            + "\n";
    Config config = new ConfigLoader(Map.of()).parse(yaml, "test");
    return new Wiring(config, Clock.systemUTC());
  }

  private static boolean await(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }

  @Test
  @DisplayName("socket mode started before slack is reachable connects once it is")
  void socketModeStartedBeforeSlackIsReachableConnectsOnceItIs() throws Exception {
    int port = freePort();
    try (Wiring wiring = wiring("http://127.0.0.1:" + port + "/api/")) {
      SlackPlatform slack = wiring.slack().orElseThrow();

      slack.start();

      String problem = slack.problem().orElseThrow();
      assertTrue(
          problem.startsWith("cannot sign in to Slack yet, retrying: network failure reaching"),
          problem);
      try (FakeSlack fake = new FakeSlack(port)) {
        assertTrue(await(() -> slack.problem().isEmpty()), "connected: " + slack.problem());
        assertTrue(await(() -> !fake.calls("apps.connections.open").isEmpty()));
        assertEquals("Bearer xapp-test", fake.calls("apps.connections.open").get(0).auth());
      }
    }
  }

  @Test
  @DisplayName("a server error from slack is retried until the socket opens")
  void aServerErrorFromSlackIsRetriedUntilTheSocketOpens() throws Exception {
    try (FakeSlack fake = new FakeSlack()) {
      fake.script("apps.connections.open", FakeSlack.json(503, "{\"ok\":false}"));
      try (Wiring wiring = wiring(fake.apiUrl())) {
        SlackPlatform slack = wiring.slack().orElseThrow();

        slack.start();

        assertTrue(await(() -> slack.problem().isEmpty()), "connected: " + slack.problem());
        assertTrue(fake.calls("apps.connections.open").size() >= 2, fake.calls().toString());
      }
    }
  }

  @Test
  @DisplayName("a refused app token turns slack off and is not tried again")
  void aRefusedAppTokenTurnsSlackOffAndIsNotTriedAgain() throws Exception {
    try (FakeSlack fake = new FakeSlack()) {
      fake.script("apps.connections.open", FakeSlack.error("invalid_auth"));
      try (Wiring wiring = wiring(fake.apiUrl())) {
        SlackPlatform slack = wiring.slack().orElseThrow();

        slack.start();

        assertEquals(
            Optional.of(
                "Slack refused the app token (apps.connections.open: invalid_auth); check"
                    + " SLACK_APP_TOKEN (an xapp- token with connections:write)"),
            slack.problem());
        assertEquals(1, fake.calls("apps.connections.open").size());
      }
    }
  }

  @Test
  @DisplayName("a revoked bot token turns slack off before any socket")
  void aRevokedBotTokenTurnsSlackOffBeforeAnySocket() throws Exception {
    try (FakeSlack fake = new FakeSlack()) {
      fake.script("auth.test", FakeSlack.error("token_revoked"));
      try (Wiring wiring = wiring(fake.apiUrl())) {
        SlackPlatform slack = wiring.slack().orElseThrow();

        slack.start();

        assertEquals(
            Optional.of(
                "Slack refused the bot token (auth.test: token_revoked); check SLACK_BOT_TOKEN"),
            slack.problem());
        assertEquals(0, fake.calls("apps.connections.open").size());
      }
    }
  }
}
