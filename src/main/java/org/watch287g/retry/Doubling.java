package org.watch287g.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * A delay that doubles with every failure, from {@code first} up to {@code cap}, spread by ±20 %
 * jitter so that many clients failing together (installations polling ICE, channels whose alerts
 * failed at once, bots reconnecting after an outage) do not all come back in the same second.
 *
 * @param first the wait after the first failure, before jitter
 * @param cap the longest wait, jitter included
 */
public record Doubling(Duration first, Duration cap) {
  /** How far jitter moves a delay either way: 20 %. */
  public static final double JITTER = 0.2;

  public Doubling {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(cap, "cap");
    if (first.isNegative() || first.isZero() || cap.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 < first <= cap: " + first + ", " + cap);
    }
  }

  /**
   * The wait after failure number {@code retry} (0 for the first): {@code first × 2^retry × (1 ±
   * 0.2)}, never more than the cap.
   *
   * @param random a uniform value in [0, 1): 0 gives the shortest wait, 0.5 the middle one
   */
  public Duration delay(int retry, double random) {
    double factor = 1 + JITTER * (2 * random - 1);
    double millis = first.toMillis() * Math.pow(2, Math.min(Math.max(retry, 0), 30)) * factor;
    return Duration.ofMillis(Math.min(Math.round(millis), cap.toMillis()));
  }
}
