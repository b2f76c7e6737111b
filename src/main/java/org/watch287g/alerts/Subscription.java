package org.watch287g.alerts;

import java.util.Set;

/**
 * A channel, what it follows and how it wants to hear.
 *
 * @param channel where alerts go
 * @param targets the counties and whole states it follows
 * @param options language, pending requests, models, digest threshold
 */
public record Subscription(ChannelRef channel, Set<Target> targets, ChannelOptions options) {

  public Subscription {
    targets = Set.copyOf(targets);
  }
}
