package org.watch287g.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the SQLite database lives.
 *
 * @param path the database file; created with its folder on first use
 * @param busyTimeout how long a write waits for another writer before failing
 */
public record StorageConfig(Path path, Duration busyTimeout) {

  public static StorageConfig defaults() {
    return new StorageConfig(Path.of("watch287g.db"), Duration.ofSeconds(5));
  }
}
