package org.watch287g.source;

/**
 * A file that cannot be read as an ICE list: not a workbook, corrupt, or without a recognisable
 * header. The message is one line a volunteer can act on, e.g. "got an HTML page ('Access Denied'),
 * not a workbook".
 */
public final class UnreadablePublicationException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnreadablePublicationException(String message) {
    super(message);
  }

  public UnreadablePublicationException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * What is wrong, without the file name {@link SpreadsheetParser#parse} puts in front of the
   * message: for callers that name the file themselves.
   */
  public String reason() {
    Throwable cause = getCause();
    String message =
        cause instanceof UnreadablePublicationException ? cause.getMessage() : getMessage();
    return message == null ? "unreadable" : message;
  }
}
