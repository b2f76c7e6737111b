package org.watch287g.alerts;

import java.time.Instant;

/** Where the delivery side learns how a channel wants its alerts. */
public interface ChannelDirectory {

  /** The channel's options; the defaults for a channel never set up. */
  ChannelOptions options(ChannelRef channel);

  /**
   * Holds a channel's alerts: the bot cannot post there until someone acts. They stay pending and
   * go out once the channel is subscribed again.
   */
  void pause(ChannelRef channel, String reason, Instant at);
}
