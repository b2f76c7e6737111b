package org.watch287g.alerts;

/**
 * A platform's way out: sends one alert, or one part of a digest, to one channel and says how it
 * went. Each platform's adapter (console, Slack, Discord) renders the platform-neutral message in
 * its own format, within its own limits.
 *
 * <p>Never throws for a platform problem: every outcome is a {@link DeliveryResult}, classified by
 * the adapter; what to do next is the {@link DeliveryWorker}'s decision.
 */
public interface Deliverer {

  /** The platform this deliverer serves, as in {@link ChannelRef#platform()}. */
  String platform();

  /** The most items and characters one digest message may carry on this platform. */
  DigestBudget digestBudget();

  /**
   * How fast the platform lets the bot post; the worker paces its sends within these. None by
   * default.
   */
  default RateLimits rateLimits() {
    return RateLimits.none();
  }

  /**
   * Whether this instance posts to the channel now. False for a channel another instance posts to
   * (a Discord server whose shard another instance runs): the worker leaves its alerts alone, not
   * claimed and not postponed, for that instance. True by default: any instance reaches any
   * channel.
   */
  default boolean reaches(ChannelRef channel) {
    return true;
  }

  /** Sends one alert. */
  DeliveryResult deliver(ChannelRef channel, AlertMessage alert);

  /** Sends one part of a digest. */
  DeliveryResult deliver(ChannelRef channel, DigestPart digest);

  /**
   * Sends one alert of the outbox, marked with its {@code key} where the platform allows, so that
   * sending it again after a crash does not post it twice (Discord's nonce, Slack's metadata); a
   * {@code key} in doubt may first be looked for. By default the key is not used.
   */
  default DeliveryResult deliver(ChannelRef channel, AlertMessage alert, OutboxKey key) {
    return deliver(channel, alert);
  }

  /**
   * Sends one part of a digest of the outbox, as {@link #deliver(ChannelRef, AlertMessage,
   * OutboxKey)}.
   */
  default DeliveryResult deliver(ChannelRef channel, DigestPart digest, OutboxKey key) {
    return deliver(channel, digest);
  }

  /** Sends an operator notice to the platform's admin channel. */
  DeliveryResult deliver(ChannelRef adminChannel, Notice notice);

  /**
   * A platform's limits for one digest message, in the terms of {@link Digest#split}.
   *
   * @param maxItems lines per message
   * @param maxChars characters of lines per message
   */
  record DigestBudget(int maxItems, int maxChars) {}
}
