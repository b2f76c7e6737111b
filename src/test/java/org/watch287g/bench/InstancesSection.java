package org.watch287g.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.watch287g.Wiring;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Target;
import org.watch287g.config.ConfigLoader;
import org.watch287g.dataset.UsState;
import org.watch287g.store.Heartbeats;
import org.watch287g.testing.FakeDiscord;
import org.watch287g.testing.TestPostgres;

/**
 * Issue 20: one statewide event fanned out to Discord channels by 1, 2 and 3 bot processes (the
 * packaged jar, {@code run}) sharing one PostgreSQL database, against {@link LimitingFakes}
 * enforcing Discord's 50 a second for the bot (global: every instance counts against it) and 5 per
 * 5 s per channel, 80 ms away. Each instance paces within the limit divided by the instances heard
 * from ({@code instance_heartbeat}), so together they should stay within it: the share of the
 * allowed throughput must not exceed 100% (else Discord answers 429) and must not fall as instances
 * are added. Each process reads its own fake gateway; the alerts are queued only once every
 * instance is up and has beaten, so that the figure is the fan-out, not the start.
 */
final class InstancesSection {
  private static final String SECTION = "instances";
  private static final int GLOBAL_PER_SECOND = 50;

  /** Discord's shards of the bot, the same with 1, 2 or 3 instances: they spread over them. */
  private static final int SHARDS = 3;

  private static final int CHANNELS_PER_GUILD = 5;
  private static final long FIRST_GUILD = 1_200_000_000_000_000_000L;
  private static final long FIRST_CHANNEL = 1_300_000_000_000_000_000L;
  private static final Path JAR = Path.of("target", "watch287g.jar");

  private InstancesSection() {}

