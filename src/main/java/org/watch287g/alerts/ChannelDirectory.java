package org.watch287g.alerts;

/** Where the delivery side learns how a channel wants its alerts. */
public interface ChannelDirectory {

  /** The channel's options; the defaults for a channel never set up. */
  ChannelOptions options(ChannelRef channel);
}
