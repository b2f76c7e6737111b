package org.watch287g.discord;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.DeliveryResult;
import org.watch287g.commands.CommandService;
import org.watch287g.config.DiscordConfig;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.CountyQuery;
import org.watch287g.geo.Gazetteer;
import org.watch287g.testing.FakeDiscord;

/**
 * The real JDA logging in while Discord cannot be reached or answers 5xx: {@code start} returns,
 * the login is tried again in the background, alerts wait without a failed attempt, and the bot
 * connects once Discord answers.
 */
class DiscordReconnectTest {
  private static final String GUILD = "1200000000000000001";
  private static final String CHANNEL = "1300000000000000101";
  @TempDir Path dir;

  private DiscordPlatform platform(String api, String gateway) {
    CountyQuery places = new CountyQuery(Gazetteer.bundled());
    CommandService commands =
        new CommandService(
            places,
            Gazetteer.bundled(),
            AgencyResolver.bundled(),
            new DiscordDeferralTest.NoLists(),
            DiscordDeferralTest.realSettings(dir),
            Clock.systemUTC());
    return new DiscordPlatform(
        new DiscordConfig("test.discord.token", URI.create(api), URI.create(gateway), ""),
        commands,
        places,
        g -> {});
  }

  private static boolean await(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + 90_000_000_000L;
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  @DisplayName("started before discord is reachable it logs in once discord answers")
  void startedBeforeDiscordIsReachableItLogsInOnceDiscordAnswers() throws Exception {
    int port = freePort();
    try (DiscordPlatform platform =
        platform("http://127.0.0.1:" + port + "/api/v10/", "ws://127.0.0.1:" + port + "/gateway")) {
      platform.start();

      String problem = platform.problem().orElseThrow();
      assertTrue(
          problem.startsWith(
              "cannot log in to Discord yet, retrying: network failure reaching 127.0.0.1"),
          problem);
      DeliveryResult held =
          platform
              .deliverer()
              .deliver(new ChannelRef("discord", GUILD, CHANNEL), DiscordRenderTest.beauregard());
      assertInstanceOf(DeliveryResult.RetryAfter.class, held, "waiting is no failed attempt");

      try (FakeDiscord discord = new FakeDiscord(port)) {
        discord.addGuild(GUILD, FakeDiscord.BOT, CHANNEL);
        discord.awaitIdentified(Duration.ofSeconds(90));
        assertTrue(await(() -> platform.problem().isEmpty()), "connected: " + platform.problem());
      }
    }
  }

  @Test
  @DisplayName("a server error at login is retried until discord answers")
  void aServerErrorAtLoginIsRetriedUntilDiscordAnswers() throws Exception {
    try (FakeDiscord discord = new FakeDiscord()) {
      discord.addGuild(GUILD, FakeDiscord.BOT, CHANNEL);
      for (int i = 0; i < 6; i++) {
        discord.script(
            "GET", "/api/v10/users/@me", FakeDiscord.error(503, 0, "503: Service Unavailable"));
      }
      try (DiscordPlatform platform = platform(discord.apiUrl(), discord.gatewayUrl())) {
        platform.start();

        discord.awaitIdentified(Duration.ofSeconds(90));
        assertTrue(await(() -> platform.problem().isEmpty()), "connected: " + platform.problem());
        assertTrue(
            discord.requests().stream()
                    .filter(r -> r.method().equals("GET") && r.path().endsWith("/users/@me"))
                    .count()
                >= 7,
            "every 503 was answered by another try");
      }
    }
  }
}
