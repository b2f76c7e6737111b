package org.watch287g.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A measurement, not a test (no assertion, not run by the build): how long the bundled gazetteer
 * takes to load cold and how much heap it keeps, how long {@link CountyQuery} takes to index it,
 * how long {@link CountyQuery#complete} takes on every 1-4 letter prefix of every county name, and
 * how long {@link CountyQuery#parse} takes on every county's label, spelt right and misspelt. Run
 * it in a fresh JVM, after {@code mvn test-compile}:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$HOME/.m2/repository/org/jspecify/jspecify/1.0.0/jspecify-1.0.0.jar \
 *     org.watch287g.geo.CountyQueryTimings
 * </pre>
 */
final class CountyQueryTimings {
  private static final int ROUNDS = 5;

  private CountyQueryTimings() {}

  public static void main(String[] args) {
    long before = usedHeapAfterGc();
    long start = System.nanoTime();
    Gazetteer gazetteer = Gazetteer.bundled();
    long loaded = System.nanoTime();
    long withGazetteer = usedHeapAfterGc();
    CountyQuery query = new CountyQuery(gazetteer);
    long indexed = System.nanoTime();
    long withQuery = usedHeapAfterGc();
    System.out.printf(
        "Gazetteer.bundled(), cold: %.0f ms, retains %.1f MB%n",
        (loaded - start) / 1e6, (withGazetteer - before) / 1e6);
    System.out.printf(
        "new CountyQuery(gazetteer), cold: %.0f ms, retains %.1f MB more%n",
        (indexed - loaded) / 1e6, (withQuery - withGazetteer) / 1e6);

    List<String> prefixes = prefixes(gazetteer);
    List<String> labels = gazetteer.allCounties().stream().map(County::label).toList();
    List<String> misspelt = labels.stream().map(CountyQueryTimings::swapTwoLetters).toList();
    for (int round = 1; round <= ROUNDS; round++) {
      report("complete(prefix, 25)", round, time(prefixes, p -> query.complete(p, 25)));
      report("parse(label)", round, time(labels, query::parse));
      report("parse(misspelt label)", round, time(misspelt, query::parse));
    }
  }

  private static long[] time(List<String> inputs, Consumer<String> call) {
    long[] nanos = new long[inputs.size()];
    for (int i = 0; i < nanos.length; i++) {
      long t = System.nanoTime();
      call.accept(inputs.get(i));
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static void report(String what, int round, long[] nanos) {
    System.out.printf(
        "%s, round %d over %d inputs: median %.1f µs, p99 %.1f µs, max %.1f µs%n",
        what,
        round,
        nanos.length,
        nanos[nanos.length / 2] / 1e3,
        nanos[nanos.length * 99 / 100] / 1e3,
        nanos[nanos.length - 1] / 1e3);
  }

  /** "Harris County, TX" -> "Hraris County, TX": a typo in the name. */
  private static String swapTwoLetters(String label) {
    return label.length() < 4
        ? label
        : label.charAt(0) + "" + label.charAt(2) + label.charAt(1) + label.substring(3);
  }

  /** Every 1-4 letter start of every county's name, as typed: "h", "ha", "har", "harr". */
  private static List<String> prefixes(Gazetteer gazetteer) {
    Set<String> prefixes = new LinkedHashSet<>();
    for (County c : gazetteer.allCounties()) {
      String name = c.shortName().toLowerCase(Locale.ROOT);
      for (int n = 1; n <= Math.min(4, name.length()); n++) {
        prefixes.add(name.substring(0, n));
      }
    }
    return new ArrayList<>(prefixes);
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
