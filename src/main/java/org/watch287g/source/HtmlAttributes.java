package org.watch287g.source;

import org.jspecify.annotations.Nullable;

/**
 * Reads the attributes of one tag, in one pass: {@code name}, {@code name=value}, {@code
 * name='value'} or {@code name="value"}, any case, separated by whitespace. An unclosed quote runs
 * to the end of the tag. Linear in the tag's length, whatever it holds.
 */
final class HtmlAttributes {
  private HtmlAttributes() {}

  /**
   * The first {@code href} attribute's value, entities decoded and stripped; null when there is
   * none.
   *
   * @param attributes what follows the tag name, up to (not including) its {@code >}
   */
  static @Nullable String href(String attributes) {
    String s = attributes;
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '/')) {
        i++;
      }
      int nameStart = i;
      while (i < s.length() && !isNameEnd(s.charAt(i))) {
        i++;
      }
      boolean isHref = s.regionMatches(true, nameStart, "href", 0, 4) && i - nameStart == 4;
      int afterName = skipWhitespace(s, i);
      if (afterName >= s.length() || s.charAt(afterName) != '=') {
        i = Math.max(afterName, nameStart + 1); // a bare name, or a stray character: move on
        continue;
      }
      int valueStart = skipWhitespace(s, afterName + 1);
      int valueEnd;
      int next;
      if (valueStart < s.length()
          && (s.charAt(valueStart) == '"' || s.charAt(valueStart) == '\'')) {
        int close = s.indexOf(s.charAt(valueStart), valueStart + 1);
        valueEnd = close < 0 ? s.length() : close;
        next = close < 0 ? s.length() : close + 1;
        valueStart++;
      } else {
        valueEnd = valueStart;
        while (valueEnd < s.length() && !Character.isWhitespace(s.charAt(valueEnd))) {
          valueEnd++;
        }
        next = valueEnd;
      }
      if (isHref) {
        return HtmlEntities.decode(s.substring(valueStart, valueEnd)).strip();
      }
      i = next;
    }
    return null;
  }

  private static boolean isNameEnd(char c) {
    return Character.isWhitespace(c) || c == '=' || c == '/';
  }

  private static int skipWhitespace(String s, int from) {
    int i = from;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
