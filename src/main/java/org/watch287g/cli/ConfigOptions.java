package org.watch287g.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import picocli.CommandLine.Option;

/**
 * The options every command that touches the database shares: {@code --config} and {@code --db}.
 */
final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML config file (see config.example.yml). Without it, the defaults run.")
  @Nullable Path configFile;

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description = "SQLite database file; overrides storage.path.")
  @Nullable Path database;

  /** The config: the file (or defaults), with {@code ${VAR}} from the environment and --db. */
  Config load() {
    Config config = new ConfigLoader(System.getenv()).load(configFile);
    return database == null ? config : config.withDatabase(database);
  }
}
