package org.watch287g.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a route answers.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}
 * @param body the bytes sent; may be empty
 * @param headers more headers to send (e.g. {@code Allow}), by name
 */
@SuppressWarnings("ArrayRecordComponent") // short-lived, never compared
public record HttpAnswer(int status, String contentType, byte[] body, Map<String, String> headers) {

  public HttpAnswer {
    headers = Map.copyOf(headers);
  }

  /** A short plain-text answer. */
  public static HttpAnswer text(int status, String text) {
    return new HttpAnswer(
        status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** The same answer with one more header. */
  public HttpAnswer with(String header, String value) {
    java.util.HashMap<String, String> more = new java.util.HashMap<>(headers);
    more.put(header, value);
    return new HttpAnswer(status, contentType, body, more);
  }
}
