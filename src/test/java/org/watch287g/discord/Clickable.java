package org.watch287g.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addresses Discord's markdown would make clickable in a text: masked links {@code
 * [label](url)}, autolinks {@code <url>} and bare {@code http(s)://} URLs, after Discord's escapes
 * ({@code \} before any character that is not a letter, digit or space shows that character as text
 * and ends its part in any syntax). A model of the parser's link rules, enough to tell whether a
 * text from outside came through as a link.
 */
final class Clickable {
  private static final Pattern MASKED =
      Pattern.compile("\\[[^\\[\\]]*\\]\\(\\s*<?(https?://[^\\s)>]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern AUTOLINK =
      Pattern.compile("<(https?:/[^ >]+)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BARE =
      Pattern.compile("(https?://[^\\s<]+[^<.,:;\"')\\]\\s])", Pattern.CASE_INSENSITIVE);

  /** Stands for an escaped character: text, never syntax. */
  private static final char ESCAPED = '\u0000';

  private Clickable() {}

  /** Every address the markdown would link to, masked ones first. */
  static List<String> in(String markdown) {
    String syntax = withoutEscapes(markdown);
    List<String> found = new ArrayList<>();
    for (Pattern p : List.of(MASKED, AUTOLINK, BARE)) {
      Matcher m = p.matcher(syntax);
      while (m.find()) {
        found.add(m.group(1));
      }
      // A link found is not found again by a later rule.
      syntax = m.replaceAll(" ");
    }
    return found;
  }

  private static String withoutEscapes(String markdown) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < markdown.length(); i++) {
      char c = markdown.charAt(i);
      if (c == '\\' && i + 1 < markdown.length() && isEscapable(markdown.charAt(i + 1))) {
        out.append(ESCAPED);
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isEscapable(char c) {
    return !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
  }
}
