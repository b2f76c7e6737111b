package org.watch287g.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Brings a database to the current schema by running {@code db/migration/V<n>__<what>.sql} in
 * order, each in its own transaction together with the version it reaches ({@code PRAGMA
 * user_version} on SQLite, a {@code schema_version} table on PostgreSQL), so a failed script leaves
 * the database as it was. {@link Dialect#schema} turns each script into the database's dialect.
 *
 * <p>Why not a migration library: four scripts need a loop, and Flyway cost the bot a fifth of a
 * second at every start and three libraries in the jar. Databases it migrated (releases before 0.2)
 * carry on from the version in its {@code flyway_schema_history} table.
 */
final class Migrations {
  /** Every migration, oldest first; a new one is added at the end and never edited after. */
  static final List<String> SCRIPTS =
      List.of(
          "V1__create_snapshots.sql",
          "V2__create_subscriptions.sql",
          "V3__create_events_and_outbox.sql",
          "V4__channel_pause.sql",
          "V5__parse_journal.sql",
          "V6__channel_note_and_mention.sql",
          "V7__change_event_by_snapshot.sql",
          "V8__change_event_previous_model.sql",
          "V9__outbox_lease.sql",
          "V10__webhooks.sql",
          "V11__slack_installations.sql",
          "V12__instance_heartbeat.sql",
          "V13__seen_request.sql",
          "V14__workspace_admin.sql",
          "V15__heartbeat_shards_wanted.sql");

  private final List<String> scripts;

  Migrations(List<String> scripts) {
    this.scripts = List.copyOf(scripts);
  }

  /**
   * Applies the scripts this database lacks. The migration's lock ({@code BEGIN IMMEDIATE}, an
   * advisory lock) is taken before the version is read, so two processes starting at once migrate
   * it only once.
   *
   * @throws StorageException if a script fails, or the database was made by a newer release
   */
  void apply(Connection connection, String database) throws SQLException {
    apply(connection, database, Dialect.SQLITE);
  }

  /** Applies the scripts this database lacks, in its dialect. */
  void apply(Connection connection, String database, Dialect dialect) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      if (version(sql, dialect) == scripts.size()) {
        return; // the usual start: nothing to lock
      }
    }
    for (int next = 1; next <= scripts.size(); next++) {
      try (Statement sql = connection.createStatement()) {
        dialect.beginMigration(sql);
        try {
          int version = version(sql, dialect);
          if (version > scripts.size()) {
            throw new StorageException(
                database
                    + " was written by a newer watch287g (schema "
                    + version
                    + "; this release knows "
                    + scripts.size()
                    + "): run the newer release, or restore a backup taken before the upgrade");
          }
          if (version >= next) {
            sql.executeUpdate("COMMIT");
            continue;
          }
          // Both drivers run every statement of the script, comments and all.
          sql.executeUpdate(dialect.schema(script(scripts.get(next - 1))));
          dialect.setVersion(sql, next);
          sql.executeUpdate("COMMIT");
        } catch (SQLException | RuntimeException e) {
          rollback(sql, e);
          if (e instanceof SQLException failed) {
            throw new StorageException(
                "cannot prepare "
                    + database
                    + ": "
                    + scripts.get(next - 1)
                    + " failed: "
                    + failed.getMessage(),
                failed);
          }
          throw e;
        }
      }
    }
  }

  /** The schema version: {@code user_version}, or where Flyway left a database it migrated. */
  private static int version(Statement sql, Dialect dialect) throws SQLException {
    int version = dialect.version(sql);
    if (version > 0 || dialect != Dialect.SQLITE) {
      return version;
    }
    try (ResultSet table =
        sql.executeQuery(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                + " AND name = 'flyway_schema_history'")) {
      if (!table.next() || table.getInt(1) == 0) {
        return 0;
      }
    }
    try (ResultSet flyway =
        sql.executeQuery(
            "SELECT coalesce(max(CAST(version AS INTEGER)), 0) FROM flyway_schema_history"
                + " WHERE success = 1")) {
      return flyway.next() ? flyway.getInt(1) : 0;
    }
  }

  private static void rollback(Statement sql, Exception cause) {
    try {
      sql.executeUpdate("ROLLBACK");
    } catch (SQLException alreadyRolledBack) {
      cause.addSuppressed(alreadyRolledBack);
    }
  }

  private static String script(String name) {
    try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks /db/migration/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /db/migration/" + name, e);
    }
  }
}
