package org.watch287g.bench;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.watch287g.Wiring;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Target;
import org.watch287g.config.ConfigLoader;
import org.watch287g.dataset.UsState;
import org.watch287g.testing.FakeDiscord;
import org.watch287g.testing.FakeIce;

/**
 * Issues 8 and 22: the packaged bot ({@code java -Xmx64m -jar watch287g.jar run}) as a child
 * process, with Slack and Discord both on fakes (1,000 Discord guilds to cache), 10,000
 * subscriptions in its database, a statewide alert queued to all of them (the fan-out runs while
 * the bot answers) and ICE served by {@link FakeIce}. On the first start: 50 concurrent {@code
 * /287g status} clients through Slack's endpoint, the same through Discord, then autocomplete; heap
 * after a full GC (a class histogram), RSS, GC pauses and whether it ran out of memory. Then
 * restarts on the same database. Each series is measured for this build's jar and, when {@code
 * BENCH_BEFORE_JAR} names another jar (e.g. main's), for that one too, taking turns in the same run
 * so that both see the same machine.
 */
final class FootprintSection {
  static final String SECTION = "footprint";
  static final int GUILDS = 1_000;
  static final int CHANNELS_PER_GUILD = 5;
  static final int SUBSCRIPTIONS = 10_000;
  static final long FIRST_GUILD = 1_200_000_000_000_000_000L;
  static final long FIRST_CHANNEL = 1_300_000_000_000_000_000L;

  private FootprintSection() {}

  /** The JVM options the product ships (the unit, the image): one file, read by java itself. */
  static final Path SHIPPED_OPTIONS = Path.of("deploy", "jvm.options");

  /**
   * The environment the unit and the image give the JVM besides its options: glibc's malloc keeps
   * at most 2 arenas (its default is 8 per core) for the bot's native allocations.
   */
  static final Map<String, String> SHIPPED_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

  /**
   * A jar to measure, what to call it in the figures, its JVM options and environment, and whether
   * it starts with a class-data archive made as the systemd unit makes it.
   */
  record Candidate(
      String label, Path jar, List<String> flags, Map<String, String> env, boolean archive) {}

  static void run(Figures figures, boolean quick) throws Exception {
    List<Candidate> candidates = new ArrayList<>();
    String before = System.getenv("BENCH_BEFORE_JAR");
    if (before != null && !before.isBlank()) {
      // As main's bench ran it: the JVM's defaults but for the heap.
      candidates.add(new Candidate("before", Path.of(before), List.of(), Map.of(), false));
    }
    Path jar = Path.of("target", "watch287g.jar");
    String label = candidates.isEmpty() ? "this jar" : "after";
    List<String> shipped = List.of("@" + SHIPPED_OPTIONS);
    String variants = System.getenv("BENCH_FLAGS");
    if (variants == null || variants.isBlank()) {
      candidates.add(new Candidate(label, jar, shipped, SHIPPED_ENVIRONMENT, true));
      candidates.add(
          new Candidate(label + ", no archive", jar, shipped, SHIPPED_ENVIRONMENT, false));
    } else {
      // Options (or NAME=value for the environment) to try beside the shipped ones, "|" between
      // variants ("-XX:A|-XX:B MALLOC_ARENA_MAX=8"), each with its archive, taking turns.
      for (String variant : variants.split("\\|", -1)) {
        List<String> flags = new ArrayList<>(shipped);
        Map<String, String> env = new java.util.HashMap<>(SHIPPED_ENVIRONMENT);
        for (String word : variant.strip().split("\\s+", -1)) {
          if (word.startsWith("-") || word.startsWith("@")) {
            flags.add(word);
          } else if (word.contains("=")) {
            // NAME=value: the JVM's environment (MALLOC_ARENA_MAX=8).
            env.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
          }
        }
        candidates.add(
            new Candidate(
                label + " " + variant.strip(), jar, List.copyOf(flags), Map.copyOf(env), true));
      }
    }
    for (Candidate candidate : candidates) {
      if (!Files.exists(candidate.jar())) {
        throw new IllegalStateException(
            "no " + candidate.jar() + ": build it first (./bench does)");
      }
    }
    int restarts = quick ? 1 : 3;
    Duration load = quick ? Duration.ofSeconds(5) : Duration.ofSeconds(20);
    Path directory = Files.createTempDirectory("bench-footprint");
    try (FakeDiscord discord = new FakeDiscord();
        LimitingFakes.Slack slack = new LimitingFakes.Slack(3, Duration.ofSeconds(1));
        FakeIce ice = new FakeIce()) {
      ice.publish(
          "05182026am",
          org.watch287g.watch.BundledSnapshots.read("2026-05-18-participating.xlsx"),
          null);
      for (int guild = 0; guild < GUILDS; guild++) {
        String[] channels = new String[CHANNELS_PER_GUILD];
        for (int i = 0; i < CHANNELS_PER_GUILD; i++) {
          channels[i] = Long.toString(FIRST_CHANNEL + (long) guild * CHANNELS_PER_GUILD + i);
        }
        discord.addGuild(Long.toString(FIRST_GUILD + guild), FakeDiscord.BOT, channels);
      }
      List<FootprintRun.Setup> setups = new ArrayList<>();
      for (Candidate candidate : candidates) {
        Path own =
            Files.createDirectories(
                directory.resolve(candidate.label().replaceAll("[^A-Za-z0-9.=-]+", "-")));
        Path database = own.resolve("bot.db");
        prepareDatabase(database);
        int adminPort = freePort();
        int slackPort = freePort();
        String yaml =
            "slack: {botToken: xoxb-bench, signingSecret: bench-secret, port: "
                + slackPort
                + ", apiUrl: '"
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
                + "'}\n"
                + "storage: {path: '"
                + database
                + "'}\n";
        Path config = own.resolve("config.yml");
        Files.writeString(config, yaml);
        List<String> flags = new ArrayList<>(candidate.flags());
        if (candidate.archive()) {
          flags.add("-XX:SharedArchiveFile=" + archive(figures, candidate, own));
        }
        setups.add(
            new FootprintRun.Setup(
                new Candidate(
                    candidate.label(),
                    candidate.jar(),
                    flags,
                    candidate.env(),
                    candidate.archive()),
                own,
                config,
                adminPort,
                slackPort,
                slack.apiUrl(),
                discord,
                load,
                quick));
      }
      // Taking turns, so that neither jar gains from the fakes in this JVM warming up or from a
      // quieter moment on a shared machine.
      for (int run = 0; run <= restarts; run++) {
        for (FootprintRun.Setup setup : setups) {
          new FootprintRun(setup, run).measure(figures);
        }
      }
    }
  }

