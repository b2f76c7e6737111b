package org.watch287g.config;

import java.net.URI;
import java.util.Set;

/**
 * The Slack app. Empty {@code botToken} turns Slack off.
 *
 * @param botToken the {@code xoxb-} bot token ({@code SLACK_BOT_TOKEN})
 * @param signingSecret verifies every request Slack sends over HTTP ({@code SLACK_SIGNING_SECRET})
 * @param appToken the {@code xapp-} token; when set, Socket Mode is used and no public URL is
 *     needed ({@code SLACK_APP_TOKEN})
 * @param apiUrl the Web API base; the method name is appended
 * @param port where {@code POST /slack/events} is served in HTTP mode
 * @param bindAddress the address that port is bound to: loopback by default, for a TLS proxy on the
 *     same machine; {@code 0.0.0.0} for one elsewhere (a container's)
 * @param adminChannel the channel ID for operator notices; empty for none
 * @param subscribePermission who may subscribe a channel: {@code members}, {@code admins}, or a
 *     list of user IDs
 * @param historyPerMinute how many {@code conversations.history} calls a minute the app may make to
 *     look for an alert in doubt after a crash: 1 for an app distributed outside Slack's
 *     Marketplace (Slack's limit since 2025), up to 50 for an app internal to its workspace, 0
 *     never to look (alerts in doubt are sent again)
 */
public record SlackConfig(
    String botToken,
    String signingSecret,
    String appToken,
    URI apiUrl,
    int port,
    String bindAddress,
    String adminChannel,
    SubscribePermission subscribePermission,
    int historyPerMinute) {

  /** Slack's pace for {@code conversations.history} for apps outside its Marketplace. */
  public static final int DEFAULT_HISTORY_PER_MINUTE = 1;

  public SlackConfig(
      String botToken,
      String signingSecret,
      String appToken,
      URI apiUrl,
      int port,
      String bindAddress,
      String adminChannel,
      SubscribePermission subscribePermission) {
    this(
        botToken,
        signingSecret,
        appToken,
        apiUrl,
        port,
        bindAddress,
        adminChannel,
        subscribePermission,
        DEFAULT_HISTORY_PER_MINUTE);
  }

  public static final URI SLACK_API = URI.create("https://slack.com/api/");

  /** Only this machine can reach the Slack endpoint unless {@code slack.bindAddress} says more. */
  public static final String LOOPBACK = "127.0.0.1";

  /** Whether Slack is on: a bot token is set. */
  public boolean enabled() {
    return !botToken.isEmpty();
  }

  /** Whether Slack connects by Socket Mode rather than receiving HTTP requests. */
  public boolean socketMode() {
    return !appToken.isEmpty();
  }

  /** Who may subscribe or unsubscribe a channel. */
  public record SubscribePermission(Mode mode, Set<String> users) {
    /** The kinds of rule. */
    public enum Mode {
      /** Any member of the channel. */
      MEMBERS,
      /** Workspace admins and owners. */
      ADMINS,
      /** Only the listed user IDs. */
      USERS
    }
  }
}
