package org.watch287g.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
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

/** A token Discord refuses leaves Discord off, without stopping the bot, and holds its alerts. */
class DiscordLoginTest {
  @TempDir Path dir;

  @Test
  @DisplayName("a refused token turns discord off and alerts to it are unauthorized")
  void aRefusedTokenTurnsDiscordOffAndAlertsToItAreUnauthorized() throws Exception {
    try (FakeDiscord discord = new FakeDiscord()) {
      discord.script("GET", "/api/v10/users/@me", FakeDiscord.error(401, 0, "401: Unauthorized"));
      CountyQuery places = new CountyQuery(Gazetteer.bundled());
      CommandService commands =
          new CommandService(
              places,
              Gazetteer.bundled(),
              AgencyResolver.bundled(),
              new DiscordDeferralTest.NoLists(),
              DiscordDeferralTest.realSettings(dir),
              Clock.systemUTC());
      DiscordConfig config =
          new DiscordConfig(
              "revoked.token", URI.create(discord.apiUrl()), URI.create(discord.gatewayUrl()), "");
      try (DiscordPlatform platform = new DiscordPlatform(config, commands, places, g -> {})) {
        platform.start();

        DeliveryResult result =
            platform
                .deliverer()
                .deliver(
                    new ChannelRef("discord", "1200000000000000001", "1300000000000000101"),
                    DiscordRenderTest.beauregard());

        assertInstanceOf(DeliveryResult.Unauthorized.class, result);
        assertNull(platform.shards(), "no client runs on a refused token");
        assertEquals(Optional.of("Discord refused the bot token"), platform.problem());
      }
    }
  }

  @Test
  @DisplayName(
      "a shard range past the shards Discord recommends leaves Discord off and says what to set")
  void aShardRangePastTheRecommendationLeavesDiscordOffAndSaysWhatToSet() throws Exception {
    try (FakeDiscord discord = new FakeDiscord().shards(2)) {
      CountyQuery places = new CountyQuery(Gazetteer.bundled());
      CommandService commands =
          new CommandService(
              places,
              Gazetteer.bundled(),
              AgencyResolver.bundled(),
              new DiscordDeferralTest.NoLists(),
              DiscordDeferralTest.realSettings(dir),
              Clock.systemUTC());
      DiscordConfig config =
          new DiscordConfig(
              "test.discord.token",
              URI.create(discord.apiUrl()),
              URI.create(discord.gatewayUrl()),
              "",
              0,
              new DiscordConfig.ShardRange(2, 3));
      java.util.List<String> told = new java.util.ArrayList<>();
      try (DiscordPlatform platform = new DiscordPlatform(config, commands, places, g -> {})) {
        platform.onTokenRefused(told::add);
        platform.start();

        String problem = platform.problem().orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(
            problem.startsWith(
                "discord.shardRange 2-3 names shards past the 2 Discord recommends (numbered 0 to"
                    + " 1): set discord.shards"),
            problem);
        assertEquals(java.util.List.of(problem), told, "the operator is told once");
        assertEquals(0, discord.identifies(), "no shard connected");
      }
    }
  }
}
