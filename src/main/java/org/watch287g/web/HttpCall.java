package org.watch287g.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request, read in full and within the server's bounds before a route sees it.
 *
 * @param method {@code GET}, {@code POST}, ...
 * @param path the decoded path, e.g. {@code /slack/events}
 * @param query the raw query string, or empty
 * @param headers header names in lower case, each with its values in order
 * @param body the raw body, at most the route's {@link HttpRoute#maxBody()}
 * @param remoteAddress the peer's IP address (a reverse proxy's, behind one)
 */
@SuppressWarnings("ArrayRecordComponent") // short-lived, never compared
public record HttpCall(
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    byte[] body,
    String remoteAddress) {

  /** The first value of a header, by any case of its name; null when absent. */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The media type of the body without its parameters, in lower case; empty when absent. */
  public String mediaType() {
    String type = header("content-type");
    if (type == null) {
      return "";
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }
}
