package org.watch287g.commands;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.Agreement;
import org.watch287g.geo.County;

/**
 * A status as a CSV file (RFC 4180): one row per agreement in force, then one per pending request,
 * in the status's order. Every cell is safe to open in a spreadsheet: a cell that starts with
 * {@code = + - @}, a tab or a carriage return gets a leading {@code '} so that no spreadsheet runs
 * it as a formula (ICE's names and links are not ours to trust), and a cell with a comma, quote or
 * line break is quoted, its quotes doubled. Lines end with CRLF, as RFC 4180 says.
 */
public final class StatusCsv {
  public static final List<String> HEADER =
      List.of(
          "list", "agency", "state", "model", "signed", "moa", "moa_pending", "reach", "counties");

  private StatusCsv() {}

  static Attachment attachment(Status status) {
    return new Attachment(fileName(status), "text/csv", content(status));
  }

  /** "287g-TX-2026-05-18.csv", "287g-12071-2026-05-18.csv" (the date of the agreements' list). */
  public static String fileName(Status status) {
    County county = status.place().county();
    String where = county == null ? status.place().state().code() : county.fips();
    LocalDate asOf = status.agreementsAsOf();
    return "287g-" + where + (asOf == null ? "" : "-" + asOf) + ".csv";
  }

  /** The whole file: the header, then the agreements in force, then the pending requests. */
  public static String content(Status status) {
    StringBuilder out = new StringBuilder();
    row(out, HEADER);
    status.agreements().forEach(e -> row(out, cells("in force", e)));
    status.pending().forEach(e -> row(out, cells("pending", e)));
    return out.toString();
  }

  private static List<String> cells(String list, Status.Entry e) {
    Agreement a = e.agreement();
    List<String> cells = new ArrayList<>();
    cells.add(list);
    cells.add(a.agency());
    cells.add(a.state().code());
    cells.add(a.model().name());
    cells.add(text(a.signed()));
    cells.add(text(a.moaUrl()));
    cells.add(a.moaPending() ? "yes" : "no");
    cells.add(e.reach().name().toLowerCase(Locale.ROOT));
    cells.add(String.join("; ", e.counties()));
    return cells;
  }

  private static String text(@Nullable Object value) {
    return value == null ? "" : value.toString();
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      out.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  /** One cell, defused against formulas and quoted where CSV needs it. */
  static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    boolean quote =
        v.indexOf(',') >= 0
            || v.indexOf('"') >= 0
            || v.indexOf('\n') >= 0
            || v.indexOf('\r') >= 0
            || (!v.isEmpty() && (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' '));
    return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
