package org.watch287g.web;

/**
 * One path on the {@link PublicHttpServer}. The server reads the whole body, within {@link
 * #maxBody()} bytes and its deadlines, before it calls {@link #answer}, so a route never waits on
 * the network and never sees more than it asked for.
 */
public interface HttpRoute {
  /** The longest body this route accepts; longer is answered 413 without being read. */
  int maxBody();

  /**
   * Answers a call, on one of the server's worker threads; should be quick (milliseconds). A route
   * that throws is answered 500, and the exception is logged without the request's content.
   */
  HttpAnswer answer(HttpCall call);
}
