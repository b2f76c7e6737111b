package org.watch287g.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.watch287g.Wiring;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.commands.Invoker;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.testing.FakeDiscord;

/**
 * Issue 6's figures, measured (a main, not a test: timings are never asserted): the real JDA
 * client, through the bot's wiring, against {@link FakeDiscord} with 1,000 guilds of 3 text
 * channels each.
 *
 * <ul>
 *   <li>Heap used (after two full GCs) and RSS ({@code VmRSS} of {@code /proc/self/status}) before
 *       the client starts, and once READY and all 1,000 GUILD_CREATEs are cached.
 *   <li>Interaction to callback: {@code /287g status harris tx} sent as INTERACTION_CREATE, one at
 *       a time; latency is from just before the frame is written to the moment the fake receives
 *       {@code POST /interactions/{id}/{token}/callback}. After a warm-up.
 *   <li>Autocomplete: the same for type 4 interactions with varied prefixes.
 * </ul>
 *
 * Run after {@code mvn -o -q -DskipTests package test-compile} (the jar holds every runtime
 * dependency; the fake needs mockwebserver3 besides):
 *
 * <pre>
 * java -Xmx256m -cp target/watch287g.jar:target/test-classes:\
 * $HOME/.m2/repository/com/squareup/okhttp3/mockwebserver3/5.5.1/mockwebserver3-5.5.1.jar \
 *     org.watch287g.bench.DiscordMeasurements
 * </pre>
 */
public final class DiscordMeasurements {
  private static final int GUILDS = 1_000;
  private static final int WARMUP = 300;
  private static final int RUNS = 2_000;
  private static final String[] PREFIXES = {
    "harr", "trav", "los a", "miami", "cook", "king", "st lou", "tx", "new ", "beaur", "lee co",
    "multn", "dade", "hariss", "48", "san ", "orange", "jeff", "wash", "fort b"
  };

  private DiscordMeasurements() {}

  public static void main(String[] args) throws Exception {
    try (FakeDiscord discord = new FakeDiscord()) {
      long firstGuild = 1_200_000_000_000_000_000L;
      for (int g = 0; g < GUILDS; g++) {
        String guild = Long.toString(firstGuild + g * 10L);
        long channel = 1_300_000_000_000_000_000L + g * 10L;
        discord.addGuild(
            guild,
            FakeDiscord.BOT,
            Long.toString(channel),
            Long.toString(channel + 1),
            Long.toString(channel + 2));
      }
      Path dir = Files.createTempDirectory("discord-bench");
      String yaml =
          "storage: {path: '"
              + dir.resolve("bot.db")
              + "'}\n"
              + "discord: {token: 'bench.discord.token', apiUrl: '"
              + discord.apiUrl()
              + "', gatewayUrl: '"
              + discord.gatewayUrl()
              + "'}\n";
      Config config = new ConfigLoader(Map.of()).parse(yaml, "bench config");
      try (Wiring wiring = new Wiring(config, Clock.systemUTC())) {
        wiring.seedBundledSnapshots();
        Memory before = Memory.now();
        long t0 = System.nanoTime();
        wiring.discord().orElseThrow().start();
        discord.awaitIdentified(Duration.ofSeconds(60));
        // The command is registered on READY, which JDA fires once every guild is cached.
        discord.await(
            r -> r.method().equals("PUT") && r.path().endsWith("/commands"), Duration.ofMinutes(2));
        long readyMs = (System.nanoTime() - t0) / 1_000_000;
        Memory after = Memory.now();
        System.out.printf(
            "start to READY with %d guilds cached: %d ms%n"
                + "heap used: %.1f MB before the client, %.1f MB with %d guilds (+%.1f MB)%n"
                + "RSS:       %.1f MB before the client, %.1f MB with %d guilds (+%.1f MB)%n",
            GUILDS,
            readyMs,
            before.heapMb(),
            after.heapMb(),
            GUILDS,
            after.heapMb() - before.heapMb(),
            before.rssMb(),
            after.rssMb(),
            GUILDS,
            after.rssMb() - before.rssMb());

        String guild = Long.toString(firstGuild + 500 * 10L);
        String channel = Long.toString(1_300_000_000_000_000_000L + 500 * 10L);
        long[] command = measure(discord, 2, guild, channel);
        long[] complete = measure(discord, 4, guild, channel);
        System.out.println(line("interaction -> callback (status harris tx)", command));
        System.out.println(line("of which the core alone (CommandService.respond)", core(wiring)));
        System.out.println(line("autocomplete -> callback (type 8, 20 prefixes)", complete));
        System.out.printf("heap used after the runs: %.1f MB%n", Memory.now().heapMb());
      }
    }
  }

  /** Latencies in µs of {@link #RUNS} interactions after {@link #WARMUP}, sorted. */
  private static long[] measure(FakeDiscord discord, int type, String guild, String channel)
      throws InterruptedException {
    long[] out = new long[RUNS];
    long id = type == 2 ? 1_700_000_000_000_000_000L : 1_710_000_000_000_000_000L;
    for (int i = 0; i < WARMUP + RUNS; i++) {
      String iid = Long.toString(id + i);
      Map<String, Object> options =
          type == 2
              ? Map.of("county", "harris tx")
              : Map.of("county", PREFIXES[i % PREFIXES.length]);
      Map<String, Object> interaction =
          FakeDiscord.interaction(iid, type, guild, channel, "status", options, false);
      long sent = System.nanoTime();
      discord.dispatch("INTERACTION_CREATE", interaction);
      FakeDiscord.Request callback = discord.awaitCallback(iid, Duration.ofSeconds(10));
      if (i >= WARMUP) {
        out[i - WARMUP] = (callback.receivedNanos() - sent) / 1_000;
      }
    }
    if (Boolean.getBoolean("raw")) {
      // -Draw=true: the first latencies in order, to see whether slow ones alternate or cluster.
      System.out.println(
          "first 40 (µs), type " + type + ": " + Arrays.toString(Arrays.copyOf(out, 40)));
    }
    Arrays.sort(out);
    return out;
  }

  /** The same command answered by the core directly, without Discord: to tell the two apart. */
  private static long[] core(Wiring wiring) {
    Invoker invoker =
        new Invoker(new ChannelRef("discord", "1", "2"), FakeDiscord.MEMBER_ID, false);
    long[] out = new long[RUNS];
    for (int i = 0; i < WARMUP + RUNS; i++) {
      long t = System.nanoTime();
      wiring.commands().respond("status harris tx", invoker);
      if (i >= WARMUP) {
        out[i - WARMUP] = (System.nanoTime() - t) / 1_000;
      }
    }
    Arrays.sort(out);
    return out;
  }

  private static String line(String what, long[] sorted) {
    return String.format(
        "%s, n=%d: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
        what,
        sorted.length,
        sorted[sorted.length / 2] / 1000.0,
        sorted[(int) (sorted.length * 0.90)] / 1000.0,
        sorted[(int) (sorted.length * 0.99)] / 1000.0,
        sorted[sorted.length - 1] / 1000.0);
  }

  /** Heap used after full GCs, and the process's resident set. */
  private record Memory(long heapBytes, long rssKb) {
    static Memory now() throws IOException, InterruptedException {
      for (int i = 0; i < 2; i++) {
        System.gc();
        Thread.sleep(200);
      }
      Runtime r = Runtime.getRuntime();
      long rss = 0;
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
      return new Memory(r.totalMemory() - r.freeMemory(), rss);
    }

    double heapMb() {
      return heapBytes / (1024.0 * 1024.0);
    }

    double rssMb() {
      return rssKb / 1024.0;
    }
  }
}
