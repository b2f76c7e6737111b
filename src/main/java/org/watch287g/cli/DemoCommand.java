package org.watch287g.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.watch287g.Wiring;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.DeliveryWorker;
import org.watch287g.alerts.Target;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.source.UnreadablePublicationException;
import org.watch287g.watch.BundledSnapshots;
import org.watch287g.watch.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code demo}: ICE's history, replayed through the real pipeline, in seconds. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Replay the ICE publications bundled in the jar (December 2024 to May 2026) in date order"
          + " into a temporary database, with three sample console channels following Louisiana,"
          + " Lee County FL and Harris County TX, and print the alerts each publication would have"
          + " sent them. The first publication is the baseline. Touches no other database, and"
          + " deletes the temporary one when it ends (Ctrl-C included)."
    })
public final class DemoCommand implements Callable<Integer> {
  private static final int BAR = 20;

  @Spec CommandSpec spec = CommandSpec.create();

  /** Where the temporary database's folder is made; null for Java's temporary folder. */
  @Nullable Path tempRoot;

  @Override
  public Integer call() throws IOException, UnreadablePublicationException {
    Path dir =
        tempRoot == null
            ? Files.createTempDirectory("watch287g-demo")
            : Files.createTempDirectory(tempRoot, "watch287g-demo");
    // Ctrl-C ends the JVM without reaching the finally below: the hook deletes the folder then.
    Thread cleanup = new Thread(() -> deleteQuietly(dir), "demo-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      return replay(dir);
    } finally {
      deleteQuietly(dir);
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook runs (and finds nothing left to delete)
      }
    }
  }

  private int replay(Path dir) throws IOException, UnreadablePublicationException {
    PrintWriter out = spec.commandLine().getOut();
    Config config = new ConfigLoader(Map.of()).load(null).withDatabase(dir.resolve("demo.db"));
    try (Wiring wiring = new Wiring(config, Clock.systemUTC())) {
      follow(wiring);
      Map<String, Map<String, byte[]>> byDate = byDate();
      int done = 0;
      for (Map.Entry<String, Map<String, byte[]>> date : byDate.entrySet()) {
        Replay.Result result = wiring.replay().publish(date.getValue());
        done++;
        out.printf(
            "%s %s: %s%n",
            bar(done, byDate.size()),
            date.getKey(),
            done == 1 ? "the baseline, no alerts" : describe(result));
        out.flush();
        DeliveryWorker worker = wiring.consoleWorker();
        while (!worker.deliverDue().idle()) {
          // deliver everything this publication queued before the next one
        }
      }
      out.println(
          "Replayed "
              + byDate.size()
              + " publications in a temporary database, deleted on exit: "
              + dir);
    }
    out.flush();
    return 0;
  }

  /** Deletes the folder and what is in it (the database and its -wal, -shm), as far as it can. */
  static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      System.err.println("demo: could not delete " + dir + ": " + e.getMessage());
    }
  }

  private static void follow(Wiring wiring) {
    java.time.Instant now = java.time.Instant.now();
    wiring
        .subscriptions()
        .follow(new ChannelRef("console", "demo", "louisiana"), new Target("ST:LA"), now, "demo");
    wiring
        .subscriptions()
        .follow(
            new ChannelRef("console", "demo", "lee-county-fl"),
            Target.county("12071"),
            now,
            "demo");
    wiring
        .subscriptions()
        .follow(
            new ChannelRef("console", "demo", "harris-county-tx"),
            Target.county("48201"),
            now,
            "demo");
  }

  /** The bundled files grouped by the date in their names, oldest first. */
  private static Map<String, Map<String, byte[]>> byDate() {
    Map<String, Map<String, byte[]>> byDate = new TreeMap<>();
    for (String name : BundledSnapshots.ALL) {
      byDate
          .computeIfAbsent(name.substring(0, 10), d -> new LinkedHashMap<>())
          .put(name, BundledSnapshots.read(name));
    }
    return byDate;
  }

  private static String describe(Replay.Result result) {
    String text =
        result.changes() + " changes, " + result.alerts() + " alerts to the sample channels";
    List<String> quarantined = result.quarantined();
    return quarantined.isEmpty() ? text : text + "; quarantined: " + String.join("; ", quarantined);
  }

  private static String bar(int done, int total) {
    int filled = done * BAR / total;
    return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
  }
}
