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
      description =
          "YAML config file (see config.example.yml); default: $WATCH287G_CONFIG if set (as in"
              + " the container image). Without either, the defaults run.")
  @Nullable Path configFile;

  @Option(
      names = "--db",
      paramLabel = "PATH",
      description = "SQLite database file; overrides storage.path.")
  @Nullable Path database;

  /** The config: the file (or defaults), with {@code ${VAR}} from the environment and --db. */
  Config load() {
    Path file = configFile;
    String fromEnvironment = System.getenv("WATCH287G_CONFIG");
    if (file == null && fromEnvironment != null && !fromEnvironment.isBlank()) {
      file = Path.of(fromEnvironment);
    }
    Config config = new ConfigLoader(System.getenv()).load(file);
    return database == null ? config : config.withDatabase(database);
  }
}
