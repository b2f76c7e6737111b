package org.watch287g.source;

import java.io.IOException;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.config.SourceConfig;

/**
 * One GET, its redirects followed here rather than by OkHttp (only within the origin, see {@link
 * LinkOrigin}), read to the end and classified: a reply worth having (2xx, or 304 to a conditional
 * request), a failure worth retrying, or a failure that retrying will not fix.
 */
final class Exchange {
  private static final Logger log = LoggerFactory.getLogger(Exchange.class);

  /** As many as OkHttp itself would follow before giving up. */
  static final int MAX_REDIRECTS = 20;

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final OkHttpClient client;
  private final SourceConfig config;

  Exchange(OkHttpClient client, SourceConfig config) {
    this.client = client;
    this.config = config;
  }

  /**
   * What a 2xx or 304 response carried.
   *
   * @param finalUrl where redirects ended, which is what relative links resolve against
   * @param body the body (empty for 304)
   */
  @SuppressWarnings("ArrayRecordComponent") // internal, short-lived, never compared
  record Reply(
      int code, HttpUrl finalUrl, byte[] body, @Nullable MediaType contentType, Headers headers) {
    boolean notModified() {
      return code == 304;
    }
  }

  /**
   * Sends one GET and reads its body within {@code cap}.
   *
   * @param conditional {@code If-None-Match} / {@code If-Modified-Since}, or empty; a 304 is a
   *     reply only when these were sent
   * @throws RetryableFailure on network errors, timeouts, 5xx, 408 and 429
   * @throws SourceException on any other status, or a body over the cap
   */
  Reply get(HttpUrl url, Headers conditional, Cap cap) throws RetryableFailure, SourceException {
    HttpUrl current = url;
    for (int hop = 0; ; hop++) {
      Step step = once(current, conditional, cap);
      if (step.reply() != null) {
        return step.reply();
      }
      if (hop >= MAX_REDIRECTS) {
        throw new SourceException("more than " + MAX_REDIRECTS + " redirects from " + url);
      }
      current = java.util.Objects.requireNonNull(step.redirect());
    }
  }

  /** What one request came to: a reply, or where a permitted redirect points. */
  private record Step(@Nullable Reply reply, @Nullable HttpUrl redirect) {}

  private Step once(HttpUrl url, Headers conditional, Cap cap)
      throws RetryableFailure, SourceException {
    Request request = new Request.Builder().url(url).headers(conditional).get().build();
    log.debug("GET {}", url);
    try (Response response = client.newCall(request).execute()) {
      int code = response.code();
      log.debug("HTTP {} from {}", code, url);
      if (code == 304 && conditional.size() > 0) {
        return new Step(reply(response, new byte[0]), null);
      }
      if (code >= 200 && code < 300) {
        return new Step(
            reply(response, CappedBody.read(response.body(), cap, url.toString())), null);
      }
      if (REDIRECTS.contains(code)) {
        return new Step(null, redirect(url, code, response.header("Location")));
      }
      String message = "HTTP " + code + " from " + url;
      if (code >= 500 || code == 408 || code == 429) {
        throw new RetryableFailure(message, Backoff.retryAfter(response.header("Retry-After")));
      }
      throw new SourceException(message);
    } catch (IOException e) {
      String message = IoFailure.describe(e, url, config);
      log.debug("{}", message);
      throw new RetryableFailure(message, e);
    }
  }

  /**
   * Where a redirect may be followed: only within {@link LinkOrigin}'s rule (same scheme, host and
   * port; https, or http on a loopback test host), so no redirect takes the bot to another host or
   * from https to http. The refusal names the other origin only, never its path.
   */
  private static HttpUrl redirect(HttpUrl from, int code, @Nullable String location)
      throws SourceException {
    HttpUrl to = location == null ? null : from.resolve(location);
    if (to == null) {
      throw new SourceException("HTTP " + code + " from " + from + " without a usable Location");
    }
    if (!LinkOrigin.permits(from, to)) {
      throw new SourceException(
          "HTTP "
              + code
              + " from "
              + from
              + " redirects to "
              + LinkOrigin.of(to)
              + ", not followed: redirects are followed only within "
              + LinkOrigin.of(from)
              + " over https");
    }
    return to;
  }

  private static Reply reply(Response response, byte[] body) {
    return new Reply(
        response.code(),
        response.request().url(),
        body,
        response.body().contentType(),
        response.headers());
  }
}
