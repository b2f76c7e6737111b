package org.watch287g.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class DatabaseTest {
  @TempDir Path dir;

  private static long count(Database db) {
    return db.read(
        c -> {
          try (var s = c.createStatement();
              var r = s.executeQuery("SELECT count(*) FROM t")) {
            r.next();
            return r.getLong(1);
          }
        });
  }

  @Test
  @DisplayName(
      "a write SQLite has already rolled back (a full disk, an I/O error) fails with its own"
          + " reason, not 'no transaction is active', and the next write still commits")
  void theRealReasonSurvivesSqlitesOwnRollback() {
    try (Database db = Database.open(dir.resolve("bot.db"), Duration.ofSeconds(1))) {
      db.write(c -> c.createStatement().execute("CREATE TABLE t (x INTEGER)"));

      StorageException e =
          assertThrows(
              StorageException.class,
              () ->
                  db.write(
                      c -> {
                        c.createStatement().execute("INSERT INTO t VALUES (1)");
                        // What SQLite does on SQLITE_FULL or SQLITE_IOERR: the transaction is gone.
                        c.createStatement().execute("ROLLBACK");
                        throw new SQLException("disk I/O error");
                      }));

      assertTrue(e.getMessage().contains("disk I/O error"), e.getMessage());
      assertFalse(e.getMessage().contains("no transaction is active"), e.getMessage());
      db.write(c -> c.createStatement().execute("INSERT INTO t VALUES (2)"));
      assertEquals(1, count(db));
    }
  }

  @Test
  @DisplayName(
      "a write the file refuses (read-only) names the database file and says what to make"
          + " writable")
  void anUnwritableFileIsNamed() {
    Path file = dir.resolve("bot.db");
    try (Database db = Database.open(file, Duration.ofSeconds(1))) {
      StorageException e =
          assertThrows(
              StorageException.class,
              () ->
                  db.write(
                      c -> {
                        throw new SQLiteException(
                            "attempt to write a readonly database",
                            SQLiteErrorCode.SQLITE_READONLY);
                      }));

      assertTrue(e.getMessage().startsWith("database write failed: "), e.getMessage());
      assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
      assertTrue(e.getMessage().contains("writable"), e.getMessage());
    }
  }

  @Test
  @DisplayName("a write that fails for another reason (a constraint) gets no advice about files")
  void otherFailuresGetNoFileAdvice() {
    try (Database db = Database.open(dir.resolve("bot.db"), Duration.ofSeconds(1))) {
      db.write(c -> c.createStatement().execute("CREATE TABLE t (x INTEGER PRIMARY KEY)"));
      db.write(c -> c.createStatement().execute("INSERT INTO t VALUES (1)"));

      StorageException e =
          assertThrows(
              StorageException.class,
              () -> db.write(c -> c.createStatement().execute("INSERT INTO t VALUES (1)")));

      assertFalse(e.getMessage().contains("writable"), e.getMessage());
    }
  }
}
