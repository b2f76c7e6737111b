package org.watch287g.faults;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The packaged jar running {@code run --config FILE} as a child process, as an operator runs it:
 * started, killed with SIGKILL ({@link Process#destroyForcibly}), restarted on the same database,
 * stopped with SIGTERM. Every run appends to one log file.
 */
final class Bot implements AutoCloseable {
  static final Path JAR = Path.of("target", "watch287g.jar");

  private final Path config;
  private final Path log;
  private final Map<String, String> env;
  private @Nullable Process process;
  private int starts;

  Bot(Path dir, String configJson, Map<String, String> env) throws IOException {
    this.config = dir.resolve("config.yml");
    this.log = dir.resolve("bot.log");
    this.env = env;
    Files.writeString(config, configJson, StandardCharsets.UTF_8);
  }

  static String java() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
  }

  /** Runs another command of the jar to its end (e.g. {@code import}, {@code backup}). */
  static Result command(Path dir, String... args) throws IOException, InterruptedException {
    return command(dir, List.of(), args);
  }

  /** Runs another command of the jar to its end, with these options for the JVM. */
  static Result command(Path dir, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(java()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "cmd", ".out");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("still running after 120 s: " + command);
    }
    return new Result(p.exitValue(), Files.readString(out));
  }

  record Result(int status, String output) {}

  Bot start() throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-jar", JAR.toString()));
    command.addAll(List.of("run", "--config", config.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_"));
    builder.environment().putAll(env);
    Files.writeString(
        log,
        "\n===== start " + ++starts + " =====\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    process = builder.start();
    return this;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or finished. */
  void kill9() throws InterruptedException {
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("the bot outlived SIGKILL");
      }
    }
  }

  /** SIGTERM, as systemd and Docker stop it; returns the exit status. */
  int stop() throws InterruptedException {
    Process p = process;
    if (p == null) {
      return 0;
    }
    p.destroy();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
      throw new AssertionError("the bot did not stop within 60 s of SIGTERM\n" + tail());
    }
    return p.exitValue();
  }

  /** Waits for the bot to end by itself; its exit status, or -1 if it still runs after that. */
  int awaitExit(Duration within) throws InterruptedException {
    Process p = process;
    if (p == null) {
      return 0;
    }
    return p.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? p.exitValue() : -1;
  }

  /** The log since the last start. */
  String lastRun() {
    String all = log();
    int at = all.lastIndexOf("===== start " + starts + " =====");
    return at < 0 ? all : all.substring(at);
  }

  /** The process ID of the last start (the delivery workers name their leases after it). */
  long pid() {
    Process p = process;
    if (p == null) {
      throw new IllegalStateException("not started");
    }
    return p.pid();
  }

  boolean alive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** The last lines of the log but the polls that found nothing new, for failure messages. */
  String tail() {
    List<String> lines = log().lines().filter(l -> !l.contains(" unchanged ")).toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  @Override
  public void close() {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroyForcibly();
      try {
        p.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