  /**
   * A database with 10,000 subscriptions (half Slack channels, half Discord channels spread over
   * the fake's guilds, each following one state) and one statewide Florida alert queued to every
   * one of them: the fan-out the bot delivers while it answers commands.
   */
  private static void prepareDatabase(Path file) throws Exception {
    String yaml = "storage: {path: '" + file + "'}\n";
    try (Wiring wiring =
        new Wiring(new ConfigLoader(Map.of()).parse(yaml, "bench config"), Clock.systemUTC())) {
      UsState[] states = UsState.values();
      List<ChannelRef> channels = new ArrayList<>();
      for (int i = 0; i < SUBSCRIPTIONS; i++) {
        int half = i / 2;
        channels.add(
            i % 2 == 0
                ? new ChannelRef("slack", "T1", "C" + (100_000 + half))
                : new ChannelRef(
                    "discord",
                    Long.toString(FIRST_GUILD + half / CHANNELS_PER_GUILD),
                    Long.toString(FIRST_CHANNEL + half)));
      }
      wiring
          .database()
          .transaction(
              connection -> {
                for (int i = 0; i < channels.size(); i++) {
                  wiring
                      .subscriptions()
                      .follow(
                          channels.get(i),
                          Target.state(states[i % states.length]),
                          Instant.EPOCH,
                          null);
                }
                return null;
              });
      FanoutSection.enqueueStatewideEvents(wiring, channels, 1);
    }
  }

  /**
   * A class-data archive of the classes the bot loads, made as the systemd unit's ExecStartPre
   * makes it: the shipped options, {@code -XX:ArchiveClassesAtExit} on a {@code demo} run.
   */
  private static Path archive(Figures figures, Candidate candidate, Path directory)
      throws Exception {
    Path archive = directory.resolve("watch287g.jsa");
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(candidate.flags());
    command.addAll(
        List.of("-XX:ArchiveClassesAtExit=" + archive, "-jar", candidate.jar().toString(), "demo"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("archive.log").toFile());
    builder.environment().putAll(candidate.env());
    long start = System.nanoTime();
    if (builder.start().waitFor() != 0 || !Files.exists(archive)) {
      throw new IllegalStateException(
          "the class-data archive was not made; see " + directory.resolve("archive.log"));
    }
    figures.context(
        SECTION,
        "class-data archive (" + candidate.label() + ")",
        Files.size(archive) / 1048576.0,
        "MB",
        String.format(
            java.util.Locale.ROOT,
            "made as the unit makes it (demo with -XX:ArchiveClassesAtExit) in %.1f s",
            (System.nanoTime() - start) / 1e9));
    return archive;
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
