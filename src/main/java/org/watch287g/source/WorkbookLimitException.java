package org.watch287g.source;

import java.io.IOException;

/**
 * A workbook unfolded past one of its {@link WorkbookLimits}. An {@link IOException} so that it
 * passes unchanged through the streams and XML readers that meet it; the message names the part and
 * the limit, in one line.
 */
final class WorkbookLimitException extends IOException {
  private static final long serialVersionUID = 1L;

  WorkbookLimitException(String message) {
    super(message);
  }

  /** The limit exception somewhere in {@code e}'s causes, or null. */
  static @org.jspecify.annotations.Nullable WorkbookLimitException in(Throwable e) {
    Throwable t = e;
    for (int depth = 0; t != null && depth < 10; t = t.getCause(), depth++) {
      if (t instanceof WorkbookLimitException limit) {
        return limit;
      }
    }
    return null;
  }
}
