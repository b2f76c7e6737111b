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
 * Refuses a signed request seen before. The signature check refuses timestamps older than five
 * minutes, but accepts the same signed bytes again within those five minutes: anyone who captured
 * one request could replay it ({@code subscribe}, {@code unsubscribe}) until then. So each
 * (timestamp, signature) pair is claimed once, and kept until its timestamp is too old to be
 * accepted anyway.
 *
 * <p>Only requests whose signature has been verified may claim a pair ({@link SlackHttpServer}
 * checks first): otherwise anyone could fill the guard with forged pairs and shut out Slack (issue
 * 12). Bounded: at most {@code capacity} pairs. When full of live pairs (hundreds of verified
 * requests a second for five minutes, far beyond any real workspace), new requests are refused
 * rather than forgetting a pair that could then be replayed. Thread-safe.
 *
 * <p>Several instances behind a load balancer share their memory ({@link SharedReplays}, a table in
 * their PostgreSQL database): a pair any of them claimed is a replay to all, and after a restart.
 */
final class ReplayGuard {
  /** How long a timestamp is accepted for ({@link RequestSignature#WINDOW}). */
  static final Duration WINDOW = RequestSignature.WINDOW;

  /** Slack's clocks and ours may differ a little; pairs are kept this much longer. */
  static final Duration SKEW = RequestSignature.SKEW;

  /** What {@link #claim} decided. */
  enum Verdict {
    /** First time seen: go on. */
    FIRST,
    /** Seen before: refuse. */
    REPLAY,
    /** Too many live pairs to remember another: refuse for now. */
    FULL,
    /** The memory shared with other instances cannot be reached: refuse for now. */
    UNAVAILABLE
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

  private final SharedReplays shared;

  ReplayGuard(Clock clock, int capacity) {
    this(clock, capacity, SharedReplays.NONE);
  }

  /** A guard that also records, and asks, the instances sharing {@code shared}. */
  ReplayGuard(Clock clock, int capacity, SharedReplays shared) {
    this.clock = clock;
    this.capacity = capacity;
    this.shared = shared;
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
   * Claims a verified request's pair.
   *
   * @param timestamp {@code X-Slack-Request-Timestamp}, seconds since the epoch, already checked by
   *     {@link RequestSignature} to be a number within its window
   * @param signature {@code X-Slack-Signature}, already verified
   */
  synchronized Verdict claim(String timestamp, String signature) {
    Instant now = clock.instant();
    Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
    expire(now);
    long key = key(timestamp, signature);
    if (seen.containsKey(key)) {
      return Verdict.REPLAY;
    }
    if (seen.size() >= capacity) {
      return Verdict.FULL;
    }
    Instant keepUntil = sent.plus(WINDOW).plus(SKEW);
    boolean first;
    try {
      first = shared.firstSighting(key, keepUntil);
    } catch (RuntimeException e) {
      // Fail closed: without the shared memory a replay to this instance cannot be told apart.
      return Verdict.UNAVAILABLE;
    }
    seen.put(key, keepUntil);
    return first ? Verdict.FIRST : Verdict.REPLAY;
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
