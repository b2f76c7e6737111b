package org.watch287g.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Target;
import org.watch287g.dataset.UsState;
import org.watch287g.store.Database;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.testing.FakeDiscord;
import org.watch287g.testing.FakeIce;
import org.watch287g.watch.BundledSnapshots;

/**
 * Issue 8, benchmark 4: the packaged bot ({@code java -Xmx128m -jar target/watch287g.jar run}) as a
 * child process, with Slack and Discord both on fakes (1,000 Discord guilds to cache), 10,000
 * subscriptions in its database and ICE served by {@link FakeIce}: time from process start to
 * {@code /readyz} answering 200, and its resident set once ready; then the same again starting from
 * a class-data archive, as the Docker image does.
 */
final class FootprintSection {
  private static final String SECTION = "footprint";
  private static final int GUILDS = 1_000;
  private static final int CHANNELS_PER_GUILD = 5;
  private static final int SUBSCRIPTIONS = 10_000;

  private FootprintSection() {}

  /**
   * The first start on a new database (which also stores the bundled ICE history), then restarts on
   * the same database, the usual case of a container restarted.
   */
  static void run(Figures figures, boolean quick) throws Exception {
    int runs = quick ? 2 : 4;
    Path jar = Path.of("target", "watch287g.jar");
    if (!Files.exists(jar)) {
      throw new IllegalStateException("no " + jar + ": build it first (./bench does)");
    }
    Path directory = Files.createTempDirectory("bench-footprint");
    try (FakeDiscord discord = new FakeDiscord();
        LimitingFakes.Slack slack = new LimitingFakes.Slack(3, Duration.ofSeconds(1));
        FakeIce ice = new FakeIce()) {
      ice.publish("05182026am", BundledSnapshots.read("2026-05-18-participating.xlsx"), null);
      long firstGuild = 1_200_000_000_000_000_000L;
      long firstChannel = 1_300_000_000_000_000_000L;
      for (int guild = 0; guild < GUILDS; guild++) {
        String[] channels = new String[CHANNELS_PER_GUILD];
        for (int i = 0; i < CHANNELS_PER_GUILD; i++) {
          channels[i] = Long.toString(firstChannel + (long) guild * CHANNELS_PER_GUILD + i);
        }
        discord.addGuild(Long.toString(firstGuild + guild), FakeDiscord.BOT, channels);
      }
      Path databaseFile = directory.resolve("bot.db");
      try (Database database = Database.open(databaseFile, Duration.ofSeconds(5))) {
        SubscriptionRepository follows = new SubscriptionRepository(database);
        UsState[] states = UsState.values();
        database.transaction(
            connection -> {
              for (int i = 0; i < SUBSCRIPTIONS; i++) {
                int half = i / 2;
                ChannelRef channel =
                    i % 2 == 0
                        ? new ChannelRef("slack", "T1", "C" + (100_000 + half))
                        : new ChannelRef(
                            "discord",
                            Long.toString(firstGuild + half / CHANNELS_PER_GUILD),
                            Long.toString(firstChannel + half));
                follows.follow(
                    channel, Target.state(states[i % states.length]), Instant.EPOCH, null);
              }
              return null;
            });
      }
      int adminPort;
      try (ServerSocket socket = new ServerSocket(0)) {
        adminPort = socket.getLocalPort();
      }
      // The same database before its first start, for the series with the class-data archive.
      Path freshCopy = directory.resolve("fresh.db");
      Files.copy(databaseFile, freshCopy);
      String platforms =
          "slack: {botToken: xoxb-bench, signingSecret: bench-secret, port: 0, apiUrl: '"
              + slack.apiUrl()
              + "'}\n"
              + "discord: {token: 'bench.discord.token', apiUrl: '"
              + discord.apiUrl()
              + "', gatewayUrl: '"
              + discord.gatewayUrl()
              + "'}\n"
              + "admin: {port: "
              + adminPort
              + "}\n"
              + "source: {pageUrl: '"
              + ice.pageUrl()
              + "'}\n";
      Path config = directory.resolve("config.yml");
      Files.writeString(config, platforms + "storage: {path: '" + databaseFile + "'}\n");
      // The Docker image starts from a class-data archive of the classes `demo` loads, made at
      // build time: the same here, to measure what that saves.
      Path archive = directory.resolve("watch287g.jsa");
      Process training =
          new ProcessBuilder(
                  java(), "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString(), "demo")
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("training.log").toFile())
              .start();
      if (training.waitFor() != 0 || !Files.exists(archive)) {
        throw new IllegalStateException("the class-data archive was not made; see training.log");
      }
      Path cdsConfig = directory.resolve("config-cds.yml");
      Files.writeString(cdsConfig, platforms + "storage: {path: '" + freshCopy + "'}\n");
      // Taking turns, so that neither series gains from the fakes in this JVM warming up.
      for (int run = 1; run <= runs; run++) {
        String label = run == 1 ? " (first start" : " (restart " + (run - 1);
        startOnce(
            figures,
            jar,
            List.of(),
            config,
            directory.resolve("bot-" + run + ".log"),
            adminPort,
            label + ")");
        startOnce(
            figures,
            jar,
            List.of("-XX:SharedArchiveFile=" + archive),
            cdsConfig,
            directory.resolve("bot-cds-" + run + ".log"),
            adminPort,
            label + ", class-data archive)");
      }
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void startOnce(
      Figures figures,
      Path jar,
      List<String> flags,
      Path config,
      Path log,
      int adminPort,
      String suffix)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx128m"));
    command.addAll(flags);
    command.addAll(List.of("-jar", jar.toString(), "run", "--config", config.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    HttpClient http = HttpClient.newHttpClient();
    URI readyz = URI.create("http://127.0.0.1:" + adminPort + "/readyz");
    long start = System.nanoTime();
    Process bot = builder.start();
    try {
      long readyNanos = 0;
      long deadline = start + Duration.ofSeconds(60).toNanos();
      while (readyNanos == 0 && System.nanoTime() < deadline && bot.isAlive()) {
        try {
          HttpResponse<Void> response =
              http.send(
                  HttpRequest.newBuilder(readyz).timeout(Duration.ofSeconds(1)).build(),
                  HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() == 200) {
            readyNanos = System.nanoTime() - start;
          }
        } catch (IOException notYet) {
          // The admin endpoint is not listening yet.
        }
        if (readyNanos == 0) {
          Thread.sleep(20);
        }
      }
      if (readyNanos == 0) {
        throw new IllegalStateException(
            "the bot was not ready within 60 s; its log: " + Files.readString(log));
      }
      // Let the first poll (baseline of the 2026-05-18 list) and the guild cache settle.
      Thread.sleep(5_000);
      long rssKb = statusKb(bot.pid(), "VmRSS:");
      long peakKb = statusKb(bot.pid(), "VmHWM:");
      boolean alive = bot.isAlive();
      String how =
          String.format(
              "java -Xmx128m %s-jar target/watch287g.jar run; Slack + Discord on fakes, %,d"
                  + " guilds cached, %,d subscriptions, ICE on FakeIce",
              flags.isEmpty() ? "" : "-XX:SharedArchiveFile=(the classes demo loads) ",
              GUILDS,
              SUBSCRIPTIONS);
      figures.add(
          SECTION,
          "start to /readyz 200" + suffix,
          readyNanos / 1e6,
          "ms",
          "< 3000 ms",
          readyNanos < 3_000_000_000L,
          how);
      figures.add(
          SECTION,
          "RSS once ready" + suffix,
          rssKb / 1024.0,
          "MB",
          "runs within -Xmx128m",
          alive,
          "VmRSS 5 s after ready (peak VmHWM "
              + (peakKb / 1024)
              + " MB); process "
              + (alive ? "still running" : "DIED"));
    } finally {
      bot.destroy();
      if (!bot.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
        bot.destroyForcibly();
      }
    }
  }

  private static long statusKb(long pid, String field) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
    for (String line : lines) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }
}
