package org.watch287g.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a request comes from Slack, the way Slack documents it: {@code X-Slack-Signature} is
 * {@code v0=} and the hex HMAC-SHA256, keyed with the app's signing secret, of {@code
 * v0:<X-Slack-Request-Timestamp>:<raw body>}; and the timestamp is recent.
 *
 * <p>This runs before anything else reads the request (Bolt, the replay guard, the log), so that an
 * unsigned request costs one HMAC and is forgotten. It is the only check: Bolt's own, which
 * repeated it over the same bytes, is turned off since it cost a seventh of a command's CPU.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>both headers present, the timestamp a decimal number of seconds: else {@link
 *       Verdict#MISSING};
 *   <li>the timestamp no more than {@link #WINDOW} old: else {@link Verdict#STALE} (Bolt's window);
 *   <li>the timestamp no more than {@link #SKEW} ahead of our clock: else {@link Verdict#FUTURE};
 *   <li>the signature equal, compared in constant time, to the one computed: else {@link
 *       Verdict#FORGED}.
 * </ol>
 *
 * Thread-safe. The secret is never logged nor returned.
 */
final class RequestSignature {
  /** How old a request may be: Bolt's and Slack's documented five minutes. */
  static final Duration WINDOW = Duration.ofMinutes(5);

  /** How far ahead of our clock Slack's may be. */
  static final Duration SKEW = Duration.ofMinutes(1);

  /** A timestamp is at most this many digits: anything longer is not seconds since 1970. */
  private static final int MAX_TIMESTAMP_DIGITS = 12;

  /** What {@link #check} decided. */
  enum Verdict {
    VALID,
    MISSING,
    STALE,
    FUTURE,
    FORGED;

    /** Words for the operator's log. */
    String reason() {
      return switch (this) {
        case VALID -> "valid";
        case MISSING -> "no signature or timestamp";
        case STALE -> "timestamp more than five minutes old (check the clock)";
        case FUTURE -> "timestamp in the future (check the clock)";
        case FORGED -> "signature does not match (check slack.signingSecret)";
      };
    }
  }

  private final SecretKeySpec key;
  private final Clock clock;

  RequestSignature(String signingSecret, Clock clock) {
    if (signingSecret.isEmpty()) {
      throw new IllegalArgumentException("a signing secret is required");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /**
   * @param timestamp {@code X-Slack-Request-Timestamp}, or null when absent
   * @param signature {@code X-Slack-Signature}, or null when absent
   * @param body the raw body, exactly as received
   */
  Verdict check(@Nullable String timestamp, @Nullable String signature, byte[] body) {
    if (timestamp == null || signature == null) {
      return Verdict.MISSING;
    }
    String ts = timestamp.strip();
    if (ts.isEmpty()
        || ts.length() > MAX_TIMESTAMP_DIGITS
        || !ts.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Verdict.MISSING;
    }
    Instant sent = Instant.ofEpochSecond(Long.parseLong(ts));
    Instant now = clock.instant();
    if (sent.isBefore(now.minus(WINDOW))) {
      return Verdict.STALE;
    }
    if (sent.isAfter(now.plus(SKEW))) {
      return Verdict.FUTURE;
    }
    byte[] expected = ("v0=" + hex(hmac(ts, body))).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.FORGED;
  }

  private byte[] hmac(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return s.toString();
  }
}
