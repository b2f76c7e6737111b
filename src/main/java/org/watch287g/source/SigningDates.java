package org.watch287g.source;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dates in the text of a signing-date cell.
 *
 * <p>Accepted: ISO ({@code 2020-06-09}), US numeric ({@code 6/9/2020}, {@code 06/09/20}, {@code
 * 06-09-2020}, {@code 6.9.2020}), month names ({@code June 9, 2020}, {@code Sept. 9 2020}, {@code 9
 * June 2020}), ICE's missing-slash typo ({@code 05/082025}, {@code 7/72025}: the last four digits
 * are the year), and an Excel serial number kept as text ({@code 43991}, 1900 date system). A cell
 * may hold several dates, as the 2011-2017 DATES SIGNED column did; all are returned in order.
 */
final class SigningDates {
  private static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final Pattern DATE =
      Pattern.compile(
          "(?<![0-9])(?:"
              + "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
              + "|(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})"
              + "|(\\d{1,2})/(\\d{1,2})(\\d{4})"
              + "|"
              + MONTH
              + "\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s*(\\d{4})"
              + "|(\\d{1,2})\\s*"
              + MONTH
              + ",?\\s*(\\d{4})"
              + ")(?![0-9])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SERIAL = Pattern.compile("\\d{5}(?:\\.0+)?");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  /** The first year an agreement can be from: section 287(g) was enacted on 1996-09-30. */
  static final LocalDate EARLIEST = LocalDate.of(1996, 9, 30);

  /** A year beyond any plausible signing; later dates are typos. */
  static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  private SigningDates() {}

  /** Every valid date written in the text, in order; empty when there is none. */
  static List<LocalDate> in(String text) {
    List<LocalDate> dates = new ArrayList<>(1);
    if (SERIAL.matcher(text).matches()) {
      dates.add(fromSerial(Double.parseDouble(text)));
      return dates;
    }
    Matcher m = DATE.matcher(text);
    while (m.find()) {
      try {
        dates.add(dateOf(m));
      } catch (DateTimeException e) {
        // "2/30/2025" names no day; the cell is reported as unreadable if nothing else is found.
      }
    }
    return dates;
  }

  /** Whether the text uses the missing-slash typo ("05/082025"), worth a note when read. */
  static boolean isMissingSlash(String text) {
    Matcher m = DATE.matcher(text);
    return m.find() && m.group(7) != null;
  }

  /** Whether a date could be a 287(g) signing date. */
  static boolean isPlausible(LocalDate date) {
    return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
  }

  /** The date of an Excel serial number in the 1900 date system (with Excel's 1900-02-29 bug). */
  static LocalDate fromSerial(double serial) {
    long days = (long) Math.floor(serial);
    // Serial 60 is the 1900-02-29 that never was; from 61 on, Excel is one day ahead.
    return LocalDate.of(1899, 12, 31).plusDays(days < 61 ? days : days - 1);
  }

  private static LocalDate dateOf(Matcher m) {
    if (m.group(1) != null) {
      return LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
    }
    if (m.group(4) != null) {
      return LocalDate.of(year(m.group(6)), num(m, 4), num(m, 5));
    }
    if (m.group(7) != null) {
      return LocalDate.of(num(m, 9), num(m, 7), num(m, 8));
    }
    if (m.group(10) != null) {
      return LocalDate.of(num(m, 12), month(m.group(10)), num(m, 11));
    }
    return LocalDate.of(num(m, 15), month(m.group(14)), num(m, 13));
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  // Two-digit years: 287(g) agreements start in 2002, so "20" is 2020 and "99" is 1999.
  private static int year(String digits) {
    int y = Integer.parseInt(digits);
    if (digits.length() == 4) {
      return y;
    }
    return y < 90 ? 2000 + y : 1900 + y;
  }

  private static int month(String name) {
    return MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
  }
}
