package org.watch287g;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.discord.DiscordPlatform;
import org.watch287g.testing.FakeDiscord;
import org.watch287g.testing.FakeIce;
import org.watch287g.testing.TestStores;

/**
 * Two instances of the bot on one PostgreSQL database, both configured for Discord's two shards:
 * each shard runs in exactly one of them, they spread the shards between them, and when one stops
 * the other takes its shards.
 */
class DiscordShardOwnershipTest {
  /** Bounds the waits: a shard's take-over is an ownership check and a login away. */
  static final Duration WAIT = Duration.ofSeconds(60);

  @RegisterExtension final TestStores stores = new TestStores();
  @TempDir Path dir;

  static boolean await(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }

  Wiring instance(String url, FakeDiscord discord, FakeIce ice) {
    String yaml =
        "storage: {url: '"
            + url
            + "'}\n"
            + "source: {pageUrl: '"
            + ice.pageUrl()
            + "', pollInterval: PT1H}\n"
            + "admin: {enabled: false}\n"
            + "discord: {token: 'test.discord.token', shardRange: 0-1, apiUrl: '"
            + discord.apiUrl()
            + "', gatewayUrl: '"
            + discord.gatewayUrl()
            + "'}\n";
    Config config = new ConfigLoader(Map.of()).parse(yaml, "test config");
    Wiring wiring = new Wiring(config, Clock.systemUTC());
    wiring.start();
    return wiring;
  }

  /** A server on this shard of two, by Discord's rule (guild_id >> 22) % 2. */
  static String guildOn(int shard) {
    long id = 1200000000000000001L;
    while (FakeDiscord.shardOf(Long.toString(id), 2) != shard) {
      id += 1L << 22;
    }
    return Long.toString(id);
  }

  static Set<Integer> shards(Wiring instance) {
    return instance.discord().orElseThrow().runningShards();
  }

  @Test
  @DisplayName(
      "two instances on one PostgreSQL database run each Discord shard exactly once, one shard"
          + " each, and when one stops the other takes its shards")
  void eachShardRunsInExactlyOneInstanceAndIsTakenOver() throws Exception {
    String url = stores.freshSchema();
    try (FakeDiscord discord = new FakeDiscord().shards(2);
        FakeIce ice = new FakeIce()) {
      discord.addGuild(guildOn(0), FakeDiscord.BOT, "1300000000000000101");
      discord.addGuild(guildOn(1), FakeDiscord.BOT, "1300000000000000102");
      Wiring a = instance(url, discord, ice);
      Wiring b = instance(url, discord, ice);
      java.util.List<Wiring> open = new java.util.ArrayList<>(java.util.List.of(a, b));
      try {
        DiscordPlatform pa = a.discord().orElseThrow();
        DiscordPlatform pb = b.discord().orElseThrow();
        assertTrue(
            await(
                () ->
                    discord.connectedShards().equals(Set.of(0, 1))
                        && pa.problem().isEmpty()
                        && pb.problem().isEmpty()),
            "both shards connected: " + discord.connectedShards());

        // However the two logged in (the first may take both), they end up with one shard each.
        assertTrue(
            await(() -> shards(a).size() == 1 && shards(b).size() == 1),
            "the shards spread over both instances: " + shards(a) + shards(b));
        assertTrue(
            discord.awaitShards(Set.of(0, 1), WAIT),
            "both shards connected: " + discord.connectedShards());
        Set<Integer> both = new HashSet<>(shards(a));
        both.retainAll(shards(b));
        assertEquals(Set.of(), both, "no shard in both instances: " + shards(a) + shards(b));
        Set<Integer> all = new HashSet<>(shards(a));
        all.addAll(shards(b));
        assertEquals(Set.of(0, 1), all, "every shard in one of them");
        assertEquals(
            2,
            pa.limitShare().mine() + pb.limitShare().mine(),
            "Discord's global limit split by the shards each runs: "
                + pa.limitShare()
                + pb.limitShare());
        for (int shard = 0; shard < 2; shard++) {
          ChannelRef channel = new ChannelRef("discord", guildOn(shard), "1300000000000000101");
          assertEquals(
              Set.of(shards(a).contains(shard), shards(b).contains(shard)),
              Set.of(pa.deliverer().reaches(channel), pb.deliverer().reaches(channel)),
              "only the instance running shard " + shard + " posts to its servers");
          assertEquals(
              shards(a).contains(shard), pa.deliverer().reaches(channel), "shard " + shard);
        }

        // The instance that runs shard 0 stops; the other must end up with both.
        Wiring stopping = shards(a).contains(0) ? a : b;
        Wiring staying = stopping == a ? b : a;
        stopping.close();
        open.remove(stopping);

        assertTrue(
            await(() -> shards(staying).equals(Set.of(0, 1))),
            "the other instance took the stopped one's shards: " + shards(staying));
        assertEquals(
            new org.watch287g.alerts.LimitShare(2, 2),
            staying.discord().orElseThrow().limitShare(),
            "the whole of Discord's limit with both shards");
        assertTrue(
            discord.awaitShards(Set.of(0, 1), WAIT),
            "both shards connected again: " + discord.connectedShards());
        assertTrue(
            await(() -> staying.discord().orElseThrow().problem().isEmpty()),
            "ready: " + staying.discord().orElseThrow().problem());
      } finally {
        open.forEach(Wiring::close);
      }
    }
  }
}
