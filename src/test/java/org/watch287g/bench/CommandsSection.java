package org.watch287g.bench;

import com.slack.api.app_backend.SlackSignature;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.watch287g.Wiring;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.slack.SlackPlatform;
import org.watch287g.testing.FakeDiscord;
import org.watch287g.testing.TestPostgres;

/**
 * Issue 8, benchmark 3: {@code /287g status harris tx} through Slack's HTTP endpoint (the real bot:
 * Wiring, Bolt, signature check, replay guard, the core's answer, Block Kit), each request freshly
 * signed, from 50 concurrent clients; and Discord interactions (a command and autocomplete) from
 * the gateway frame to the fake's callback.
 */
final class CommandsSection {
  private static final String SECTION = "commands";
  private static final String SECRET = "bench-secret";
  private static final int CLIENTS = 50;
  static final String[] PREFIXES = {
    "harr", "trav", "los a", "miami", "cook", "king", "st lou", "tx", "new ", "beaur", "lee co",
    "multn", "dade", "hariss", "48", "san ", "orange", "jeff", "wash", "fort b"
  };

  private CommandsSection() {}

  static void run(Figures figures, boolean quick) throws Exception {
    Duration length = quick ? Duration.ofSeconds(5) : Duration.ofSeconds(30);
    Path directory = Files.createTempDirectory("bench-commands");
    slack(figures, length, "storage: {path: '" + directory.resolve("bot.db") + "'}", "");
    // Issue 20: the same on PostgreSQL, where the replay guard is a table every instance shares
    // (one INSERT per request) and the answer's reads go over a pooled connection.
    if (TestPostgres.available()) {
      String url = TestPostgres.createDatabase("bench_commands");
      try {
        slack(figures, length, "storage: {url: '" + url + "'}", " on PostgreSQL");
      } finally {
        TestPostgres.dropDatabase(url);
      }
    } else {
      figures.context(
          SECTION, "slack /287g status on PostgreSQL", Double.NaN, "ms", TestPostgres.HOW_TO_RUN);
    }
    discord(figures, quick ? 500 : 2_000);
  }

  /** {@code /287g status} through Slack against the bot on this storage; {@code on} names it. */
  private static void slack(Figures figures, Duration length, String storage, String on)
      throws Exception {
    try (LimitingFakes.Slack api = new LimitingFakes.Slack(1_000, Duration.ofMillis(1))) {
      String yaml =
          storage
              + "\nslack: {botToken: xoxb-bench, signingSecret: "
              + SECRET
              + ", port: 0, apiUrl: '"
              + api.apiUrl()
              + "'}\n";
      Config config = new ConfigLoader(Map.of()).parse(yaml, "bench config");
      try (Wiring wiring = new Wiring(config, Clock.systemUTC())) {
        wiring.seedBundledSnapshots();
        SlackPlatform slack = wiring.slack().orElseThrow();
        slack.start();
        URI endpoint =
            URI.create("http://127.0.0.1:" + slack.port().orElseThrow() + "/slack/events");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String responseUrl = api.apiUrl() + "response";
        AtomicInteger sequence = new AtomicInteger();
        for (int i = 0; i < 300; i++) {
          status(http, endpoint, responseUrl, sequence.incrementAndGet());
        }
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger errors = new AtomicInteger();
        ServerThreads server = ServerThreads.now();
        long end = System.nanoTime() + length.toNanos();
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
          results.add(
              clients.submit(
                  () -> {
                    List<Long> took = new ArrayList<>();
                    while (System.nanoTime() < end) {
                      try {
                        took.add(status(http, endpoint, responseUrl, sequence.incrementAndGet()));
                      } catch (Exception e) {
                        errors.incrementAndGet();
                      }
                    }
                    return took;
                  }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
          all.addAll(result.get());
        }
        clients.shutdown();
        ServerThreads used = ServerThreads.now().minus(server);
        Timings timings = Timings.of(all.stream().mapToLong(Long::longValue).toArray());
        String how =
            String.format(
                "%d clients for %d s, each request signed (HMAC) and checked; %,d requests,"
                    + " %.0f/s",
                CLIENTS, length.toSeconds(), all.size(), all.size() / (double) length.toSeconds());
        figures.context(
            SECTION, "slack /287g status" + on + ", p50", timings.percentileMs(0.5), "ms", how);
        figures.add(
            SECTION,
            "slack /287g status" + on + ", p99",
            timings.percentileMs(0.99),
            "ms",
            "< 50 ms",
            timings.percentileMs(0.99) < 50,
            how);
        // Issue 22: with 50 closed-loop clients latency is 50 / throughput, so what one answer
        // costs the server is what the percentiles come down to.
        String threads =
            "the web server's threads (Jetty's and the routes'), over the "
                + all.size()
                + " requests above; the clients' own work is not counted";
        figures.context(
            SECTION,
            "slack /287g status" + on + ", server CPU per answer",
            used.cpuNanos() / 1e3 / Math.max(1, all.size()),
            "µs",
            threads);
        figures.context(
            SECTION,
            "slack /287g status" + on + ", allocated per answer",
            used.allocatedBytes() / 1024.0 / Math.max(1, all.size()),
            "KiB",
            threads);
        figures.add(
            SECTION,
            "slack /287g status" + on + ", errors",
            errors.get(),
            "requests",
            "0",
            errors.get() == 0,
            "non-200 answers, or answers without the county, or I/O failures");
      }
    }
  }

  /** One signed {@code /287g status harris tx}; its round trip in nanoseconds. */
  static long status(HttpClient http, URI endpoint, String responseUrl, int sequence)
      throws Exception {
    String body =
        "team_id=T1&channel_id=C1&user_id=U1&command=%2F287g&text=status+harris+tx"
            + "&response_url="
            + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8)
            + "&trigger_id=1."
            + sequence;
    String timestamp = String.valueOf(Instant.now().getEpochSecond());
    long start = System.nanoTime();
    String signature = new SlackSignature.Generator(SECRET).generate(timestamp, body);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long took = System.nanoTime() - start;
    if (response.statusCode() != 200 || !response.body().contains("Harris County")) {
      throw new IllegalStateException("unexpected answer " + response.statusCode());
    }
    return took;
  }

