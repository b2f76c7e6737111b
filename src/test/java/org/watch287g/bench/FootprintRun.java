package org.watch287g.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watch287g.testing.FakeDiscord;

/**
 * One start of the packaged bot for {@link FootprintSection}: start to {@code /readyz} 200, and on
 * the first start the whole scenario (Slack and Discord commands under load, autocomplete, the
 * fan-out in the background), then heap after a full GC, RSS and GC pauses.
 */
final class FootprintRun {
  private static final int CLIENTS = 50;

  /** The heap the issue asks the bot to live in; {@code BENCH_HEAP} (e.g. -Xmx128m) to compare. */
  private static final String HEAP = System.getenv().getOrDefault("BENCH_HEAP", "-Xmx64m");

  /** A bot that has stopped answering is given up on after this many failures in a series. */
  private static final int GIVE_UP_AFTER = 50;

  /**
   * Native Memory Tracking's summary beside RSS (its own cost: about 1 MB here, measured with
   * {@code BENCH_NMT=off}); {@code BENCH_NMT=off} leaves it out.
   */
  private static final boolean NMT = !"off".equals(System.getenv("BENCH_NMT"));

  /** A line of NMT's summary: "- Java Heap (reserved=65536KB, committed=65536KB)". */
  private static final Pattern NMT_LINE =
      Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");

  private static final Pattern PAUSE = Pattern.compile("Pause.* ([0-9.]+)ms$");
  private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");
  private static final AtomicLong INTERACTION_IDS = new AtomicLong(1_700_000_000_000_000_000L);
  private static final AtomicInteger SLACK_SEQUENCE = new AtomicInteger();

  /** Everything one jar's runs share. */
  record Setup(
      FootprintSection.Candidate candidate,
      Path directory,
      Path config,
      int adminPort,
      int slackPort,
      String slackApiUrl,
      FakeDiscord discord,
      Duration load,
      boolean quick) {}

  private final Setup setup;
  private final int run;
  private final String suffix;

  FootprintRun(Setup setup, int run) {
    this.setup = setup;
    this.run = run;
    this.suffix =
        " (" + setup.candidate().label() + (run == 0 ? ", first start)" : ", restart " + run + ")");
  }

