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
 * @param distribution "Add to Slack" for any number of workspaces; off when its client ID is empty
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
    int historyPerMinute,
    Distribution distribution) {

  /** Slack's pace for {@code conversations.history} for apps outside its Marketplace. */
  public static final int DEFAULT_HISTORY_PER_MINUTE = 1;

  public static final URI SLACK_API = URI.create("https://slack.com/api/");

  /** Only this machine can reach the Slack endpoint unless {@code slack.bindAddress} says more. */
  public static final String LOOPBACK = "127.0.0.1";

  /** Whether Slack is on: a bot token is set, or a client ID for "Add to Slack". */
  public boolean enabled() {
    return !botToken.isEmpty() || multiWorkspace();
  }

  /**
   * Whether any number of workspaces install the bot through {@code /slack/install} ({@code
   * slack.clientId} set), each with its own token kept in the store, rather than one workspace's
   * {@code slack.botToken}.
   */
  public boolean multiWorkspace() {
    return !distribution.clientId().isEmpty();
  }

  /** Slack's page where a workspace admin approves the install. */
  public static final URI SLACK_AUTHORIZE = URI.create("https://slack.com/oauth/v2/authorize");

  /**
   * The scopes the code uses, and nothing more: answer {@code /287g} ({@code commands}), post
   * ({@code chat:write}), join a public channel to post there ({@code channels:join}), tell a
   * member from an admin ({@code users:read}), attach a CSV or a map ({@code files:write}), and
   * look for an alert in doubt after a crash ({@code channels:history}).
   */
  public static final String DEFAULT_SCOPES =
      "commands,chat:write,channels:join,users:read,files:write,channels:history";

  /**
   * "Add to Slack" for a whole network: an app distributed to any number of workspaces.
   *
   * @param clientId the app's client ID ({@code SLACK_CLIENT_ID}); empty: off
   * @param clientSecret the app's client secret ({@code SLACK_CLIENT_SECRET})
   * @param scopes the bot scopes asked for, comma-separated
   * @param authorizeUrl Slack's approval page (another for fakes)
   * @param redirectUri where Slack sends the admin back ({@code /slack/oauth_redirect} under {@code
   *     web.publicUrl} unless {@code slack.redirectUri} says otherwise); null when neither is set
   * @param secretKey the AES key that encrypts workspaces' tokens in the store, from {@code
   *     WATCH287G_SECRET_KEY} (base64 of 32 bytes); empty when not set
   */
  public record Distribution(
      String clientId,
      String clientSecret,
      String scopes,
      URI authorizeUrl,
      @org.jspecify.annotations.Nullable URI redirectUri,
      String secretKey) {
    /** No distribution: one workspace's bot token. */
    public static final Distribution OFF =
        new Distribution("", "", DEFAULT_SCOPES, SLACK_AUTHORIZE, null, "");

    @Override
    public String toString() {
      // The record's own toString would print the client secret and the key.
      return "Distribution[clientId=" + clientId + ", scopes=" + scopes + "]";
    }
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
