package org.watch287g.alerts;

import java.time.Duration;

/**
 * What a platform did with a message, as its adapter classifies it. The adapter classifies; the
 * {@link DeliveryWorker} decides what happens next.
 */
public sealed interface DeliveryResult {

  /** The platform accepted the message. */
  record Sent() implements DeliveryResult {}

  /** The platform asked to wait (a rate limit): try again after {@code delay}. */
  record RetryAfter(Duration delay, String reason) implements DeliveryResult {}

  /** Something transient went wrong (a timeout, a 5xx): try again later, with backoff. */
  record Failed(String reason) implements DeliveryResult {}

  /** The platform refused for good (channel gone, bot removed): do not try again. */
  record Rejected(String reason) implements DeliveryResult {}
}
