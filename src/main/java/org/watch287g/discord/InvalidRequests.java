package org.watch287g.discord;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord's answers of 401, 403 and 429 to the bot over the last ten minutes. Discord bans the
 * bot's IP address for a while after 10,000 of them in ten minutes (Cloudflare's ban, which takes
 * every bot on that address off Discord). Long before that the bot slows down: from {@link
 * #WARN_AT} it tells the operator (a warning in the log, and {@code
 * watch287g_discord_invalid_requests} in the metrics), and from {@link #HOLD_AT} it holds its posts
 * until the count of the last ten minutes falls back under that, so that a storm of refusals (a
 * revoked permission in thousands of channels, a misconfigured proxy) can never reach the ban.
 *
 * <p>Counted in one-second slots of a ring, so the count is exact to the second and costs a fixed
 * 600 slots. Thread-safe.
 */
final class InvalidRequests {
  private static final Logger log = LoggerFactory.getLogger(InvalidRequests.class);

  /** Discord's ban threshold: invalid requests in {@link #WINDOW}. */
  static final int BAN = 10_000;

  /** From here the operator is warned: a tenth of the ban. */
  static final int WARN_AT = 1_000;

  /** From here posts are held: a quarter of the ban. */
  static final int HOLD_AT = 2_500;

  static final Duration WINDOW = Duration.ofMinutes(10);

  private static final int SLOTS = (int) WINDOW.toSeconds();

  private final int[] counts = new int[SLOTS];
  private final long[] second = new long[SLOTS];
  private final LongSupplier nanoTime;
  private boolean warned;

  InvalidRequests() {
    this(System::nanoTime);
  }

  InvalidRequests(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Counts one 401, 403 or 429. */
  synchronized void record() {
    long now = nowSecond();
    int slot = (int) Math.floorMod(now, (long) SLOTS);
    if (second[slot] != now) {
      second[slot] = now;
      counts[slot] = 0;
    }
    counts[slot]++;
    int total = countAt(now);
    if (total >= WARN_AT && !warned) {
      warned = true;
      log.warn(
          "Discord refused {} requests (401, 403, 429) in the last 10 minutes; at 10,000 it bans"
              + " the bot's address. Sends are held from {}. Look for a permission taken away in"
              + " many channels, or another program using this token",
          total,
          HOLD_AT);
    } else if (total < WARN_AT / 2) {
      warned = false;
    }
  }

  /** The 401, 403 and 429 answers of the last ten minutes. */
  synchronized int count() {
    return countAt(nowSecond());
  }

  /**
   * How long to hold posts before the count of the last ten minutes is under {@link #HOLD_AT}
   * again; zero when it is now.
   */
  synchronized Duration holdFor() {
    long now = nowSecond();
    int total = countAt(now);
    if (total < HOLD_AT) {
      return Duration.ZERO;
    }
    // The oldest slots leave the window first: wait until enough of them have.
    for (long s = now - SLOTS + 1; s <= now; s++) {
      int slot = (int) Math.floorMod(s, (long) SLOTS);
      if (second[slot] == s) {
        total -= counts[slot];
      }
      if (total < HOLD_AT) {
        return Duration.ofSeconds(s - (now - SLOTS));
      }
    }
    return WINDOW;
  }

  private int countAt(long now) {
    int total = 0;
    for (int i = 0; i < SLOTS; i++) {
      if (now - second[i] < SLOTS) {
        total += counts[i];
      }
    }
    return total;
  }

  private long nowSecond() {
    return Math.floorDiv(nanoTime.getAsLong(), 1_000_000_000L);
  }
}
