package org.watch287g.source;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * Where the bot may read ICE's files from: the rule that keeps a tampered page, or a redirect, from
 * making the bot fetch (and echo) anything anywhere else.
 *
 * <p>The rule: a URL is followed from a page (or a redirect from a URL) only when it has the same
 * scheme, host and port, and that scheme is {@code https}. The one exception is for tests against
 * local fakes: when the page itself was read over plain {@code http} from a loopback host ({@code
 * 127.0.0.0/8}, {@code ::1}, {@code localhost}), {@code http} links to that same host and port are
 * followed too. So in production, with the page at {@code https://www.ice.gov/...}, only {@code
 * https://www.ice.gov} links are ever fetched; a link to another host, to another port, or to
 * {@code http} is refused; and no redirect leaves the origin or drops from https to http. Going the
 * other way, from {@code http://host} to {@code https://host}, is allowed.
 */
final class LinkOrigin {
  private LinkOrigin() {}

  /** Whether {@code target} may be fetched for a page read from {@code page}. */
  static boolean permits(HttpUrl page, HttpUrl target) {
    boolean sameOrigin =
        target.scheme().equals(page.scheme())
            && target.host().equalsIgnoreCase(page.host())
            && target.port() == page.port();
    // http://host to https://host on the default ports is an upgrade, never a downgrade: a page
    // configured as http that ICE redirects to https is still read.
    boolean upgrade =
        !page.isHttps()
            && target.isHttps()
            && target.host().equalsIgnoreCase(page.host())
            && page.port() == 80
            && target.port() == 443;
    return (sameOrigin && (target.isHttps() || isLoopback(page.host()))) || upgrade;
  }

  /** "https://www.ice.gov": what messages name, never a path or query from elsewhere. */
  static String of(HttpUrl url) {
    return url.scheme()
        + "://"
        + url.host()
        + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port());
  }

  private static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("::1") || h.startsWith("127.");
  }
}
