package org.watch287g.alerts;

import java.time.Duration;

/**
 * What a platform did with a message, as its adapter classifies it. The adapter classifies; the
 * {@link DeliveryWorker} decides what happens next.
 */
public sealed interface DeliveryResult {

  /**
   * Every kind of outcome, one per record: a {@code switch} over {@link #kind()} with no default
   * must name them all, so the compiler refuses a worker that forgets a new one (Java 17 cannot
   * switch over a sealed type itself).
   */
  enum Kind {
    SENT,
    RETRY_AFTER,
    UNCONFIRMED,
    FAILED,
    REJECTED,
    UNAVAILABLE,
    UNAUTHORIZED
  }

  /** Which outcome this is. */
  Kind kind();

  /** The outcome in a few words, for the outbox's last error and the log. */
  String describe();

  /** The platform accepted the message. */
  record Sent() implements DeliveryResult {
    @Override
    public Kind kind() {
      return Kind.SENT;
    }

    @Override
    public String describe() {
      return "sent";
    }
  }

  /** The platform asked to wait (a rate limit): try again after {@code delay}. */
  record RetryAfter(Duration delay, String reason) implements DeliveryResult {
    @Override
    public Kind kind() {
      return Kind.RETRY_AFTER;
    }

    @Override
    public String describe() {
      return "rate limited: " + reason;
    }
  }

  /**
   * Whether an earlier send of this message reached the channel is not known yet (the bot crashed
   * mid-send, and the platform's history cannot be looked at before {@code delay}): nothing was
   * sent; ask again after {@code delay}, the message still in doubt. Not a failed attempt.
   */
  record Unconfirmed(Duration delay, String reason) implements DeliveryResult {
    @Override
    public Kind kind() {
      return Kind.UNCONFIRMED;
    }

    @Override
    public String describe() {
      return "in doubt: " + reason;
    }
  }

  /** Something transient went wrong (a timeout, a 5xx): try again later, with backoff. */
  record Failed(String reason) implements DeliveryResult {
    @Override
    public Kind kind() {
      return Kind.FAILED;
    }

    @Override
    public String describe() {
      return reason;
    }
  }

  /** The platform refused this message for good (it is malformed, too long): do not try again. */
  record Rejected(String reason) implements DeliveryResult {
    @Override
    public Kind kind() {
      return Kind.REJECTED;
    }

    @Override
    public String describe() {
      return "refused: " + reason;
    }
  }

  /**
   * The channel cannot be reached until someone acts (the bot is not in it, lost access, the
   * channel was archived or deleted): hold its alerts, pause the channel and tell the operator.
   * Nothing is given up: subscribing the channel again resumes it.
   */
  record Unavailable(String reason) implements DeliveryResult {
    @Override
    public Kind kind() {
      return Kind.UNAVAILABLE;
    }

    @Override
    public String describe() {
      return "unavailable: " + reason;
    }
  }

  /**
   * The platform refuses the bot itself (token revoked or invalid): hold every alert to the
   * platform and tell the operator; they resume once the token is fixed and the bot restarted.
   */
  record Unauthorized(String reason) implements DeliveryResult {
    @Override
    public Kind kind() {
      return Kind.UNAUTHORIZED;
    }

    @Override
    public String describe() {
      return "unauthorized: " + reason;
    }
  }
}
