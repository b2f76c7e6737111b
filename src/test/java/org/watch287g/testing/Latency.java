package org.watch287g.testing;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A network's delay for the fakes: each way, a request or an answer takes {@code oneWay} give or
 * take up to {@code jitter} (uniformly), so a fake on loopback answers as a platform a continent
 * away does. A fake waits once before it looks at a request (the request travelling) and once after
 * it decided and before it answers (the answer travelling): a message is accepted while its answer
 * is still on the way, as on a real network.
 */
public record Latency(Duration oneWay, Duration jitter) {
  public static final Latency NONE = new Latency(Duration.ZERO, Duration.ZERO);

  public Latency {
    if (jitter.compareTo(oneWay) > 0) {
      throw new IllegalArgumentException("jitter beyond the delay itself: " + jitter);
    }
  }

  /** {@code millis} each way, give or take a tenth. */
  public static Latency ofMillis(long millis) {
    return new Latency(Duration.ofMillis(millis), Duration.ofMillis(millis / 10));
  }

  /** Waits one way's delay; returns at once for {@link #NONE}. */
  public void travel() {
    long base = oneWay.toNanos();
    if (base == 0) {
      return;
    }
    long spread = jitter.toNanos();
    long nanos =
        base + (spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(-spread, spread + 1));
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
