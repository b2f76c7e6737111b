package org.watch287g.source;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A failed attempt worth repeating: a network error or timeout, a 5xx, a 408 or a 429. Never leaves
 * the package: once retries run out it becomes a {@link SourceException} with the same message.
 */
final class RetryableFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final String summary;
  private final transient @Nullable Duration retryAfter;

  RetryableFailure(String message, @Nullable Duration retryAfter) {
    super(message);
    this.summary = message;
    this.retryAfter = retryAfter;
  }

  RetryableFailure(String message, Throwable cause) {
    super(message, cause);
    this.summary = message;
    this.retryAfter = null;
  }

  /** The one-line message (never null, unlike {@link #getMessage()} in general). */
  String summary() {
    return summary;
  }

  /** The delay the server asked for, or null. */
  @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /** The failure to report after {@code attempts} tries, all of which failed. */
  SourceException giveUp(int attempts) {
    String message =
        attempts > 1 ? summary + " (gave up after " + attempts + " attempts)" : summary;
    Throwable cause = getCause();
    return cause == null ? new SourceException(message) : new SourceException(message, cause);
  }
}
