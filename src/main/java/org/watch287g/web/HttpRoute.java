package org.watch287g.web;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One path on the {@link PublicHttpServer}. The server reads the whole body, within {@link
 * #maxBody()} bytes and its deadlines, before it calls {@link #answer}, so a route never waits on
 * the network and never sees more than it asked for.
 */
public interface HttpRoute {
  /** The longest body this route accepts; longer is answered 413 without being read. */
  int maxBody();

  /**
   * The methods this route answers, for the {@code Allow} header; any other is answered 405 before
   * the body is read. Empty: every method reaches {@link #answer}.
   */
  default Set<String> methods() {
    return Set.of();
  }

  /**
   * Answers a call, on one of the server's worker threads; should be quick (milliseconds). A route
   * that throws is answered 500, and the exception is logged without the request's content.
   */
  HttpAnswer answer(HttpCall call);

  /** The methods of a page that only reads. */
  Set<String> READING = Set.of("GET", "HEAD");

  /**
   * A route that only reads: GET and HEAD get {@code page}'s answer (HEAD without its body, which
   * the server drops); any other method is answered 405 by the server; no body is accepted.
   */
  static HttpRoute reading(Supplier<HttpAnswer> page) {
    return reading(call -> page.get());
  }

  /** A route that only reads, as {@link #reading(Supplier)}, whose answer depends on the call. */
  static HttpRoute reading(Function<HttpCall, HttpAnswer> page) {
    return new HttpRoute() {
      @Override
      public int maxBody() {
        return 0;
      }

      @Override
      public Set<String> methods() {
        return READING;
      }

      @Override
      public HttpAnswer answer(HttpCall call) {
        return page.apply(call);
      }
    };
  }
}