  void measure(Figures figures) throws Exception {
    Path log = setup.directory().resolve("bot-" + run + ".log");
    Path gcLog = setup.directory().resolve("gc-" + run + ".log");
    List<String> command = new ArrayList<>(List.of(java("java"), HEAP, "-Xlog:gc:file=" + gcLog));
    if (NMT) {
      command.add("-XX:NativeMemoryTracking=summary");
    }
    command.addAll(setup.candidate().flags());
    String jfr = System.getenv("BENCH_JFR");
    if (jfr != null && run == 0) {
      command.add(
          "-XX:StartFlightRecording=settings=profile,filename="
              + setup.directory().resolve("first-start.jfr"));
    }
    command.addAll(
        List.of(
            "-jar",
            setup.candidate().jar().toString(),
            "run",
            "--config",
            setup.config().toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(setup.candidate().env());
    System.err.println(
        "  started" + suffix + " at " + java.time.LocalTime.now(java.time.ZoneId.systemDefault()));
    long start = System.nanoTime();
    Process bot = builder.start();
    try {
      long readyNanos = awaitReady(bot, start, log);
      figures.add(
          FootprintSection.SECTION,
          "start to /readyz 200" + suffix,
          readyNanos / 1e6,
          "ms",
          "< 2000 ms",
          readyNanos < 2_000_000_000L,
          String.join(" ", command.subList(1, command.size() - 5)).replaceAll("=/tmp/\\S+/", "=")
              + " -jar ... run"
              + (setup.candidate().env().isEmpty() ? "" : "; " + setup.candidate().env()));
      if (run == 0) {
        scenario(figures);
      } else {
        Thread.sleep(3_000);
      }
      boolean alive = bot.isAlive();
      long liveBytes = alive ? heapAfterFullGc(bot.pid(), run == 0) : -1;
      long rssKb = alive ? statusKb(bot.pid(), "VmRSS:") : -1;
      long peakKb = alive ? statusKb(bot.pid(), "VmHWM:") : -1;
      String rssParts =
          alive
              ? String.format(
                  Locale.ROOT,
                  "; anonymous %d MB, files %d MB; %d threads",
                  statusKb(bot.pid(), "RssAnon:") / 1024,
                  (statusKb(bot.pid(), "RssFile:") + statusKb(bot.pid(), "RssShmem:")) / 1024,
                  statusKb(bot.pid(), "Threads:"))
              : "";
      String nativeMemory = alive && NMT ? nativeMemory(bot.pid()) : "";
      if (alive) {
        System.err.println("  threads" + suffix + ": " + threadNames(bot.pid()));
      }
      String botLog = Files.readString(log, StandardCharsets.UTF_8);
      boolean outOfMemory = botLog.contains("OutOfMemoryError");
      figures.add(
          FootprintSection.SECTION,
          "heap after full GC" + suffix,
          liveBytes < 0 ? Double.NaN : liveBytes / 1048576.0,
          "MB",
          "fits " + HEAP,
          alive && !outOfMemory && liveBytes >= 0,
          "jcmd GC.class_histogram total (live objects after a full GC); "
              + (outOfMemory ? "OutOfMemoryError in the log" : "no OutOfMemoryError")
              + (alive ? "" : "; process DIED"));
      figures.add(
          FootprintSection.SECTION,
          "RSS" + suffix,
          rssKb / 1024.0,
          "MB",
          "< 160 MB",
          rssKb < 160 * 1024,
          "VmRSS "
              + (run == 0 ? "after the scenario" : "3 s after ready")
              + "; peak VmHWM "
              + (peakKb / 1024)
              + " MB"
              + rssParts
              + nativeMemory);
      gcPauses(figures, gcLog);
    } finally {
      bot.destroy();
      if (!bot.waitFor(15, TimeUnit.SECONDS)) {
        bot.destroyForcibly();
      }
    }
  }

  private long awaitReady(Process bot, long start, Path log) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI readyz = URI.create("http://127.0.0.1:" + setup.adminPort() + "/readyz");
    long deadline = start + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && bot.isAlive()) {
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(readyz).timeout(Duration.ofSeconds(1)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return System.nanoTime() - start;
        }
      } catch (IOException notYet) {
        // The admin endpoint is not listening yet.
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException(
        "the bot was not ready within 60 s; its log: "
            + Files.readString(log, StandardCharsets.UTF_8));
  }

  /** Slack's and Discord's commands under load while the fan-out is delivered. */
  private void scenario(Figures figures) throws Exception {
    FakeDiscord discord = setup.discord();
    boolean quick = setup.quick();
    discord.awaitIdentified(Duration.ofSeconds(60));
    URI endpoint = URI.create("http://127.0.0.1:" + setup.slackPort() + "/slack/events");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String responseUrl = setup.slackApiUrl() + "response";
    for (int i = 0; i < 300; i++) {
      try {
        CommandsSection.status(http, endpoint, responseUrl, SLACK_SEQUENCE.incrementAndGet());
      } catch (IOException | IllegalStateException unanswered) {
        // Counted in the measured series below, if it goes on.
      }
    }
    AtomicInteger errors = new AtomicInteger();
    List<Long> slack =
        concurrently(
            () ->
                CommandsSection.status(
                    http, endpoint, responseUrl, SLACK_SEQUENCE.incrementAndGet()),
            errors);
    report(figures, "slack /287g status", slack, "< 20 ms", 20, errors.get());
    for (int i = 0; i < 100; i++) {
      try {
        interaction(discord, 2, "harris tx");
      } catch (AssertionError unanswered) {
        // Counted in the measured series below, if it goes on.
      }
    }
    AtomicInteger discordErrors = new AtomicInteger();
    List<Long> discordStatus =
        concurrently(() -> interaction(discord, 2, "harris tx"), discordErrors);
    report(figures, "discord /287g status", discordStatus, "< 20 ms", 20, discordErrors.get());
    // Autocomplete one at a time, as a user types, noting the slowest prefixes.
    String[] prefixes = CommandsSection.PREFIXES;
    Map<String, Long> worst = new HashMap<>();
    List<Long> complete = new ArrayList<>();
    int completeErrors = 0;
    int warmUp = quick ? 100 : 300;
    int rounds = quick ? 10 : 50;
    for (int i = 0; i < warmUp + prefixes.length * rounds && completeErrors < GIVE_UP_AFTER; i++) {
      String prefix = prefixes[i % prefixes.length];
      try {
        long took = interaction(discord, 4, prefix);
        if (i >= warmUp) {
          complete.add(took);
          worst.merge(prefix, took, Math::max);
        }
      } catch (AssertionError unanswered) {
        completeErrors++;
      }
    }
    report(figures, "discord autocomplete", complete, "", 0, completeErrors);
    String slowest =
        worst.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(3)
            .map(e -> String.format(Locale.ROOT, "'%s' %.1f ms", e.getKey(), e.getValue() / 1e6))
            .reduce((a, b) -> a + ", " + b)
            .orElse("");
    System.err.println("  slowest autocomplete prefixes" + suffix + ": " + slowest);
  }

  /** Runs {@code call} from 50 threads for the load's length; each call's nanoseconds. */
  private List<Long> concurrently(Timed call, AtomicInteger errors) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    long end = System.nanoTime() + setup.load().toNanos();
    List<Future<List<Long>>> results = new ArrayList<>();
    for (int client = 0; client < CLIENTS; client++) {
      results.add(
          clients.submit(
              () -> {
                List<Long> took = new ArrayList<>();
                while (System.nanoTime() < end && errors.get() < GIVE_UP_AFTER) {
                  try {
                    took.add(call.nanos());
                  } catch (Exception | AssertionError e) {
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
    return all;
  }

  /** One call measured in nanoseconds. */
  private interface Timed {
    long nanos() throws Exception;
  }

  private void report(
      Figures figures, String what, List<Long> nanos, String target, double limitMs, int errors) {
    if (nanos.isEmpty()) {
      figures.add(
          FootprintSection.SECTION,
          what + ", p99" + suffix,
          Double.NaN,
          "ms",
          target,
          false,
          "nothing answered; " + errors + " errors");
      return;
    }
    Timings timings = Timings.of(nanos.stream().mapToLong(Long::longValue).toArray());
    String how =
        String.format(
            Locale.ROOT,
            "%s%,d answers, %d errors%s",
            target.isEmpty() ? "one at a time, 20 prefixes; " : CLIENTS + " concurrent clients; ",
            nanos.size(),
            errors,
            ", while the fan-out is delivered");
    figures.context(
        FootprintSection.SECTION, what + ", p50" + suffix, timings.percentileMs(0.5), "ms", how);
    if (target.isEmpty()) {
      figures.context(
          FootprintSection.SECTION, what + ", p99" + suffix, timings.percentileMs(0.99), "ms", how);
    } else {
      figures.add(
          FootprintSection.SECTION,
          what + ", p99" + suffix,
          timings.percentileMs(0.99),
          "ms",
          target,
          timings.percentileMs(0.99) < limitMs && errors == 0,
          how);
    }
  }

  /** One interaction (2: the status command, 4: autocomplete) from gateway frame to callback. */
  private static long interaction(FakeDiscord discord, int type, String county)
      throws InterruptedException {
    String id = Long.toString(INTERACTION_IDS.incrementAndGet());
    Map<String, Object> interaction =
        FakeDiscord.interaction(
            id,
            type,
            Long.toString(FootprintSection.FIRST_GUILD),
            Long.toString(FootprintSection.FIRST_CHANNEL),
            "status",
            Map.of("county", county),
            false);
    long sent = System.nanoTime();
    discord.dispatch("INTERACTION_CREATE", interaction);
    return discord.awaitCallback(id, Duration.ofSeconds(3)).receivedNanos() - sent;
  }

  /** The live heap after a full GC, from a class histogram (which forces one); kept on disk. */
  private long heapAfterFullGc(long pid, boolean keep) throws Exception {
    if (keep && System.getenv("BENCH_HEAP_DUMP") != null) {
      // Live objects only, for a look at who holds what (the histogram says only what); first,
      // so that both see the same moment of the fan-out.
      Path dump = setup.directory().resolve("heap-" + run + ".hprof");
      new ProcessBuilder(java("jcmd"), Long.toString(pid), "GC.heap_dump", dump.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
      System.err.println("  heap dump" + suffix + ": " + dump);
    }
    Process jcmd =
        new ProcessBuilder(java("jcmd"), Long.toString(pid), "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    String histogram = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    if (keep) {
      Path file = setup.directory().resolve("histogram-" + run + ".txt");
      Files.writeString(file, histogram);
      System.err.println("  class histogram" + suffix + ": " + file);
    }
    for (String line : histogram.split("\n", -1)) {
      Matcher total = TOTAL.matcher(line.strip());
      if (total.find()) {
        return Long.parseLong(total.group(2));
      }
    }
    // A bot thrashing at the edge of its heap may not even answer jcmd.
    System.err.println("  no class histogram" + suffix + ": " + histogram.strip());
    return -1;
  }

  /**
   * NMT's committed memory by category, largest first ("; NMT committed 150 MB: Java Heap 64, Class
   * 20, ..."), the summary itself kept on disk.
   */
  private String nativeMemory(long pid) throws Exception {
    Process jcmd =
        new ProcessBuilder(java("jcmd"), Long.toString(pid), "VM.native_memory", "summary")
            .redirectErrorStream(true)
            .start();
    String summary = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    Files.writeString(setup.directory().resolve("nmt-" + run + ".txt"), summary);
    long total = -1;
    Map<String, Long> committed = new HashMap<>();
    for (String line : summary.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("Total: ")) {
        Matcher kb = Pattern.compile("committed=(\\d+)KB").matcher(trimmed);
        total = kb.find() ? Long.parseLong(kb.group(1)) : -1;
      }
      Matcher category = NMT_LINE.matcher(trimmed);
      if (category.find()) {
        committed.put(category.group(1).strip(), Long.parseLong(category.group(3)));
      }
    }
    String parts =
        committed.entrySet().stream()
            .filter(e -> e.getValue() >= 512)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / 1024.0))
            .reduce((a, b) -> a + ", " + b)
            .orElse("");
    System.err.println("  native memory" + suffix + ": " + parts);
    return String.format(Locale.ROOT, "; NMT committed %d MB: %s", total / 1024, parts);
  }

  /** The process's threads counted by name, digits folded ("JDA Gateway-Worker 3" and "... 4"). */
  private static String threadNames(long pid) throws IOException {
    Map<String, Integer> names = new java.util.TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String name = Files.readString(task.resolve("comm")).strip().replaceAll("\\d+", "#");
          names.merge(name, 1, Integer::sum);
        } catch (IOException ended) {
          // The thread ended while it was being counted.
        }
      }
    }
    return names.toString();
  }

  private void gcPauses(Figures figures, Path gcLog) throws IOException {
    int count = 0;
    double total = 0;
    double max = 0;
    for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
      Matcher pause = PAUSE.matcher(line);
      if (pause.find()) {
        double ms = Double.parseDouble(pause.group(1));
        count++;
        total += ms;
        max = Math.max(max, ms);
      }
    }
    figures.context(
        FootprintSection.SECTION,
        "longest GC pause" + suffix,
        max,
        "ms",
        String.format(
            Locale.ROOT,
            "-Xlog:gc: %d pauses, %.1f ms in all (the histogram's full GC included)",
            count,
            total));
  }

  private static String java(String tool) {
    return Path.of(System.getProperty("java.home"), "bin", tool).toString();
  }

  private static long statusKb(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }
}
