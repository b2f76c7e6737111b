package org.watch287g.source;

import java.time.Duration;

/** Waits between retries; tests replace it so backoff can be checked without waiting. */
interface Sleeper {
  /** Blocks for about {@code d}; throws if the thread is interrupted while waiting. */
  void sleep(Duration d) throws InterruptedException;

  /** The real clock. */
  static Sleeper system() {
    return d -> Thread.sleep(d.toMillis());
  }
}
