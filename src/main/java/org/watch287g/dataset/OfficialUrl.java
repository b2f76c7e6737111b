package org.watch287g.dataset;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which URLs from ICE's spreadsheets may become links: {@code https} on {@code ice.gov}, {@code
 * dhs.gov} or a subdomain of either, with no user info and no port but 443.
 *
 * <p>The spreadsheets are edited by hand and the links in them are shown to people as "Read the
 * agreement (MOA)": a cell pointing at {@code https://www.ice.gov.evil.example/...} would make the
 * bot vouch for a phishing page. So the host is compared on the parsed URL, label by label from the
 * right, never as a string prefix; anything not plain ASCII is refused rather than normalised,
 * since that is where look-alike hosts hide.
 */
public final class OfficialUrl {
  private static final String[] DOMAINS = {"ice.gov", "dhs.gov"};

  private OfficialUrl() {}

  /** Whether {@code url} is an https URL on ICE's or DHS's own hosts (see the class comment). */
  public static boolean isOfficial(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return false;
    }
    String host = uri.getHost();
    return "https".equalsIgnoreCase(uri.getScheme())
        && host != null
        && uri.getRawUserInfo() == null
        && (uri.getPort() == -1 || uri.getPort() == 443)
        && isOfficialHost(host);
  }

  /** {@code url} if it is official, otherwise null: what may be linked to. */
  public static @Nullable String orNull(@Nullable String url) {
    return url != null && isOfficial(url) ? url : null;
  }

  /** Whether a host name is one of the official domains or a subdomain of one. */
  static boolean isOfficialHost(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
      if (!allowed) {
        return false;
      }
    }
    for (String domain : DOMAINS) {
      if (h.equals(domain) || h.endsWith("." + domain)) {
        return true;
      }
    }
    return false;
  }
}
