package org.watch287g.commands;

import java.util.Objects;
import org.watch287g.alerts.ChannelRef;

/**
 * Who typed a command, and where.
 *
 * @param channel the channel it was typed in (platform, workspace or guild, channel)
 * @param user the platform's user ID ("local" on the console), recorded with subscriptions
 * @param canManage whether the platform says this user may change what the channel follows (Slack:
 *     the configured permission; Discord: Manage Channels; the console: always)
 */
public record Invoker(ChannelRef channel, String user, boolean canManage) {
  public Invoker {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(user, "user");
  }

  /** The person at the console: the one channel, allowed everything. */
  public static Invoker console() {
    return new Invoker(ChannelRef.console(), "local", true);
  }
}
