package org.watch287g.source;

/**
 * An expected failure reading ICE: an HTTP error, a timeout, a refused connection, a response over
 * its size cap, or a page without workbook links. The message is one line naming the problem and
 * the URL or host, e.g. "HTTP 404 from https://…"; callers show it as is, without a stack trace.
 */
public final class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  public SourceException(String message) {
    super(message);
  }

  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
