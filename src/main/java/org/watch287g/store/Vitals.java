package org.watch287g.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The numbers an operator watches, counted from the database itself: what was fetched, kept, found
 * and delivered. Counting from the tables rather than in memory means the figures survive a restart
 * and can never disagree with what the bot actually stored.
 */
public final class Vitals {
  private final Database database;

  public Vitals(Database database) {
    this.database = database;
  }

  /**
   * One reading.
   *
   * @param fetches looks at the source by "target/outcome" ("participating/stored", "page/failed")
   * @param lastGoodFetch the last time a list was read from ICE without a failure
   * @param snapshots by "kind/status" ("participating/good")
   * @param events change events by type
   * @param outbox alerts by "platform/status" ("slack/sent", "discord/pending")
   * @param failedAttempts delivery attempts that did not go through, summed over every alert
   */
  public record Reading(
      Map<String, Long> fetches,
      Optional<Instant> lastGoodFetch,
      Map<String, Long> snapshots,
      Map<String, Long> events,
      Map<String, Long> outbox,
      long failedAttempts) {}

  /** Reads every figure; a handful of grouped counts over indexed tables. */
  public Reading read() {
    return database.read(
        c -> {
          Map<String, Long> fetches =
              counts(c, "SELECT target || '/' || outcome, COUNT(*) FROM fetch_attempt GROUP BY 1");
          Optional<Instant> last;
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT MAX(at) FROM fetch_attempt WHERE outcome IN ('stored', 'unchanged', 'quarantined')");
              ResultSet r = s.executeQuery()) {
            String at = r.next() ? r.getString(1) : null;
            last = at == null ? Optional.empty() : Optional.of(Instant.parse(at));
          }
          Map<String, Long> snapshots =
              counts(c, "SELECT kind || '/' || status, COUNT(*) FROM snapshot GROUP BY 1");
          Map<String, Long> events =
              counts(c, "SELECT type, COUNT(*) FROM change_event GROUP BY 1");
          Map<String, Long> outbox =
              counts(c, "SELECT platform || '/' || status, COUNT(*) FROM outbox GROUP BY 1");
          long failed;
          try (PreparedStatement s =
                  c.prepareStatement(
                      // Marking a row sent does not count an attempt: only failures do.
                      "SELECT COALESCE(SUM(attempts), 0) FROM outbox");
              ResultSet r = s.executeQuery()) {
            failed = r.next() ? r.getLong(1) : 0;
          }
          return new Reading(fetches, last, snapshots, events, outbox, failed);
        });
  }

  /** Whether the database answers a query: for readiness. */
  public boolean reachable() {
    try {
      return database.read(
          c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1");
                ResultSet r = s.executeQuery()) {
              return r.next();
            }
          });
    } catch (StorageException e) {
      return false;
    }
  }

  private static Map<String, Long> counts(Connection c, String sql) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        counts.put(r.getString(1), r.getLong(2));
      }
    }
    return counts;
  }

  /**
   * Writes a consistent copy of the whole database to {@code target}, a new SQLite file, while the
   * bot runs. SQLite uses {@code VACUUM INTO} (a read transaction, so writers go on; the copy is
   * compact and ready to open); PostgreSQL is copied row by row from one repeatable read ({@link
   * StoreCopy}), so its backup is a SQLite file too, which {@code migrate-store} moves back.
   *
   * @throws StorageException if the copy fails or {@code target} already exists
   */
  public void backupTo(Path target) {
    if (Files.exists(target)) {
      throw new StorageException(target + " already exists: choose a new file for the backup");
    }
    if (database.dialect() == Dialect.POSTGRESQL) {
      try (Database copy = Database.open(target, Duration.ofSeconds(5))) {
        StoreCopy.copy(database, copy);
      }
      return;
    }
    database.read(
        c -> {
          try (PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
            s.setString(1, target.toAbsolutePath().toString());
            s.execute();
          }
          return Boolean.TRUE;
        });
  }
}
