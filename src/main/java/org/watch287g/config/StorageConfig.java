package org.watch287g.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the database lives: a SQLite file (the default), or a PostgreSQL database that several
 * instances share when {@code url} is set.
 *
 * @param path the SQLite database file; created with its folder on first use
 * @param busyTimeout how long a SQLite write waits for another writer before failing
 * @param url empty for SQLite, or {@code jdbc:postgresql://host[:port]/database}
 * @param user PostgreSQL's user (default {@code WATCH287G_DB_USER}; empty leaves it to the driver,
 *     which reads {@code PGUSER})
 * @param password PostgreSQL's password (default {@code WATCH287G_DB_PASSWORD}), never logged
 * @param poolSize the most connections to PostgreSQL this instance holds in its pool
 */
public record StorageConfig(
    Path path, Duration busyTimeout, String url, String user, String password, int poolSize) {

  /** The pool's default bound: delivery, the poller and commands rarely need more at once. */
  public static final int DEFAULT_POOL_SIZE = 8;

  /** A SQLite database. */
  public StorageConfig(Path path, Duration busyTimeout) {
    this(path, busyTimeout, "", "", "", DEFAULT_POOL_SIZE);
  }

  public static StorageConfig defaults() {
    return new StorageConfig(Path.of("watch287g.db"), Duration.ofSeconds(5));
  }

  /** Whether the database is PostgreSQL. */
  public boolean postgres() {
    return !url.isEmpty();
  }

  /** Where the database is, as the operator reads it (never the password). */
  public String describe() {
    return postgres() ? url : path.toString();
  }

  @Override
  public String toString() {
    return "StorageConfig[" + describe() + "]";
  }
}
