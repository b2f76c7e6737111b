package org.watch287g.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures one {@code bench} run measured, each with its target, printed as a table or JSON. */
public final class Figures {
  /**
   * One measured figure.
   *
   * @param section the bench section that measured it
   * @param name what was measured
   * @param value the measurement
   * @param unit its unit
   * @param target the goal, in words ("< 150 ms"), or "" when the figure is context only
   * @param met whether the target is met; null for context figures
   * @param how how it was measured, briefly
   */
  public record Figure(
      String section,
      String name,
      double value,
      String unit,
      String target,
      Boolean met,
      String how) {}

  private final List<Figure> figures = new ArrayList<>();

  /** A figure with a target; {@code met} says whether it was reached. */
  public void add(
      String section,
      String name,
      double value,
      String unit,
      String target,
      boolean met,
      String how) {
    figures.add(new Figure(section, name, value, unit, target, met, how));
    System.err.printf(Locale.ROOT, "  [%s] %s: %s %s%n", section, name, format(value), unit);
  }

  /** A figure that gives context (a baseline, a breakdown) and has no target of its own. */
  public void context(String section, String name, double value, String unit, String how) {
    figures.add(new Figure(section, name, value, unit, "", null, how));
    System.err.printf(Locale.ROOT, "  [%s] %s: %s %s%n", section, name, format(value), unit);
  }

  public List<Figure> all() {
    return List.copyOf(figures);
  }

  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) value);
    }
    return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : "%.2f", value);
  }

  /** The figures as an aligned text table. */
  public String table() {
    String[] headers = {"section", "figure", "measured", "target", "met", "how"};
    List<String[]> rows = new ArrayList<>();
    for (Figure f : figures) {
      rows.add(
          new String[] {
            f.section(),
            f.name(),
            format(f.value()) + " " + f.unit(),
            f.target(),
            f.met() == null ? "" : f.met() ? "yes" : "NO",
            f.how()
          });
    }
    int[] widths = new int[headers.length];
    for (int column = 0; column < headers.length; column++) {
      widths[column] = headers[column].length();
      for (String[] row : rows) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    StringBuilder out = new StringBuilder();
    appendRow(out, headers, widths);
    String[] rule = new String[headers.length];
    for (int column = 0; column < headers.length; column++) {
      rule[column] = "-".repeat(widths[column]);
    }
    appendRow(out, rule, widths);
    rows.forEach(row -> appendRow(out, row, widths));
    return out.toString();
  }

  private static void appendRow(StringBuilder out, String[] cells, int[] widths) {
    for (int column = 0; column < cells.length; column++) {
      // The last column is free text and is not padded.
      out.append(
          column == cells.length - 1
              ? cells[column]
              : String.format(Locale.ROOT, "%-" + widths[column] + "s  ", cells[column]));
    }
    out.append('\n');
  }

  /** The figures as one JSON object: {@code {"machine":{...},"figures":[...]}}. */
  public String json(String machineJson) {
    StringBuilder out =
        new StringBuilder("{\"machine\":").append(machineJson).append(",\"figures\":[");
    for (int i = 0; i < figures.size(); i++) {
      Figure f = figures.get(i);
      out.append(i == 0 ? "" : ",")
          .append("{\"section\":")
          .append(quote(f.section()))
          .append(",\"name\":")
          .append(quote(f.name()))
          .append(",\"value\":")
          .append(Double.isFinite(f.value()) ? format(f.value()) : "null")
          .append(",\"unit\":")
          .append(quote(f.unit()))
          .append(",\"target\":")
          .append(quote(f.target()))
          .append(",\"met\":")
          .append(f.met() == null ? "null" : f.met().toString())
          .append(",\"how\":")
          .append(quote(f.how()))
          .append('}');
    }
    return out.append("]}").toString();
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
