package org.watch287g.slack;

import org.jspecify.annotations.Nullable;

/**
 * One workspace that installed the app through "Add to Slack".
 *
 * @param team the workspace (team) ID
 * @param appId the app installed
 * @param botUserId the bot's user in that workspace
 * @param botToken the workspace's own {@code xoxb-} token
 * @param refreshToken renews the bot token when the app rotates tokens; else null
 * @param expiresAtMillis when the bot token expires (epoch ms) when it rotates; else null
 * @param scopes the scopes granted, comma-separated
 * @param installerUserId who installed it: the workspace's own notices go to them
 * @param installedAtMillis when (epoch ms)
 */
public record Installation(
    String team,
    String appId,
    String botUserId,
    String botToken,
    @Nullable String refreshToken,
    @Nullable Long expiresAtMillis,
    String scopes,
    String installerUserId,
    long installedAtMillis) {

  /** The same installation with a renewed token. */
  Installation renewed(String token, String refresh, long expiresAt) {
    return new Installation(
        team,
        appId,
        botUserId,
        token,
        refresh,
        expiresAt,
        scopes,
        installerUserId,
        installedAtMillis);
  }

  @Override
  public String toString() {
    // Never the tokens: a record's own toString would print them into any log line.
    return "Installation[team=" + team + ", app=" + appId + ", installer=" + installerUserId + "]";
  }
}
