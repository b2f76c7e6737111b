package org.watch287g.source;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.OfficialUrl;

/**
 * Turns the link behind an MOA or ADDENDUM cell into ICE's own URL.
 *
 * <p>ICE's staff paste links from wherever they found them, so the raw targets come wrapped: in
 * Outlook safelinks ({@code https://gcc02.safelinks.protection.outlook.com/?url=<encoded>&...}), in
 * Wayback Machine captures ({@code https://web.archive.org/web/<timestamp>/<url>}, the html-derived
 * files) and in Adobe's Chrome PDF viewer ({@code chrome-extension://<id>/https:/...}). Some have
 * one slash after the scheme ({@code https:/www.ice.gov/...}), {@code http} instead of {@code
 * https}, or raw spaces in the file name. This class undoes all of that, and keeps only what leads
 * to ICE's or DHS's own hosts.
 */
final class IceUrl {
  private static final Pattern WAYBACK =
      Pattern.compile(
          "^https?://(?:web\\.)?archive\\.org/web/[^/]*/(.+)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern CHROME_EXTENSION =
      Pattern.compile("^chrome-extension://[^/]+/(.+)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern SAFELINKS =
      Pattern.compile(
          "^https?://[^/?#]*safelinks\\.protection\\.outlook\\.com/?\\?", Pattern.CASE_INSENSITIVE);
  private static final Pattern SCHEME = Pattern.compile("^(https?):/*", Pattern.CASE_INSENSITIVE);
  private static final int MAX_WRAPPERS = 4;

  private IceUrl() {}

  /**
   * The web address a link stands for, unwrapped and repaired; null when it is not a web address at
   * all (e.g. {@code file:///C:/...} or {@code mailto:}), or not one of ICE's or DHS's own (see
   * {@link OfficialUrl}): people are shown this as "Read the agreement", so a link elsewhere, or to
   * a host that only looks like ICE's, is dropped rather than passed on. {@code http} on ICE's and
   * DHS's hosts is upgraded to {@code https}.
   */
  static @Nullable String of(String raw) {
    // strip(), not CellText.clean: collapsing "a  b" would change the file name.
    String url = raw.strip();
    if (url.startsWith("https://www.ice.gov/")) {
      return encodeUnsafe(url); // most links: nothing to unwrap, nothing to allocate
    }
    for (int i = 0; i < MAX_WRAPPERS; i++) {
      String inner = unwrap(url);
      if (inner.equals(url)) {
        break;
      }
      url = inner.strip();
    }
    url = repairScheme(url);
    if (!url.regionMatches(true, 0, "http://", 0, 7)
        && !url.regionMatches(true, 0, "https://", 0, 8)) {
      return null;
    }
    String encoded = encodeUnsafe(url);
    if (encoded.regionMatches(true, 0, "http://", 0, 7)) {
      encoded = "https://" + encoded.substring(7);
    }
    return OfficialUrl.orNull(encoded);
  }

  /** Whether cell text is itself a web address (the html-derived files put URLs in the cell). */
  static boolean looksLikeUrl(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    return t.startsWith("http:/") || t.startsWith("https:/") || t.startsWith("www.");
  }

  private static String unwrap(String url) {
    Matcher m = SAFELINKS.matcher(url);
    if (m.lookingAt()) {
      String wrapped = queryParameter(url, m.end(), "url");
      return wrapped == null ? url : URLDecoder.decode(wrapped, StandardCharsets.UTF_8);
    }
    m = WAYBACK.matcher(url);
    if (m.matches()) {
      return m.group(1);
    }
    m = CHROME_EXTENSION.matcher(url);
    return m.matches() ? m.group(1) : url;
  }

  // The raw value of name=... in the query that starts at `from`, or null.
  private static @Nullable String queryParameter(String url, int from, String name) {
    for (int at = from; at < url.length(); ) {
      int end = url.indexOf('&', at);
      end = end < 0 ? url.length() : end;
      if (url.startsWith(name + "=", at)) {
        return url.substring(at + name.length() + 1, end);
      }
      at = end + 1;
    }
    return null;
  }

  private static String repairScheme(String url) {
    if (url.regionMatches(true, 0, "www.", 0, 4)) {
      return "https://" + url;
    }
    Matcher m = SCHEME.matcher(url);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) + "://" + url.substring(m.end()) : url;
  }

  // Percent-encodes what may not appear in a URL (spaces above all), leaving existing %XX alone.
  private static String encodeUnsafe(String url) {
    StringBuilder out = null;
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      boolean unsafe = isUnsafe(c);
      if (unsafe && out == null) {
        out = new StringBuilder(url.length() + 16).append(url, 0, i);
      }
      if (out != null) {
        if (unsafe) {
          percentEncode(url, i, out);
          i += Character.isHighSurrogate(c) && i + 1 < url.length() ? 1 : 0;
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? url : out.toString();
  }

  private static boolean isUnsafe(char c) {
    return switch (c) {
      case '"', '<', '>', '\\', '^', '`', '{', '|', '}' -> true;
      default -> c <= 0x20 || c >= 0x7F;
    };
  }

  private static void percentEncode(String s, int i, StringBuilder out) {
    int cp = s.codePointAt(i);
    for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
      out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
      out.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }
  }
}