  private static void discord(Figures figures, int runs) throws Exception {
    try (FakeDiscord discord = new FakeDiscord()) {
      String guild = "1200000000000000000";
      String channel = "1300000000000000000";
      discord.addGuild(guild, FakeDiscord.BOT, channel);
      Path directory = Files.createTempDirectory("bench-discord");
      String yaml =
          "storage: {path: '"
              + directory.resolve("bot.db")
              + "'}\ndiscord: {token: 'bench.discord.token', apiUrl: '"
              + discord.apiUrl()
              + "', gatewayUrl: '"
              + discord.gatewayUrl()
              + "'}\n";
      Config config = new ConfigLoader(Map.of()).parse(yaml, "bench config");
      try (Wiring wiring = new Wiring(config, Clock.systemUTC())) {
        wiring.seedBundledSnapshots();
        wiring.discord().orElseThrow().start();
        discord.awaitIdentified(Duration.ofSeconds(60));
        discord.await(
            r -> r.method().equals("PUT") && r.path().endsWith("/commands"), Duration.ofMinutes(2));
        Timings command = interactions(discord, 2, guild, channel, runs);
        Timings complete = interactions(discord, 4, guild, channel, runs);
        String how =
            runs
                + " sequential interactions after 300, gateway frame written to callback"
                + " received (FakeDiscord, MockWebServer)";
        figures.context(SECTION, "discord status, p50", command.percentileMs(0.5), "ms", how);
        figures.add(
            SECTION,
            "discord status, p99",
            command.percentileMs(0.99),
            "ms",
            "< 100 ms",
            command.percentileMs(0.99) < 100,
            how);
        figures.context(
            SECTION, "discord autocomplete, p50", complete.percentileMs(0.5), "ms", how);
        figures.context(
            SECTION,
            "discord autocomplete, p99",
            complete.percentileMs(0.99),
            "ms",
            how + "; 20 prefixes; no target in the issue, reported");
      }
    }
  }

  private static Timings interactions(
      FakeDiscord discord, int type, String guild, String channel, int runs)
      throws InterruptedException {
    int warmUp = 300;
    long[] took = new long[runs];
    long firstId = type == 2 ? 1_700_000_000_000_000_000L : 1_710_000_000_000_000_000L;
    for (int i = 0; i < warmUp + runs; i++) {
      String id = Long.toString(firstId + i);
      Map<String, Object> options =
          type == 2
              ? Map.of("county", "harris tx")
              : Map.of("county", PREFIXES[i % PREFIXES.length]);
      Map<String, Object> interaction =
          FakeDiscord.interaction(id, type, guild, channel, "status", options, false);
      long sent = System.nanoTime();
      discord.dispatch("INTERACTION_CREATE", interaction);
      FakeDiscord.Request callback = discord.awaitCallback(id, Duration.ofSeconds(10));
      if (i >= warmUp) {
        took[i - warmUp] = callback.receivedNanos() - sent;
      }
      if (i % 100 == 99) {
        discord.forgetRequests();
      }
    }
    return Timings.of(took);
  }

  /** CPU time and bytes allocated so far by the web server's threads (named "web..."). */
  record ServerThreads(long cpuNanos, long allocatedBytes) {
    static ServerThreads now() {
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long cpu = 0;
      long bytes = 0;
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().startsWith("web")) {
          cpu += Math.max(0, threads.getThreadCpuTime(t.getId()));
          bytes += Math.max(0, threads.getThreadAllocatedBytes(t.getId()));
        }
      }
      return new ServerThreads(cpu, bytes);
    }

    /** What was used since {@code before} (threads started since count whole). */
    ServerThreads minus(ServerThreads before) {
      return new ServerThreads(cpuNanos - before.cpuNanos, allocatedBytes - before.allocatedBytes);
    }
  }
}
