package org.watch287g.alerts;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A place alerts go: a channel of a Slack workspace, of a Discord guild, or the console.
 *
 * @param platform "slack", "discord" or "console"
 * @param workspace the Slack team ID or Discord guild ID ("local" for the console)
 * @param channel the channel ID
 */
public record ChannelRef(String platform, String workspace, String channel) {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public ChannelRef {
    Objects.requireNonNull(platform, "platform");
    for (String part : new String[] {platform, workspace, channel}) {
      if (!ID.matcher(part).matches()) {
        throw new IllegalArgumentException("not an ID: " + part);
      }
    }
  }

  /**
   * A platform's admin channel, as configured ({@code slack.adminChannel}, {@code
   * discord.adminChannel}): known by its ID alone, so its workspace is the placeholder {@code
   * admin}.
   */
  public static ChannelRef admin(String platform, String channel) {
    return new ChannelRef(platform, "admin", channel);
  }

  /** The console's one channel. */
  public static ChannelRef console() {
    return new ChannelRef("console", "local", "console");
  }

  @Override
  public String toString() {
    return platform + ":" + workspace + "/" + channel;
  }
}
