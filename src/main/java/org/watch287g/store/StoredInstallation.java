package org.watch287g.store;

import org.jspecify.annotations.Nullable;

/**
 * One workspace's Slack installation as the store keeps it, tokens in the clear (they are encrypted
 * only in the database).
 *
 * @param team the workspace (team) ID
 * @param appId the app installed
 * @param botUserId the bot's user in that workspace
 * @param botToken the workspace's bot token
 * @param refreshToken the token that renews it, when the app rotates tokens; else null
 * @param expiresAtMillis when the bot token expires (epoch ms), when it rotates; else null
 * @param scopes the scopes granted, comma-separated
 * @param installerUserId who installed the app
 * @param installedAtMillis when (epoch ms)
 */
public record StoredInstallation(
    String team,
    String appId,
    String botUserId,
    String botToken,
    @Nullable String refreshToken,
    @Nullable Long expiresAtMillis,
    String scopes,
    String installerUserId,
    long installedAtMillis) {

  @Override
  public String toString() {
    // Never the tokens: a record's own toString would print them into any log line.
    return "StoredInstallation[team=" + team + ", app=" + appId + "]";
  }
}
