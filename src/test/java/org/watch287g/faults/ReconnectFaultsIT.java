package org.watch287g.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Target;
import org.watch287g.dataset.UsState;
import org.watch287g.store.Database;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.testing.FakeDiscord;
import org.watch287g.testing.FakeIce;

/**
 * Issue 14: a network that is not there yet when the packaged jar starts. Discord (the real JDA)
 * and Slack (the real SDK, over HTTP) are both configured on loopback ports where nothing listens;
 * the bot keeps running, says it is a network failure, and connects once the fakes come up. A token
 * refused for good turns only that platform off, and says so.
 */
class ReconnectFaultsIT {
  private static final String GUILD = "1200000000000000001";
  private static final String DISCORD_CHANNEL = "1300000000000000101";
  private static final String DISCORD_ADMIN = "1300000000000000900";
  private static final String SLACK_CHANNEL = "C00001";

  @TempDir Path dir;

  private Path db() {
    return dir.resolve("bot.db");
  }

  private void seed() {
    try (Database d = Database.open(db(), Duration.ofSeconds(10))) {
      SubscriptionRepository subs = new SubscriptionRepository(d);
      subs.follow(
          new ChannelRef("discord", GUILD, DISCORD_CHANNEL),
          Target.state(UsState.LA),
          Instant.now(),
          "seed");
      subs.follow(
          new ChannelRef("slack", "T1", SLACK_CHANNEL),
          Target.state(UsState.LA),
          Instant.now(),
          "seed");
    }
  }

  private String config(FakeIce ice, int discordPort, int slackApiPort, int adminPort)
      throws Exception {
    String discord = "127.0.0.1:" + discordPort;
    return "{\"storage\":{\"path\":\""
        + db()
        + "\"},\"source\":{\"pageUrl\":\""
        + ice.pageUrl()
        + "\",\"pollInterval\":\"PT1S\"},\"admin\":{\"enabled\":true,\"platformGrace\":\"PT1S\",\"port\":"
        + adminPort
        + "},\"discord\":{\"token\":\"faults.discord.token\",\"apiUrl\":\"http://"
        + discord
        + "/api/v10/\",\"gatewayUrl\":\"ws://"
        + discord
        + "/gateway\",\"adminChannel\":\""
        + DISCORD_ADMIN
        + "\"},\"slack\":{\"botToken\":\"${SLACK_BOT_TOKEN}\","
        + "\"signingSecret\":\"${SLACK_SIGNING_SECRET}\",\"apiUrl\":\"http://127.0.0.1:"
        + slackApiPort
        + "/api/\",\"port\":"
        + Rig.freePort()
        + ",\"adminChannel\":\""
        + Rig.ADMIN
        + "\"}}";
  }

  private static FakeDiscord discord(int port) throws Exception {
    FakeDiscord discord = new FakeDiscord(port);
    discord.addGuild(GUILD, FakeDiscord.BOT, DISCORD_CHANNEL, DISCORD_ADMIN);
    return discord;
  }

  /** Beauregard alerts Discord accepted, per channel. */
  private static Map<String, Integer> discordAlerts(FakeDiscord discord) {
    Map<String, Integer> n = new TreeMap<>();
    for (FakeDiscord.Request r : discord.created()) {
      if (r.method().equals("POST")
          && r.path().endsWith("/messages")
          && r.body().toLowerCase(Locale.ROOT).contains("beauregard")) {
        n.merge(r.path(), 1, Integer::sum);
      }
    }
    return n;
  }

  private static long slackAlerts(SlackApi slack) {
    return slack.posts(p -> p.text().toLowerCase(Locale.ROOT).contains("beauregard")).stream()
        .filter(p -> p.channel().equals(SLACK_CHANNEL))
        .count();
  }

