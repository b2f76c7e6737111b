package org.watch287g.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Issue 8's benchmarks, run by {@code ./bench [--json] [--quick] [SECTION...]}: every figure with
 * its target, as a table (or one JSON object). A main, never a test: timings depend on the machine
 * and are reported, not asserted.
 */
public final class Bench {
  static final List<String> SECTIONS =
      List.of(
          "ingest",
          "fanout",
          "instances",
          "commands",
          "footprint",
          "maps",
          "pages",
          "shards",
          "workspaces");

  private Bench() {}

  public static void main(String[] args) throws Exception {
    boolean json = false;
    boolean quick = false;
    Set<String> sections = new LinkedHashSet<>();
    for (String arg : args) {
      switch (arg) {
        case "--json" -> json = true;
        case "--quick" -> quick = true;
        case "-h", "--help" -> {
          System.out.println(
              "usage: bench [--json] [--quick] [" + String.join("|", SECTIONS) + "]...");
          return;
        }
        default -> {
          if (!SECTIONS.contains(arg)) {
            System.err.println("bench: unknown section " + arg + "; sections: " + SECTIONS);
            System.exit(2);
          }
          sections.add(arg);
        }
      }
    }
    if (sections.isEmpty()) {
      sections.addAll(SECTIONS);
    }
    // The fakes run on the JDK's HTTP server; without TCP_NODELAY each answer waits ~40 ms for a
    // delayed ACK (Nagle), which would measure the fake rather than the bot. Read once per JVM.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // POI logs through Log4j's API, which finds no provider on this classpath and says so.
    System.setProperty(
        "log4j2.loggerContextFactory",
        "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    Figures figures = new Figures();
    List<String> failures = new ArrayList<>();
    for (String section : sections) {
      System.err.println("bench: " + section + (quick ? " (quick)" : ""));
      try {
        switch (section) {
          case "ingest" -> IngestSection.run(figures, quick);
          case "fanout" -> FanoutSection.run(figures, quick);
          case "instances" -> InstancesSection.run(figures, quick);
          case "commands" -> CommandsSection.run(figures, quick);
          case "footprint" -> FootprintSection.run(figures, quick);
          case "pages" -> PagesSection.run(figures, quick);
          case "maps" -> MapsSection.run(figures, quick);
          case "shards" -> ShardsSection.run(figures, quick);
          case "workspaces" -> WorkspacesSection.run(figures, quick);
          default -> throw new IllegalStateException("no section " + section);
        }
      } catch (Exception | Error e) {
        // One broken section must not hide the others' figures.
        failures.add(section + ": " + e);
        e.printStackTrace();
      }
    }
    if (json) {
      System.out.println(figures.json(machineJson(failures)));
    } else {
      System.out.println(machine());
      System.out.println();
      System.out.print(figures.table());
      failures.forEach(failure -> System.out.println("FAILED " + failure));
    }
    System.exit(failures.isEmpty() ? 0 : 1);
  }

  static String machine() {
    return String.format(
            Locale.ROOT,
            "machine: %d cores, %s %s (%s), %s %s",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name"),
            System.getProperty("java.runtime.version"),
            System.getProperty("java.vm.vendor"),
            System.getProperty("os.name"),
            System.getProperty("os.arch"))
        + cpuModel();
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return ", " + line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      // Not Linux: the model is only a nicety.
    }
    return "";
  }

  private static String machineJson(List<String> failures) {
    StringBuilder out =
        new StringBuilder("{\"cores\":")
            .append(Runtime.getRuntime().availableProcessors())
            .append(",\"java\":")
            .append(Figures.quote(System.getProperty("java.runtime.version")))
            .append(",\"description\":")
            .append(Figures.quote(machine()))
            .append(",\"failedSections\":[");
    for (int i = 0; i < failures.size(); i++) {
      out.append(i == 0 ? "" : ",").append(Figures.quote(failures.get(i)));
    }
    return out.append("]}").toString();
  }
}
