package org.watch287g.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watch287g.testing.FakeDiscord;
import org.watch287g.testing.FakeIce;

/**
 * Issue 19: Discord past 2,500 servers. The packaged bot ({@code java -jar watch287g.jar run}) as a
 * child process, Discord only, against a fake Discord that recommends 2 shards and serves 5,000
 * guilds (two text channels each), each shard its own half by Discord's rule. Measured: start to
 * ready with both shards connected (their guilds cached: JDA reports a shard connected once its
 * GUILD_CREATEs are loaded), and the live heap after a full GC once ready.
 */
final class ShardsSection {
  static final String SECTION = "shards";
  static final int GUILDS = 5_000;
  static final int SHARDS = 2;
  static final long FIRST_GUILD = 1_200_000_000_000_000_000L;
  static final long FIRST_CHANNEL = 1_300_000_000_000_000_000L;

  /** Room for 5,000 guilds' caches; {@code BENCH_SHARDS_HEAP} to try another. */
  private static final String HEAP = System.getenv().getOrDefault("BENCH_SHARDS_HEAP", "-Xmx128m");

  private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");

  private ShardsSection() {}

  static void run(Figures figures, boolean quick) throws Exception {
    Path jar = Path.of("target", "watch287g.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("no " + jar + ": build it first (./bench does)");
    }
    int guilds = quick ? GUILDS / 5 : GUILDS;
    Path directory = Files.createTempDirectory("bench-shards");
    try (FakeDiscord discord = new FakeDiscord().shards(SHARDS);
        FakeIce ice = new FakeIce()) {
      ice.publish(
          "05182026am",
          org.watch287g.watch.BundledSnapshots.read("2026-05-18-participating.xlsx"),
          null);
      int[] perShard = new int[SHARDS];
      for (int g = 0; g < guilds; g++) {
        // Snowflakes a quarter of a millisecond apart: (id >> 22) % 2, the shard, changes every
        // fourth guild, so each shard gets about half, as real guilds spread.
        String id = Long.toString(FIRST_GUILD + ((long) g << 20));
        perShard[FakeDiscord.shardOf(id, SHARDS)]++;
        discord.addGuild(
            id,
            FakeDiscord.BOT,
            Long.toString(FIRST_CHANNEL + 2L * g),
            Long.toString(FIRST_CHANNEL + 2L * g + 1));
      }
      int adminPort = freePort();
      String yaml =
          "discord: {token: 'bench.discord.token', apiUrl: '"
              + discord.apiUrl()
              + "', gatewayUrl: '"
              + discord.gatewayUrl()
              + "'}\n"
              + "admin: {port: "
              + adminPort
              + "}\n"
              + "source: {pageUrl: '"
              + ice.pageUrl()
              + "'}\n"
              + "storage: {path: '"
              + directory.resolve("bot.db")
              + "'}\n";
      Path config = directory.resolve("config.yml");
      Files.writeString(config, yaml);
      Path log = directory.resolve("bot.log");
      List<String> command =
          new ArrayList<>(
              List.of(
                  java("java"),
                  HEAP,
                  "-jar",
                  jar.toString(),
                  "run",
                  "--config",
                  config.toString()));
      long start = System.nanoTime();
      Process bot =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      try {
        long ready = awaitBothShards(bot, start, adminPort, log);
        String how =
            String.format(
                java.util.Locale.ROOT,
                "%d guilds (%d on shard 0, %d on shard 1), 2 channels each; java %s -jar ... run;"
                    + " /readyz 200 with no Discord note; includes Discord's 5 s between two"
                    + " IDENTIFYs (max_concurrency 1)",
                guilds,
                perShard[0],
                perShard.length > 1 ? perShard[1] : 0,
                HEAP);
        figures.context(SECTION, "start to ready, both shards connected", ready / 1e6, "ms", how);
        long live = heapAfterFullGc(bot.pid(), directory);
        String botLog = Files.readString(log, StandardCharsets.UTF_8);
        figures.add(
            SECTION,
            "heap after full GC, " + guilds + " guilds over 2 shards",
            live < 0 ? Double.NaN : live / 1048576.0,
            "MB",
            "fits " + HEAP,
            live >= 0 && !botLog.contains("OutOfMemoryError"),
            "jcmd GC.class_histogram total (live objects after a full GC), once ready");
      } finally {
        bot.destroy();
        if (!bot.waitFor(15, TimeUnit.SECONDS)) {
          bot.destroyForcibly();
        }
      }
    }
  }

  /**
   * Nanoseconds from start until {@code /readyz} answers 200 and notes nothing about Discord:
   * within its grace a platform still connecting is a note, not a failure.
   */
  private static long awaitBothShards(Process bot, long start, int port, Path log)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI readyz = URI.create("http://127.0.0.1:" + port + "/readyz");
    long deadline = start + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline && bot.isAlive()) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(readyz).timeout(Duration.ofSeconds(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && !response.body().contains("discord")) {
          return System.nanoTime() - start;
        }
      } catch (java.io.IOException notYet) {
        // The admin endpoint is not listening yet.
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(
        "the bot's shards were not ready within 120 s; its log: "
            + Files.readString(log, StandardCharsets.UTF_8));
  }

  private static long heapAfterFullGc(long pid, Path directory) throws Exception {
    Process jcmd =
        new ProcessBuilder(java("jcmd"), Long.toString(pid), "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    String histogram = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    Path file = directory.resolve("histogram.txt");
    Files.writeString(file, histogram);
    System.err.println("  class histogram: " + file);
    for (String line : histogram.split("\n", -1)) {
      Matcher total = TOTAL.matcher(line.strip());
      if (total.find()) {
        return Long.parseLong(total.group(2));
      }
    }
    return -1;
  }

  private static String java(String tool) {
    return Path.of(System.getProperty("java.home"), "bin", tool).toString();
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
