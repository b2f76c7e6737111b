package org.watch287g.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.watch287g.retry.Doubling;

/**
 * What happens to an alert the platform did not take: when to try again, or when to give up.
 *
 * <p>A rate limit is obeyed exactly ({@code Retry-After}); a transient failure waits a doubling
 * delay ({@link Doubling}, from {@code base}, capped at {@code cap}) with ±20% jitter, so that many
 * channels failing together do not retry together; after {@code maxAttempts} failures, or at once
 * for a refusal, the alert is dead-lettered and the operator told.
 *
 * @param base the first backoff
 * @param cap the longest backoff
 * @param maxAttempts failures before giving up (waiting out a rate limit is not one)
 */
public record RetryPolicy(Duration base, Duration cap, int maxAttempts) {

  /** 2 s doubling to 15 minutes, 10 attempts: about an hour of trying before giving up. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(15), 10);
  }

  /**
   * When to try again after {@code result}, which was attempt number {@code attempts} (1 for the
   * first failure); empty to give up.
   *
   * @param random a number in [0, 1) for the jitter
   */
  public Optional<Instant> retryAt(
      DeliveryResult result, int attempts, Instant now, DoubleSupplier random) {
    if (result instanceof DeliveryResult.Rejected) {
      return Optional.empty();
    }
    if (result instanceof DeliveryResult.RetryAfter retry) {
      // A rate limit says exactly when to come back; it is never a reason to give up.
      return Optional.of(now.plus(retry.delay()));
    }
    if (result instanceof DeliveryResult.Unconfirmed unconfirmed) {
      return Optional.of(now.plus(unconfirmed.delay()));
    }
    if (attempts >= maxAttempts) {
      return Optional.empty();
    }
    return Optional.of(now.plus(new Doubling(base, cap).delay(attempts - 1, random.getAsDouble())));
  }
}
