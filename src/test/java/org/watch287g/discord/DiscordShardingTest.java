package org.watch287g.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.Wiring;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.DeliveryResult;
import org.watch287g.alerts.Subscription;
import org.watch287g.alerts.Target;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.testing.FakeDiscord;
import org.watch287g.testing.FakeIce;

/**
 * The bot on two shards, as Discord asks of a bot in 2,500 servers or more: the real JDA shard
 * manager, through the bot's wiring, against a fake Discord that recommends two shards and serves
 * each its own servers. What works on one shard works on both.
 */
class DiscordShardingTest {
  static final Duration WAIT = Duration.ofSeconds(20);

  /** A server on each shard, by Discord's rule (guild_id >> 22) % 2. */
  static final String ON_SHARD_0 = guildOn(0, 1200000000000000001L);

  static final String ON_SHARD_1 = guildOn(1, 1200000000000000001L);
  static final String LEAVING = guildOn(1, 1210000000000000001L);

  static final AtomicLong ids = new AtomicLong(1710000000000000000L);
  static FakeDiscord discord;
  static FakeIce ice;
  static Wiring wiring;
  static Path dir;

  static String guildOn(int shard, long from) {
    long id = from;
    while (FakeDiscord.shardOf(Long.toString(id), 2) != shard) {
      id += 1L << 22;
    }
    return Long.toString(id);
  }

  static String channel(String guild, int n) {
    return Long.toString(Long.parseLong(guild) + 100 + n);
  }

  @BeforeAll
  static void start() throws Exception {
    discord = new FakeDiscord().shards(2);
    for (String guild : new String[] {ON_SHARD_0, ON_SHARD_1, LEAVING}) {
      discord.addGuild(guild, FakeDiscord.BOT, channel(guild, 1), channel(guild, 2));
    }
    ice = new FakeIce();
    dir = Files.createTempDirectory("discord-shards");
    String yaml =
        "storage: {path: '"
            + dir.resolve("bot.db")
            + "'}\n"
            + "source: {pageUrl: '"
            + ice.pageUrl()
            + "', pollInterval: PT1H}\n"
            + "admin: {enabled: false}\n"
            + discord.botSettings();
    Config config = new ConfigLoader(Map.of()).parse(yaml, "test config");
    wiring = new Wiring(config, Clock.systemUTC());
    wiring.start();
    DiscordPlatform platform = wiring.discord().orElseThrow();
    assertTrue(
        await(() -> platform.problem().isEmpty() && readyGuilds(platform) == 3),
        "both shards ready with their servers: " + platform.problem());
  }

  /** The servers the bot has cached, over every shard. */
  static long readyGuilds(DiscordPlatform platform) {
    var shards = platform.shards();
    return shards == null ? 0 : shards.getGuildCache().size();
  }

  @AfterAll
  static void stop() throws Exception {
    wiring.close();
    discord.close();
    ice.close();
  }

  static boolean await(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }

  static JsonNode command(String guild, String channel, String sub, Map<String, Object> options)
      throws InterruptedException {
    String id = Long.toString(ids.incrementAndGet());
    discord.dispatch(
        "INTERACTION_CREATE", FakeDiscord.interaction(id, 2, guild, channel, sub, options, true));
    return discord.awaitCallback(id, WAIT).json();
  }

  static Set<String> follows(String guild, String channel) {
    return wiring
        .subscriptions()
        .find(new ChannelRef("discord", guild, channel))
        .map(Subscription::targets)
        .orElse(Set.of())
        .stream()
        .map(Target::code)
        .collect(Collectors.toSet());
  }

  @Test
  @DisplayName("the bot runs the two shards Discord recommends, each with its own servers")
  void theBotRunsTheTwoShardsDiscordRecommends() {
    DiscordPlatform platform = wiring.discord().orElseThrow();
    assertEquals(Set.of(0, 1), discord.connectedShards());
    assertEquals(Set.of(0, 1), platform.runningShards());
    var shards = platform.shards();
    assertEquals(2, shards.getShardsTotal());
    assertEquals(0, shards.getGuildById(ON_SHARD_0).getJDA().getShardInfo().getShardId());
    assertEquals(1, shards.getGuildById(ON_SHARD_1).getJDA().getShardInfo().getShardId());
  }

  @Test
  @DisplayName("commands in servers on both shards are answered")
  void commandsInServersOnBothShardsAreAnswered() throws Exception {
    for (String guild : new String[] {ON_SHARD_0, ON_SHARD_1}) {
      String ch = channel(guild, 1);
      JsonNode reply = command(guild, ch, "subscribe", Map.of("county", "travis tx"));

      assertTrue(
          reply.toString().toLowerCase(java.util.Locale.ROOT).contains("travis county"),
          "the subscribe reply in " + guild + ": " + reply);
      assertEquals(Set.of("48453"), follows(guild, ch), "what " + guild + " follows");
    }
  }

  @Test
  @DisplayName("an alert reaches channels in servers on both shards")
  void anAlertReachesChannelsInServersOnBothShards() {
    var deliverer = wiring.discord().orElseThrow().deliverer();
    for (String guild : new String[] {ON_SHARD_0, ON_SHARD_1}) {
      String ch = channel(guild, 2);

      DeliveryResult result =
          deliverer.deliver(new ChannelRef("discord", guild, ch), DiscordRenderTest.beauregard());

      assertInstanceOf(DeliveryResult.Sent.class, result, "to " + guild);
      assertTrue(
          discord.created().stream()
              .anyMatch(r -> r.path().equals("/api/v10/channels/" + ch + "/messages")),
          "posted in " + ch);
    }
  }

  @Test
  @DisplayName("leaving a server on shard 1 forgets what its channels followed")
  void leavingAServerOnShard1ForgetsWhatItsChannelsFollowed() throws Exception {
    String ch = channel(LEAVING, 1);
    command(LEAVING, ch, "subscribe", Map.of("county", "travis tx"));
    command(ON_SHARD_0, channel(ON_SHARD_0, 2), "subscribe", Map.of("county", "harris tx"));
    assertEquals(Set.of("48453"), follows(LEAVING, ch));

    discord.removeFromGuild(LEAVING);

    assertTrue(await(() -> follows(LEAVING, ch).isEmpty()), "forgotten: " + follows(LEAVING, ch));
    assertEquals(
        Set.of("48201"), follows(ON_SHARD_0, channel(ON_SHARD_0, 2)), "a server on shard 0 keeps");
  }
}
