package org.watch287g.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which {@code response_url}s the bot will post an answer to. Slack's are always {@code
 * https://hooks.slack.com/...}; the URL arrives inside the request, so without this check a signed
 * request (or one from someone holding the signing secret) could make the bot POST to any address
 * it can reach, its own loopback included (issue 12).
 *
 * <p>Allowed: {@code https://hooks.slack.com} on the default port, no user info; and, when {@code
 * slack.apiUrl} is not Slack's own (a local fake, a test double, a corporate relay), that URL's
 * exact scheme, host and port, since whoever set it already decides where the bot talks to Slack.
 */
final class ResponseUrls {
  private static final String SLACK_HOOKS = "hooks.slack.com";

  private final @Nullable URI apiOrigin;

  /**
   * @param apiUrl {@code slack.apiUrl}
   * @param slackApi Slack's own Web API URL, the default of {@code slack.apiUrl}
   */
  ResponseUrls(URI apiUrl, URI slackApi) {
    this.apiOrigin = sameOrigin(apiUrl, slackApi) ? null : apiUrl;
  }

  /** Whether an answer may be posted to {@code url}. */
  boolean allowed(@Nullable String url) {
    if (url == null || url.isEmpty()) {
      return false;
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return false;
    }
    if (uri.getRawUserInfo() != null || uri.getHost() == null || !uri.isAbsolute()) {
      return false;
    }
    boolean hooks =
        "https".equals(uri.getScheme())
            && SLACK_HOOKS.equals(uri.getHost().toLowerCase(Locale.ROOT))
            && (uri.getPort() == -1 || uri.getPort() == 443);
    return hooks || (apiOrigin != null && sameOrigin(uri, apiOrigin));
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
        && Objects.equals(lower(a.getHost()), lower(b.getHost()))
        && port(a) == port(b);
  }

  private static @Nullable String lower(@Nullable String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
