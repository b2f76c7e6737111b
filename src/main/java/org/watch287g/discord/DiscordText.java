package org.watch287g.discord;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watch287g.dataset.OfficialUrl;

/**
 * Text from outside (ICE's spreadsheets and page, what people type) made safe for Discord's
 * markdown: shown as written, never as formatting, a mention or a link.
 *
 * <p>JDA's {@code MarkdownSanitizer} escapes formatting but leaves {@code [label](url)}, {@code
 * <url>} and backslashes alone, so an agency called {@code Harris County [Know Your Rights
 * hotline](https://evil.example/phish) Police} became a clickable masked link. Here every character
 * Discord reads as syntax gets a backslash (Discord shows {@code \} followed by any character that
 * is not a letter, digit or space as that character alone), the backslash itself first, so that
 * text cannot undo an escape. A bare {@code http(s)://} address is broken at its colon, so that it
 * reads as written but is not linked.
 */
final class DiscordText {
  /** Formatting, quotes, headers, spoilers, code, masked links, autolinks and mentions. */
  private static final String SYNTAX = "\\*_~`|><[]#";

  private static final Pattern SCHEME =
      Pattern.compile("(https?):(?=//)", Pattern.CASE_INSENSITIVE);
  private static final Pattern URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);

  private DiscordText() {}

  /** {@code text} as it reads, with nothing Discord would format, mention or link. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (SYNTAX.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return SCHEME.matcher(out).replaceAll("$1\\\\:");
  }

  /**
   * Like {@link #escape}, but ICE's and DHS's own addresses ({@link OfficialUrl}) stay clickable:
   * the core writes an agreement's MOA link into digest lines and status replies. Any other address
   * is escaped with the words around it.
   */
  static String escapeKeepingOfficialLinks(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    Matcher m = URL.matcher(text);
    int at = 0;
    while (m.find()) {
      String url = m.group();
      out.append(escape(text.substring(at, m.start())));
      out.append(OfficialUrl.isOfficial(url) ? url : escape(url));
      at = m.end();
    }
    return out.append(escape(text.substring(at))).toString();
  }
}
