package org.watch287g.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.dataset.Agreement;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.watch.BundledSnapshots;

/**
 * The resolver against the hand-checked label sets, never regenerated from it: {@code
 * labels/agency-counties.csv}, written before the resolver, and {@code agency-counties-2.csv},
 * written before the resolver learnt townships (issue 15) and scored on its own. Each agency is
 * resolved from its newest row in the bundled ICE files, as the bot would see it.
 */
class AgencyResolverAccuracyTest {
  record Label(String state, String agency, String expected, String level, String category) {}

  record Outcome(Label label, String predicted, String note) {
    boolean hit() {
      return predicted.equals(label.expected());
    }
  }

  static final List<Outcome> OUTCOMES = new ArrayList<>();
  static final List<Outcome> SECOND_SET = new ArrayList<>();

  @BeforeAll
  static void resolveEveryLabel() throws Exception {
    Map<String, Agreement> newest = new HashMap<>();
    SpreadsheetParser parser = new SpreadsheetParser();
    for (String file : BundledSnapshots.ALL) {
      for (Agreement a : parser.parse(BundledSnapshots.read(file), file).agreements()) {
        newest.put(a.state().code() + "|" + a.agency(), a);
      }
    }
    AgencyResolver resolver = AgencyResolver.bundled();
    for (String file : List.of("agency-counties.csv", "agency-counties-2.csv")) {
      List<Outcome> outcomes = file.endsWith("-2.csv") ? SECOND_SET : OUTCOMES;
      for (Label label : labels(file)) {
        // The parser collapses runs of spaces that the label keeps as ICE wrote them.
        Agreement row = newest.get(label.state() + "|" + label.agency().replaceAll("\\s+", " "));
        if (row == null) {
          throw new IllegalStateException("label without an ICE row: " + label);
        }
        Coverage coverage = resolver.resolve(row);
        outcomes.add(new Outcome(label, coverage.predictedFips(), coverage.note()));
      }
    }
  }

  static List<Label> labels(String file) throws Exception {
    List<Label> labels = new ArrayList<>();
    try (InputStream in = AgencyResolverAccuracyTest.class.getResourceAsStream("/labels/" + file);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        List<String> f = csv(line);
        labels.add(new Label(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4)));
      }
    }
    return labels;
  }

  /** One CSV record (the label file has no line breaks inside fields). */
  static List<String> csv(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  static String report(Map<String, int[]> byKey) {
    StringBuilder s = new StringBuilder();
    byKey.forEach(
        (k, v) ->
            s.append(
                String.format("%-18s %3d/%3d  %5.1f%%%n", k, v[0], v[1], 100.0 * v[0] / v[1])));
    return s.toString();
  }

  @Test
  @DisplayName("at least 97% of the hand-checked agencies get exactly the right county set")
  void exactMatchAccuracy() {
    String summary = summary(OUTCOMES);
    System.out.println(summary);
    assertTrue(OUTCOMES.size() >= 150, "the label set has at least 150 agencies");
    assertTrue(accuracy(OUTCOMES) >= 0.97, summary);
  }

  @Test
  @DisplayName(
      "at least 98.5% of the second label set (townships, towns, campuses, regional bodies) get"
          + " exactly the right county set")
  void secondSetExactMatchAccuracy() {
    String summary = summary(SECOND_SET);
    System.out.println(summary);
    assertTrue(SECOND_SET.size() >= 100, "the second label set has at least 100 agencies");
    assertTrue(accuracy(SECOND_SET) >= 0.985, summary);
  }

  static double accuracy(List<Outcome> outcomes) {
    return (double) outcomes.stream().filter(Outcome::hit).count() / outcomes.size();
  }

  static String summary(List<Outcome> outcomes) {
    Map<String, int[]> byLevel = new TreeMap<>();
    Map<String, int[]> byCategory = new TreeMap<>();
    StringBuilder misses = new StringBuilder();
    for (Outcome o : outcomes) {
      for (Map<String, int[]> m : List.of(byLevel, byCategory)) {
        String key = m == byLevel ? o.label().level() : o.label().category();
        int[] tally = m.computeIfAbsent(key, k -> new int[2]);
        tally[0] += o.hit() ? 1 : 0;
        tally[1]++;
      }
      if (!o.hit()) {
        misses.append(
            String.format(
                "  %s %s: expected %s, got %s (%s)%n",
                o.label().state(),
                o.label().agency(),
                o.label().expected(),
                o.predicted(),
                o.note()));
      }
    }
    long hits = outcomes.stream().filter(Outcome::hit).count();
    return String.format(
        "exact match %d/%d = %.1f%%%nby level:%n%sby category:%n%smisses:%n%s",
        hits,
        outcomes.size(),
        100.0 * hits / outcomes.size(),
        report(byLevel),
        report(byCategory),
        misses);
  }

  @Test
  @DisplayName("every county sheriff gets exactly its county")
  void everySheriffIsRight() {
    List<Outcome> sheriffs =
        OUTCOMES.stream().filter(o -> o.label().category().equals("sheriff")).toList();
    assertTrue(sheriffs.size() >= 30);
    assertEquals(
        List.of(), sheriffs.stream().filter(o -> !o.hit()).map(Outcome::toString).toList());
  }

  @Test
  @DisplayName("ICE's misspelt Indiatlantic still reaches Brevard County, not the whole state")
  void misspeltPlaceResolvesToItsCounty() {
    Outcome indiatlantic =
        OUTCOMES.stream()
            .filter(o -> o.label().agency().startsWith("Indiatlantic"))
            .findFirst()
            .orElseThrow();
    assertEquals("12009", indiatlantic.predicted());
  }
}
