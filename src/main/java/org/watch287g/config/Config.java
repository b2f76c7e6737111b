package org.watch287g.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * All settings, one section per concern.
 *
 * @param source where and how often ICE's lists are read
 * @param storage where snapshots and subscriptions are kept
 * @param slack the Slack app (off when its token is empty)
 * @param discord the Discord bot (off when its token is empty)
 * @param alerts the toolkit links alerts end with, and the guard's removal threshold
 * @param admin the operator's health and metrics endpoint
 */
public record Config(
    SourceConfig source,
    StorageConfig storage,
    SlackConfig slack,
    DiscordConfig discord,
    AlertsConfig alerts,
    AdminConfig admin,
    WebConfig web,
    WebhooksConfig webhooks) {

  /** This config with the database at another path ({@code --db}): a SQLite file. */
  public Config withDatabase(Path path) {
    return withStorage(new StorageConfig(path, storage.busyTimeout()));
  }

  /** This config with another database. */
  public Config withStorage(StorageConfig storage) {
    return new Config(source, storage, slack, discord, alerts, admin, web, webhooks);
  }

  /** The chat platforms that are on, for the start-up log; "console" when neither is. */
  public List<String> platforms() {
    List<String> on = new ArrayList<>();
    if (slack.enabled()) {
      on.add(slack.socketMode() ? "Slack (Socket Mode)" : "Slack (HTTP)");
    }
    if (discord.enabled()) {
      on.add("Discord");
    }
    if (on.isEmpty()) {
      on.add("console (no Slack or Discord token set)");
    }
    return on;
  }
}
