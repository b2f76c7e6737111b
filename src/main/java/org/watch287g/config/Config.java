package org.watch287g.config;

/**
 * All settings, one section per concern. Later sections (Slack, Discord, admin) join here.
 *
 * @param source where and how often ICE's lists are read
 * @param storage where snapshots and subscriptions are kept
 */
public record Config(SourceConfig source, StorageConfig storage) {

  /** What runs when there is no config file. */
  public static Config defaults() {
    return new Config(SourceConfig.defaults(), StorageConfig.defaults());
  }

  /** This config with the database at another path ({@code --db}). */
  public Config withDatabase(java.nio.file.Path path) {
    return new Config(source, new StorageConfig(path, storage.busyTimeout()));
  }
}
