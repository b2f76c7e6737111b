package org.watch287g.source;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;
import org.watch287g.retry.Doubling;

/**
 * How long to wait before a retry: about 1 s, then 2 s, 4 s, … with ±20 % jitter so that several
 * installations do not hit ICE in step; or what the server asked for in {@code Retry-After}. Never
 * more than {@link #MAX}, so a hostile or mistaken header cannot stall a poll for hours.
 */
final class Backoff {
  static final Duration BASE = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofMinutes(1);
  private static final Doubling SCHEDULE = new Doubling(BASE, MAX);

  private final DoubleSupplier random;

  /**
   * @param random uniform values in [0, 1), drawn once per delay
   */
  Backoff(DoubleSupplier random) {
    this.random = random;
  }

  /** With jitter from {@link ThreadLocalRandom}. */
  static Backoff jittered() {
    return new Backoff(() -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * The wait before retry number {@code retry} (0 for the first retry).
   *
   * @param retryAfter what the server asked for, or null to back off exponentially
   */
  Duration before(int retry, @Nullable Duration retryAfter) {
    if (retryAfter != null) {
      return min(retryAfter, MAX);
    }
    return SCHEDULE.delay(retry, random.getAsDouble());
  }

  /**
   * The delay a {@code Retry-After} header asks for; null when it is absent or not a whole number
   * of seconds (the HTTP-date form is rare enough that exponential backoff is a fine stand-in).
   */
  static @Nullable Duration retryAfter(@Nullable String header) {
    if (header == null || !header.strip().matches("[0-9]{1,9}")) {
      return null;
    }
    return Duration.ofSeconds(Long.parseLong(header.strip()));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
