package org.watch287g.commands;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.ChannelOptions;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Subscription;
import org.watch287g.alerts.Target;

/**
 * The port through which commands change what a channel follows and how it hears (implemented in
 * {@code store} by the subscription repository).
 */
public interface ChannelSettings {

  /**
   * Makes a channel follow a place (creating the channel with default options if new).
   *
   * @param by the user who asked, recorded with the subscription; null if unknown
   * @return false if it already followed it
   */
  boolean follow(ChannelRef channel, Target target, Instant at, @Nullable String by);

  /**
   * Stops a channel following a place.
   *
   * @return false if it did not follow it
   */
  boolean unfollow(ChannelRef channel, Target target);

  /** A channel's subscription, if it has ever been set up. */
  Optional<Subscription> find(ChannelRef channel);

  /** A channel's options, or the defaults for a channel never set up. */
  ChannelOptions options(ChannelRef channel);

  /** Why the channel's alerts are on hold (the bot could not post there), if they are. */
  Optional<String> pausedReason(ChannelRef channel);

  /** Sets a channel's options (creating the channel if new). */
  void setOptions(ChannelRef channel, ChannelOptions options, Instant at);

  /**
   * The channel a workspace's own notices go to ({@code /287g admin here}), if one is set.
   *
   * @param platform "slack" or "discord"
   * @param workspace the Slack workspace or Discord server
   */
  Optional<String> adminChannel(String platform, String workspace);

  /** Makes {@code channel} its workspace's admin channel, in place of any other. */
  void setAdminChannel(ChannelRef channel, Instant at, @Nullable String by);

  /**
   * Stops sending a workspace's notices to an admin channel of its own.
   *
   * @return whether one was set
   */
  boolean clearAdminChannel(String platform, String workspace);
}
