package org.watch287g.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.watch.BundledSnapshots;
import org.watch287g.watch.IngestMeasurement;

/** Issue 8, benchmark 1: ingest of the real pair, a 100,000-row workbook, and POI beside us. */
final class IngestSection {
  private static final String SECTION = "ingest";
  private static final int SYNTHETIC_ROWS = 100_000;

  private IngestSection() {}

  static void run(Figures figures, boolean quick) throws Exception {
    realPair(figures, quick ? 8 : 25);
    synthetic(figures);
    poiSideBySide(figures, quick ? 10 : 30);
  }

  private static void realPair(Figures figures, int warmRuns) throws Exception {
    int warmUp = 5;
    long[] warm = new long[warmRuns];
    long[] parse = new long[warmRuns];
    long[] judge = new long[warmRuns];
    long[] commit = new long[warmRuns];
    IngestMeasurement.Result first;
    try (IngestMeasurement ingest = new IngestMeasurement(1_000)) {
      first = ingest.once();
      for (int i = 1; i < warmUp; i++) {
        ingest.once();
      }
      for (int i = 0; i < warmRuns; i++) {
        IngestMeasurement.Result result = ingest.once();
        warm[i] = result.nanos();
        parse[i] = result.parseNanos();
        judge[i] = result.judgeNanos();
        commit[i] = result.commitNanos();
      }
    }
    Timings timings = Timings.of(warm);
    String how =
        String.format(
            "parse 2026-05-18 + Ingest.keep (guard, diff, match vs 1,000 follows, SQLite"
                + " commit) after 2026-01-23; %d events, %d alerts queued; %d warm runs after %d",
            first.events(), first.alertsQueued(), warmRuns, warmUp);
    figures.context(SECTION, "real pair, cold (first run)", first.nanos() / 1e6, "ms", how);
    figures.add(
        SECTION,
        "real pair, warm median",
        timings.percentileMs(0.5),
        "ms",
        "< 150 ms",
        timings.percentileMs(0.5) < 150,
        how);
    figures.add(
        SECTION,
        "real pair, warm p90",
        timings.percentileMs(0.9),
        "ms",
        "< 150 ms",
        timings.percentileMs(0.9) < 150,
        "same runs; range "
            + Figures.format(timings.minMs())
            + "-"
            + Figures.format(timings.maxMs())
            + " ms");
    String parts = "median of the same number of runs, each step timed apart on a twin database";
    figures.context(SECTION, "  of which parse", Timings.of(parse).percentileMs(0.5), "ms", parts);
    figures.context(
        SECTION,
        "  of which guard + diff + match",
        Timings.of(judge).percentileMs(0.5),
        "ms",
        parts);
    figures.context(
        SECTION, "  of which SQLite commit", Timings.of(commit).percentileMs(0.5), "ms", parts);
  }

  private static void synthetic(Figures figures) throws Exception {
    Path file = Files.createTempFile("bench-100k", ".xlsx");
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        Workbooks.writeSynthetic(
            BundledSnapshots.read("2026-05-18-participating.xlsx"), SYNTHETIC_ROWS, out);
      }
      // A child JVM, so that the 256 MB cap and the peak are the parse's alone.
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx256m");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(Workbooks.class.getName());
      command.add(file.toString());
      Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output;
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        output = String.join("\n", reader.lines().toList());
      }
      int exit = child.waitFor();
      Matcher result =
          Pattern.compile("rows=(\\d+) millis=(\\d+) peakHeapBytes=(\\d+)").matcher(output);
      if (exit != 0 || !result.find()) {
        throw new IllegalStateException("the 100k parse failed (exit " + exit + "): " + output);
      }
      long rows = Long.parseLong(result.group(1));
      long millis = Long.parseLong(result.group(2));
      double peakMb = Long.parseLong(result.group(3)) / (1024.0 * 1024.0);
      String how =
          String.format(
              "%,d-row workbook (%.1f MB, 2026-05-18 header, fastexcel writer), parsed by"
                  + " SpreadsheetParser in a child JVM at -Xmx256m (cold JVM); %,d agreements",
              SYNTHETIC_ROWS, Files.size(file) / (1024.0 * 1024.0), rows);
      figures.add(
          SECTION, "100k rows, parse time", (double) millis, "ms", "< 3000 ms", millis < 3000, how);
      figures.add(
          SECTION,
          "100k rows, peak heap",
          peakMb,
          "MB",
          "< 256 MB",
          peakMb < 256,
          "sum of heap pools' peak usage (MemoryPoolMXBean), file bytes included");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void poiSideBySide(Figures figures, int runs) throws Exception {
    byte[] real = BundledSnapshots.read("2026-05-18-participating.xlsx");
    SpreadsheetParser parser = new SpreadsheetParser();
    int warmUp = 5;
    long[] ours = new long[runs];
    long[] poi = new long[runs];
    // Interleaved, so that a neighbour's build slows both alike.
    for (int i = -warmUp; i < runs; i++) {
      long start = System.nanoTime();
      int parsed = parser.parse(real, "real.xlsx").agreements().size();
      long middle = System.nanoTime();
      int read = Workbooks.parseWithPoi(real);
      long end = System.nanoTime();
      if (parsed < 1_800 || read < 1_800) {
        throw new IllegalStateException("parsed " + parsed + " / " + read + " rows");
      }
      if (i >= 0) {
        ours[i] = middle - start;
        poi[i] = end - middle;
      }
    }
    double oursMs = Timings.of(ours).percentileMs(0.5);
    double poiMs = Timings.of(poi).percentileMs(0.5);
    String how = "real 1,843-row 2026-05-18 file, median of " + runs + " warm runs";
    figures.context(SECTION, "real file, our parser (fastexcel streaming)", oursMs, "ms", how);
    figures.context(SECTION, "real file, Apache POI XSSFWorkbook (same columns)", poiMs, "ms", how);
    figures.context(
        SECTION,
        "POI time / our time",
        poiMs / oursMs,
        "x",
        "POI 5.5.1 usermodel, DataFormatter text + date + hyperlink per cell");
  }
}