  private static HttpResponse<String> readyz(int adminPort) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/readyz"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName(
      "Discord and Slack unreachable when the bot starts: it keeps running and polling, logs a"
          + " network failure (never a bad token), and once both come up it connects to both and"
          + " the alert published meanwhile reaches each channel exactly once")
  void bothPlatformsConnectOnceTheNetworkIsThere() throws Exception {
    Rig.baseline(dir, db());
    seed();
    int discordPort = Rig.freePort();
    int slackPort = Rig.freePort();
    int adminPort = Rig.freePort();
    try (FakeIce ice = new FakeIce()) {
      Rig.publishNext(ice);
      try (Bot bot =
          new Bot(dir, config(ice, discordPort, slackPort, adminPort), Rig.slackEnv()).start()) {
        assertTrue(
            Rig.await(
                Duration.ofMinutes(2),
                () ->
                    bot.log().contains("Discord: Discord login failed: network failure reaching")
                        && bot.log().contains("Slack: Slack sign-in failed: network failure")),
            "both platforms say they cannot reach the network\n" + bot.tail());
        assertTrue(
            Rig.await(
                Duration.ofMinutes(2), () -> Rig.count(db(), "SELECT count(*) FROM outbox") >= 2),
            "the bot polls ICE meanwhile and keeps the alerts in the outbox\n" + bot.tail());
        assertEquals(
            0,
            Rig.count(db(), "SELECT count(*) FROM outbox WHERE attempts > 0 OR status = 'dead'"),
            "waiting for the network is no failed attempt: alerts cannot run out of retries");
        // Readiness allows a disconnected platform a grace (1 s here) from the first check that
        // saw it, so the answer turns 503 on a check after that.
        assertTrue(
            Rig.await(Duration.ofSeconds(30), () -> !readyzOk(adminPort)),
            "not ready while both platforms are unreachable");
        HttpResponse<String> notReady = readyz(adminPort);
        assertEquals(503, notReady.statusCode(), notReady.body());
        assertTrue(notReady.body().contains("discord: cannot log in"), notReady.body());
        assertTrue(notReady.body().contains("slack: cannot sign in"), notReady.body());
        assertTrue(bot.alive(), "still running\n" + bot.tail());
        String log = bot.log().toLowerCase(Locale.ROOT);
        assertTrue(!log.contains("refused the bot token"), "no talk of a bad token\n" + bot.tail());
        assertTrue(!log.contains("config error"), bot.tail());

        try (FakeDiscord discord = discord(discordPort);
            SlackApi slack = new SlackApi(slackPort)) {
          assertTrue(
              Rig.await(Duration.ofMinutes(3), () -> discord.identifies() > 0),
              "Discord connects once it is reachable\n" + bot.tail());
          assertTrue(
              Rig.await(
                  Duration.ofMinutes(3),
                  () -> !discordAlerts(discord).isEmpty() && slackAlerts(slack) > 0),
              "the held alert reaches both platforms\n" + bot.tail());
          // Any repeat would come within seconds.
          Thread.sleep(3000);
          assertEquals(
              Map.of("/api/v10/channels/" + DISCORD_CHANNEL + "/messages", 1),
              discordAlerts(discord));
          assertEquals(1, slackAlerts(slack), "exactly once on Slack");
          assertTrue(
              Rig.await(Duration.ofMinutes(1), () -> readyzOk(adminPort)),
              "ready once both are connected: " + readyz(adminPort).body());
          System.out.printf(
              "reconnect: both platforms connected after the network came up; alert told once"
                  + " each%n");
        }
      }
    }
  }

  private static boolean readyzOk(int adminPort) {
    try {
      return readyz(adminPort).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  @DisplayName(
      "Slack refuses the token (invalid_auth) while Discord works: Slack alone is off, the admin"
          + " notice and /readyz name Slack and why, and Discord still gets its alert")
  void aRefusedTokenTurnsOffThatPlatformAlone() throws Exception {
    Rig.baseline(dir, db());
    seed();
    int discordPort = Rig.freePort();
    int adminPort = Rig.freePort();
    try (FakeIce ice = new FakeIce();
        FakeDiscord discord = discord(discordPort);
        SlackApi slack = new SlackApi()) {
      slack.fault(SlackApi.Fault.INVALID_AUTH);
      int slackPort = URI.create(slack.apiUrl()).getPort();
      Rig.publishNext(ice);
      try (Bot bot =
          new Bot(dir, config(ice, discordPort, slackPort, adminPort), Rig.slackEnv()).start()) {
        assertTrue(
            Rig.await(Duration.ofMinutes(2), () -> !discordAlerts(discord).isEmpty()),
            "Discord works\n" + bot.tail());
        assertTrue(
            Rig.await(
                Duration.ofMinutes(1),
                () ->
                    discord.created().stream()
                        .anyMatch(
                            r ->
                                r.path().contains(DISCORD_ADMIN)
                                    && r.body().contains("Every alert to Slack is on hold")
                                    && r.body()
                                        .replace("\\", "")
                                        .contains("auth.test answered invalid_auth"))),
            "the admin notice on Discord names Slack and why: "
                + discord.created().stream()
                    .filter(r -> r.path().contains(DISCORD_ADMIN))
                    .map(FakeDiscord.Request::body)
                    .toList()
                + "\n"
                + bot.tail());
        assertTrue(
            Rig.await(Duration.ofSeconds(30), () -> !readyzOk(adminPort)),
            "not ready once Slack's token is refused");
        HttpResponse<String> r = readyz(adminPort);
        assertEquals(503, r.statusCode(), r.body());
        List<String> problems = r.body().lines().toList();
        assertTrue(
            problems.stream().anyMatch(p -> p.startsWith("slack:") && p.contains("invalid_auth")),
            r.body());
        assertTrue(problems.stream().noneMatch(p -> p.startsWith("discord:")), r.body());
        int refusals = slack.refused();
        Thread.sleep(3000);
        assertTrue(bot.alive(), bot.tail());
        assertTrue(
            slack.refused() - refusals <= 2,
            "a refused token is not retried: " + slack.refused() + " calls");
      }
    }
  }
}
