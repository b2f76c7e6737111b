package org.watch287g.source;

import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the character references that occur in hrefs and link text: the five XML entities, the
 * non-breaking space and numeric references (decimal and hex). Other named references are rare in
 * links and are left as written.
 */
final class HtmlEntities {
  private static final Pattern REFERENCE =
      Pattern.compile("&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));");
  private static final Map<String, String> NAMED =
      Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ");

  private HtmlEntities() {}

  /** {@code s} with its references replaced by the characters they stand for. */
  static String decode(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    return REFERENCE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(character(m)));
  }

  private static String character(MatchResult m) {
    String decimal = m.group(1);
    String hex = m.group(2);
    if (decimal != null || hex != null) {
      int codePoint = decimal != null ? Integer.parseInt(decimal) : Integer.parseInt(hex, 16);
      return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : m.group();
    }
    return NAMED.getOrDefault(m.group(3).toLowerCase(Locale.ROOT), m.group());
  }
}
