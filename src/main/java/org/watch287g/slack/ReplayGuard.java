package org.watch287g.slack;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refuses a signed request seen before. Bolt checks the signature and refuses timestamps older than
 * five minutes, but accepts the same signed bytes again within those five minutes: anyone who
 * captured one request could replay it ({@code subscribe}, {@code unsubscribe}) until then. So each
 * (timestamp, signature) pair is claimed once, and kept until its timestamp is too old for Bolt to
 * accept anyway; a pair Bolt then refuses is released, so that only accepted ones are remembered.
 *
 * <p>Bounded: at most {@code capacity} pairs. When full of live pairs (hundreds of requests a
 * second for five minutes, far beyond any real workspace), new requests are refused rather than
 * forgetting a pair that could then be replayed. Thread-safe.
 */
final class ReplayGuard {
  /** Bolt's window for a request's timestamp. */
  static final Duration WINDOW = Duration.ofMinutes(5);

  /** Slack's clocks and ours may differ a little; pairs are kept this much longer. */
  static final Duration SKEW = Duration.ofMinutes(1);

  /** What {@link #claim} decided. */
  enum Verdict {
    /** First time seen: go on. */
    FIRST,
    /** Seen before: refuse. */
    REPLAY,
    /** The timestamp is in the future beyond the clock skew: refuse. */
    FUTURE,
    /** Too many live pairs to remember another: refuse for now. */
    FULL
  }

  private final Clock clock;
  private final int capacity;
  // Insertion order is expiry order, near enough: each entry's expiry is its timestamp plus a
  // constant, and timestamps arrive in order within the clock skew.
  // Keys are 64 bits of a hash of the pair, not the pair's 80-odd characters: a tenth of the
  // memory, so the bound can cover a busy hour. Two pairs sharing a key (odds of 2^-64 per pair)
  // would only refuse a fresh request, never admit a replay.
  private final LinkedHashMap<Long, Instant> seen = new LinkedHashMap<>();
  private final MessageDigest sha256;

  ReplayGuard(Clock clock, int capacity) {
    this.clock = clock;
    this.capacity = capacity;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The pair's key: the first 8 bytes of its SHA-256. Called with the lock held. */
  private long key(String timestamp, String signature) {
    byte[] digest =
        sha256.digest(
            (timestamp.strip() + ":" + signature.strip()).getBytes(StandardCharsets.UTF_8));
    return ByteBuffer.wrap(digest).getLong();
  }

  /**
   * Claims a request's pair. A timestamp that is not a number is let through: Bolt refuses it.
   *
   * @param timestamp {@code X-Slack-Request-Timestamp}, seconds since the epoch
   * @param signature {@code X-Slack-Signature}
   */
  synchronized Verdict claim(String timestamp, String signature) {
    Instant now = clock.instant();
    Instant sent;
    try {
      sent = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return Verdict.FIRST;
    }
    if (sent.isAfter(now.plus(SKEW))) {
      return Verdict.FUTURE;
    }
    expire(now);
    long key = key(timestamp, signature);
    if (seen.containsKey(key)) {
      return Verdict.REPLAY;
    }
    if (seen.size() >= capacity) {
      return Verdict.FULL;
    }
    seen.put(key, sent.plus(WINDOW).plus(SKEW));
    return Verdict.FIRST;
  }

  /** Forgets a pair whose request was refused, so only accepted requests are remembered. */
  synchronized void release(String timestamp, String signature) {
    seen.remove(key(timestamp, signature));
  }

  synchronized int size() {
    return seen.size();
  }

  private void expire(Instant now) {
    Iterator<Map.Entry<Long, Instant>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      if (it.next().getValue().isBefore(now)) {
        it.remove();
      } else {
        // Later entries expire later (within the skew); they are removed on a later call.
        break;
      }
    }
  }
}
