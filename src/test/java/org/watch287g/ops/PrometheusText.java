package org.watch287g.ops;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A strict reader of Prometheus's text exposition format 0.0.4, for tests: it throws {@link
 * IllegalArgumentException} naming the line for anything a scraper would refuse, and for the naming
 * conventions the bot promises besides (every family typed before its samples and helped, {@code
 * _total} on counters only and on every counter, each series once).
 *
 * <p>No parser of the format resolves offline here (client_java 1.x writes it but does not read
 * it), hence this one. Grammar:
 * https://prometheus.io/docs/instrumenting/exposition_formats/#text-format-details
 */
final class PrometheusText {
  static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
  private static final Pattern VALUE =
      Pattern.compile("[+-]?(Inf|NaN|(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)");
  private static final Pattern TIMESTAMP = Pattern.compile("-?\\d+");

  /** One sample line. */
  record Sample(String name, Map<String, String> labels, double value) {}

  /** One metric family: its TYPE, its HELP and its samples. */
  record Family(String name, String type, String help, List<Sample> samples) {}

  private PrometheusText() {}

  /** Every family by name, in the order they appear. */
  static Map<String, Family> parse(String text) {
    if (!text.isEmpty() && !text.endsWith("\n")) {
      throw new IllegalArgumentException("the exposition must end with a line feed");
    }
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, String> helps = new LinkedHashMap<>();
    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    Set<String> closed = new HashSet<>();
    Set<String> series = new HashSet<>();
    String current = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length - 1; i++) {
      String line = lines[i];
      String where = "line " + (i + 1) + " (" + line + "): ";
      if (line.isBlank()) {
        throw new IllegalArgumentException(where + "blank line");
      }
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        String[] parts = line.substring(7).split(" ", 2);
        String name = parts[0];
        String rest = parts.length > 1 ? parts[1] : "";
        requireName(where, name);
        if (closed.contains(name) || samples.containsKey(name)) {
          throw new IllegalArgumentException(where + "HELP or TYPE after the family's samples");
        }
        if (line.startsWith("# HELP ")) {
          if (rest.isBlank()) {
            throw new IllegalArgumentException(where + "empty HELP");
          }
          if (helps.put(name, unescapeHelp(where, rest)) != null) {
            throw new IllegalArgumentException(where + "second HELP for " + name);
          }
        } else {
          if (!TYPES.contains(rest)) {
            throw new IllegalArgumentException(where + "unknown type " + rest);
          }
          if (types.put(name, rest) != null) {
            throw new IllegalArgumentException(where + "second TYPE for " + name);
          }
        }
        continue;
      }
      if (line.startsWith("#")) {
        continue; // a plain comment
      }
      Sample sample = sample(where, line);
      String family = familyOf(sample.name(), types);
      if (family == null) {
        throw new IllegalArgumentException(where + "sample without a TYPE line before it");
      }
      if (!family.equals(current)) {
        if (current != null) {
          closed.add(current);
        }
        if (closed.contains(family)) {
          throw new IllegalArgumentException(where + "samples of " + family + " not together");
        }
        current = family;
      }
      if (!series.add(sample.name() + new TreeMap<>(sample.labels()))) {
        throw new IllegalArgumentException(where + "the same series twice");
      }
      samples.computeIfAbsent(family, f -> new ArrayList<>()).add(sample);
    }
    Map<String, Family> families = new LinkedHashMap<>();
    types.forEach(
        (name, type) -> {
          String help = helps.get(name);
          if (help == null) {
            throw new IllegalArgumentException(name + " has a TYPE but no HELP");
          }
          boolean total = name.endsWith("_total");
          if (type.equals("counter") != total) {
            throw new IllegalArgumentException(
                name + " is a " + type + ": only counters, and every counter, end in _total");
          }
          List<Sample> of = samples.getOrDefault(name, List.of());
          if (type.equals("counter") && of.stream().anyMatch(s -> !(s.value() >= 0))) {
            throw new IllegalArgumentException(name + " is a counter with a negative value");
          }
          families.put(name, new Family(name, type, help, List.copyOf(of)));
        });
    for (String name : helps.keySet()) {
      if (!types.containsKey(name)) {
        throw new IllegalArgumentException(name + " has a HELP but no TYPE");
      }
    }
    return families;
  }

  /** The family a sample belongs to: its own name, or the name without a summary's suffix. */
  private static @Nullable String familyOf(String sample, Map<String, String> types) {
    if (types.containsKey(sample)) {
      return sample;
    }
    for (String suffix : List.of("_sum", "_count", "_bucket")) {
      if (sample.endsWith(suffix)) {
        String base = sample.substring(0, sample.length() - suffix.length());
        String type = types.get(base);
        if (("summary".equals(type) && !suffix.equals("_bucket")) || "histogram".equals(type)) {
          return base;
        }
      }
    }
    return null;
  }

  private static Sample sample(String where, String line) {
    Matcher name = METRIC_NAME.matcher(line);
    if (!name.lookingAt()) {
      throw new IllegalArgumentException(where + "bad metric name");
    }
    int at = name.end();
    Map<String, String> labels = new LinkedHashMap<>();
    if (at < line.length() && line.charAt(at) == '{') {
      at = labels(where, line, at + 1, labels);
    }
    if (at >= line.length() || line.charAt(at) != ' ') {
      throw new IllegalArgumentException(where + "no space before the value");
    }
    String[] rest = line.substring(at + 1).split(" ", -1);
    if (rest.length > 2 || !VALUE.matcher(rest[0]).matches()) {
      throw new IllegalArgumentException(where + "bad value");
    }
    if (rest.length == 2 && !TIMESTAMP.matcher(rest[1]).matches()) {
      throw new IllegalArgumentException(where + "bad timestamp");
    }
    String v = rest[0].replace("Inf", "Infinity");
    return new Sample(name.group(), labels, Double.parseDouble(v));
  }

  /** Reads {@code name="value",...}} from {@code at}; returns the index after the brace. */
  private static int labels(String where, String line, int at, Map<String, String> labels) {
    while (true) {
      if (at < line.length() && line.charAt(at) == '}') {
        return at + 1;
      }
      Matcher name = LABEL_NAME.matcher(line).region(at, line.length());
      if (!name.lookingAt() || name.group().startsWith("__")) {
        throw new IllegalArgumentException(where + "bad label name at " + at);
      }
      at = name.end();
      if (!line.startsWith("=\"", at)) {
        throw new IllegalArgumentException(where + "label without =\"");
      }
      at += 2;
      StringBuilder value = new StringBuilder();
      while (true) {
        if (at >= line.length()) {
          throw new IllegalArgumentException(where + "unterminated label value");
        }
        char c = line.charAt(at++);
        if (c == '"') {
          break;
        }
        if (c == '\\') {
          char e = at < line.length() ? line.charAt(at++) : ' ';
          switch (e) {
            case '\\' -> value.append('\\');
            case '"' -> value.append('"');
            case 'n' -> value.append('\n');
            default -> throw new IllegalArgumentException(where + "bad escape \\" + e);
          }
        } else {
          value.append(c);
        }
      }
      if (labels.put(name.group(), value.toString()) != null) {
        throw new IllegalArgumentException(where + "label " + name.group() + " twice");
      }
      if (at < line.length() && line.charAt(at) == ',') {
        at++;
      } else if (at >= line.length() || line.charAt(at) != '}') {
        throw new IllegalArgumentException(where + "expected , or } after a label");
      }
    }
  }

  private static String unescapeHelp(String where, String help) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < help.length(); i++) {
      char c = help.charAt(i);
      if (c == '\\') {
        char e = i + 1 < help.length() ? help.charAt(++i) : ' ';
        if (e == '\\') {
          out.append('\\');
        } else if (e == 'n') {
          out.append('\n');
        } else {
          throw new IllegalArgumentException(where + "bad escape in HELP \\" + e);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void requireName(String where, String name) {
    if (!METRIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(where + "bad metric name " + name);
    }
  }
}
