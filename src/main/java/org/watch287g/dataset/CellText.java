package org.watch287g.dataset;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Cleans the text of one cell the way every column needs it: trimmed, with runs of whitespace
 * (including no-break spaces, tabs, line breaks and other control characters) collapsed to one
 * space, zero-width characters removed, and spreadsheet placeholders for "nothing" ("#N/A", "#NA",
 * "N/A", "NA", Excel error values) read as missing.
 *
 * <p>One function for every place that reads ICE's text: the reader's cells and headers, and the
 * guard's check of a publication's columns, so both accept the same header.
 *
 * <p>Apostrophes, case and spelling are kept as ICE wrote them: identity folding is {@link
 * AgreementKey}'s job, county correction is county resolution's.
 */
public final class CellText {
  /** The length of the longest placeholder, "#VALUE!" and "#DIV/0!". */
  private static final int MAX_PLACEHOLDER = 7;

  private CellText() {}

  /** The cleaned text; never null, empty when the cell is blank. */
  public static String clean(String raw) {
    if (isAlreadyClean(raw)) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    boolean pendingSpace = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (isInvisible(c)) {
        continue;
      }
      if (isSpace(c)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** The cleaned text, or null when it is blank or a placeholder for a missing value. */
  public static @Nullable String value(String raw) {
    String text = clean(raw);
    return text.isEmpty() || isPlaceholder(text) ? null : text;
  }

  /** Whether cleaned text is one of the ways spreadsheets say "no value". */
  public static boolean isPlaceholder(String text) {
    if (text.length() > MAX_PLACEHOLDER || text.length() < 2) {
      return false; // every real name: no upper-casing, no copy
    }
    String t = text.toUpperCase(Locale.ROOT);
    switch (t) {
      case "#N/A",
          "#NA",
          "N/A",
          "NA",
          "#REF!",
          "#VALUE!",
          "#NAME?",
          "#NULL!",
          "#NUM!",
          "#DIV/0!" -> {
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  // The common case (ICE's text is mostly tidy) allocates nothing.
  private static boolean isAlreadyClean(String raw) {
    int n = raw.length();
    if (n == 0) {
      return true;
    }
    if (isSpace(raw.charAt(0)) || isSpace(raw.charAt(n - 1))) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (isInvisible(c) || (isSpace(c) && (c != ' ' || isSpace(raw.charAt(i + 1))))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpace(char c) {
    if (c < 0x80) {
      return c <= ' ';
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private static boolean isInvisible(char c) {
    return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
  }
}