  static void run(Figures figures, boolean quick) throws Exception {
    if (!TestPostgres.available()) {
      figures.context(
          SECTION, "fan-out by several instances", Double.NaN, "", TestPostgres.HOW_TO_RUN);
      return;
    }
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException("no " + JAR + ": ./bench packages it first");
    }
    int channels = quick ? 750 : 2_500;
    for (int n = 1; n <= 3; n++) {
      fanout(figures, n, channels);
    }
  }

  private static void fanout(Figures figures, int instances, int channels) throws Exception {
    String url = TestPostgres.createDatabase("bench_instances_" + instances);
    Path directory = Files.createTempDirectory("bench-instances");
    List<FakeDiscord> gateways = new ArrayList<>();
    List<Process> bots = new ArrayList<>();
    try {
      for (int i = 0; i < instances; i++) {
        gateways.add(new FakeDiscord().shards(SHARDS));
      }
      int guilds = (channels + CHANNELS_PER_GUILD - 1) / CHANNELS_PER_GUILD;
      for (FakeDiscord gateway : gateways) {
        for (int guild = 0; guild < guilds; guild++) {
          String[] ids = new String[CHANNELS_PER_GUILD];
          for (int i = 0; i < CHANNELS_PER_GUILD; i++) {
            ids[i] = Long.toString(FIRST_CHANNEL + (long) guild * CHANNELS_PER_GUILD + i);
          }
          gateway.addGuild(guild(guild), FakeDiscord.BOT, ids);
        }
      }
      try (LimitingFakes.Discord discord =
              new LimitingFakes.Discord(
                  gateways.get(0), GLOBAL_PER_SECOND, 5, Duration.ofSeconds(5), FanoutSection.WAN);
          Wiring wiring =
              new Wiring(
                  new ConfigLoader(Map.of()).parse("storage: {url: '" + url + "'}\n", "bench"),
                  Clock.systemUTC())) {
        // This Wiring is never started: it keeps the channels and queues the event, as a
        // poller would, while the jar processes deliver.
        List<ChannelRef> following = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
          following.add(
              new ChannelRef(
                  "discord", guild(i / CHANNELS_PER_GUILD), Long.toString(FIRST_CHANNEL + i)));
        }
        wiring
            .database()
            .transaction(
                connection -> {
                  for (ChannelRef channel : following) {
                    wiring
                        .subscriptions()
                        .follow(channel, Target.state(UsState.FL), Instant.EPOCH, null);
                  }
                  return null;
                });
        for (int i = 0; i < instances; i++) {
          FakeDiscord gateway = gateways.get(i);
          bots.add(start(directory.resolve("bot" + i), url, discord.apiUrl(), gateway));
          gateway.awaitIdentified(Duration.ofMinutes(2));
        }
        long beaten = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (heartbeats(url) < instances && System.nanoTime() < beaten) {
          Thread.sleep(200);
        }
        // Each instance counts the others when it beats next: give every one a beat.
        Thread.sleep(Heartbeats.EVERY.toMillis() + 1_000);
        String spread = awaitSpread(gateways, Duration.ofMinutes(2));
        String load = load();

        FanoutSection.enqueueStatewideEvents(wiring, following, 1);
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(10).toNanos();
        long done = 0;
        while (done == 0 && System.nanoTime() < deadline) {
          Thread.sleep(100);
          if (wiring.outbox().depth("discord") == 0) {
            done = System.nanoTime();
          }
        }
        int lost = channels - discord.deliveredOnce(1);
        int duplicates = discord.duplicates(1);
        double fastest = Math.ceil(channels / (double) GLOBAL_PER_SECOND) - 1;
        double actual = (discord.lastAcceptedNanos.get() - discord.firstAcceptedNanos.get()) / 1e9;
        double share = 100 * fastest / actual;
        String how =
            String.format(
                Locale.ROOT,
                "%d jar process%s on one PostgreSQL database; %,d alerts to %,d channels, 80 ms"
                    + " each way; %,d accepted from first to last in %.2f s, the limit allows"
                    + " %.0f s; %,d requests, %,d answered 429; lost %d, duplicates %d; %.1f s"
                    + " until the outbox was empty; %d shards, connected per instance: %s; load"
                    + " before: %s",
                instances,
                instances == 1 ? "" : "es",
                channels,
                discord.perChannel.size(),
                discord.accepted.get(),
                actual,
                fastest,
                discord.requests.get(),
                discord.limited.get(),
                lost,
                duplicates,
                (done == 0 ? Double.NaN : (done - start) / 1e9),
                SHARDS,
                spread,
                load);
        String perInstance = perInstance(discord, gateways, channels);
        how +=
            "; per instance (its shards: alerts accepted, from and to, after the first): "
                + perInstance;
        String name = "discord, " + instances + " instance" + (instances == 1 ? "" : "s") + ": ";
        figures.add(
            SECTION,
            name + "share of allowed throughput",
            share,
            "%",
            "<= 100%",
            share <= 100.5,
            how);
        figures.add(SECTION, name + "lost", lost, "alerts", "0", lost == 0, how);
        figures.add(SECTION, name + "duplicates", duplicates, "alerts", "0", duplicates == 0, how);
        figures.context(SECTION, name + "answered 429", discord.limited.get(), "requests", how);
      }
    } finally {
      for (Process bot : bots) {
        bot.destroy();
      }
      for (Process bot : bots) {
        if (!bot.waitFor(60, TimeUnit.SECONDS)) {
          bot.destroyForcibly();
        }
      }
      for (FakeDiscord gateway : gateways) {
        gateway.close();
      }
      TestPostgres.dropDatabase(url);
    }
  }

  private static Process start(Path home, String url, String apiUrl, FakeDiscord gateway)
      throws IOException {
    Files.createDirectories(home);
    Path config = home.resolve("config.yml");
    Files.writeString(
        config,
        "storage: {url: '"
            + url
            + "'}\nadmin: {enabled: false}\ndiscord: {token: 'bench.discord.token', apiUrl: '"
            + apiUrl
            + "', gatewayUrl: '"
            + gateway.gatewayUrl()
            + "', shards: "
            + SHARDS
            + "}\n",
        StandardCharsets.UTF_8);
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(System.getProperty("java.home") + File.separator + "bin/java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java, "-Xmx256m", "-jar", JAR.toString(), "run", "--config", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("bot.log").toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_"));
    return builder.start();
  }

  /**
   * When each instance's alerts were accepted, by the shards it runs: shows an instance that began
   * late or sent slower than its part.
   */
  private static String perInstance(
      LimitingFakes.Discord discord, List<FakeDiscord> gateways, int channels) {
    long first = discord.firstAcceptedNanos.get();
    List<String> parts = new ArrayList<>();
    for (FakeDiscord gateway : gateways) {
      java.util.Set<Integer> shards = gateway.connectedShards();
      long from = Long.MAX_VALUE;
      long to = Long.MIN_VALUE;
      int count = 0;
      for (int i = 0; i < channels; i++) {
        String guild = guild(i / CHANNELS_PER_GUILD);
        if (!shards.contains(FakeDiscord.shardOf(guild, SHARDS))) {
          continue;
        }
        Long at = discord.acceptedAt.get(Long.toString(FIRST_CHANNEL + i));
        if (at != null) {
          from = Math.min(from, at);
          to = Math.max(to, at);
          count++;
        }
      }
      parts.add(
          count == 0
              ? shards + ": none"
              : String.format(
                  Locale.ROOT,
                  "%s: %d, %.2f-%.2f s",
                  shards,
                  count,
                  (from - first) / 1e9,
                  (to - first) / 1e9));
    }
    return String.join("; ", parts);
  }

  /** The n-th server's ID: a step of 1 << 22 apart, so that they fall on every shard in turn. */
  private static String guild(int n) {
    return Long.toString(FIRST_GUILD + ((long) n << 22));
  }

  /**
   * Waits until every shard is connected, each in one instance, and every instance runs one (as
   * many as there are shards): the instances spread the shards between them within a few
   * heartbeats. Returns the shards each instance's gateway has connected, in order.
   */
  private static String awaitSpread(List<FakeDiscord> gateways, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<java.util.Set<Integer>> connected =
          gateways.stream().map(FakeDiscord::connectedShards).toList();
      java.util.Set<Integer> all = new java.util.TreeSet<>();
      int sum = 0;
      boolean everyOne = true;
      for (java.util.Set<Integer> shards : connected) {
        all.addAll(shards);
        sum += shards.size();
        everyOne &= !shards.isEmpty();
      }
      if ((all.size() == SHARDS && sum == SHARDS && everyOne) || System.nanoTime() > end) {
        return connected.toString();
      }
      Thread.sleep(200);
    }
  }

  private static long heartbeats(String url) {
    try (Connection c = TestPostgres.at(url).connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM instance_heartbeat")) {
      return r.next() ? r.getLong(1) : 0;
    } catch (SQLException e) {
      return 0;
    }
  }

  /** The machine's load averages, as {@code uptime} shows them (others share the machine). */
  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
