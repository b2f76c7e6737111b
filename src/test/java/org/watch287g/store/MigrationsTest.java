package org.watch287g.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
  @TempDir Path dir;

  private static int count(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getInt(1) : -1;
    }
  }

  private static void run(Path db, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.executeUpdate(statement);
      }
    }
  }

  @Test
  @DisplayName("every script in the migration folder is listed in order")
  void everyScriptInTheMigrationFolderIsListedInOrder() throws IOException {
    List<String> files;
    try (Stream<Path> listing = Files.list(Path.of("src/main/resources/db/migration"))) {
      files = new ArrayList<>(listing.map(p -> p.getFileName().toString()).sorted().toList());
    }
    files.sort(
        (a, b) ->
            Integer.compare(
                Integer.parseInt(a.substring(1, a.indexOf("__"))),
                Integer.parseInt(b.substring(1, b.indexOf("__")))));
    assertEquals(files, Migrations.SCRIPTS);
  }

  @Test
  @DisplayName("a new database gets every table and the latest version")
  void aNewDatabaseGetsEveryTableAndTheLatestVersion() throws SQLException {
    Path db = dir.resolve("new.db");
    Database.open(db, Duration.ofSeconds(1)).close();

    assertEquals(Migrations.SCRIPTS.size(), count(db, "PRAGMA user_version"));
    assertEquals(
        1, count(db, "SELECT count(*) FROM pragma_table_info('channel') WHERE name='paused_at'"));
  }

  @Test
  @DisplayName("opening a current database again changes nothing and keeps its data")
  void openingACurrentDatabaseAgainChangesNothingAndKeepsItsData() throws SQLException {
    Path db = dir.resolve("again.db");
    Database.open(db, Duration.ofSeconds(1)).close();
    run(
        db,
        "INSERT INTO channel (platform, workspace, channel, created_at)"
            + " VALUES ('slack', 'T1', 'C1', '2026-01-01T00:00:00Z')");

    Database.open(db, Duration.ofSeconds(1)).close();

    assertEquals(1, count(db, "SELECT count(*) FROM channel"));
    assertEquals(Migrations.SCRIPTS.size(), count(db, "PRAGMA user_version"));
  }

  @Test
  @DisplayName("a database flyway migrated to v3 carries on from v4 with its data")
  void aDatabaseFlywayMigratedToV3CarriesOnFromV4WithItsData() throws SQLException {
    Path db = dir.resolve("flyway.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      new Migrations(Migrations.SCRIPTS.subList(0, 3)).apply(c, "flyway.db");
    }
    run(
        db,
        "PRAGMA user_version = 0",
        "CREATE TABLE flyway_schema_history (installed_rank INT, version TEXT, success BOOLEAN)",
        "INSERT INTO flyway_schema_history VALUES (1, '1', 1), (2, '2', 1), (3, '3', 1)",
        "INSERT INTO channel (platform, workspace, channel, created_at)"
            + " VALUES ('slack', 'T1', 'C1', '2026-01-01T00:00:00Z')");

    Database.open(db, Duration.ofSeconds(1)).close();

    assertEquals(Migrations.SCRIPTS.size(), count(db, "PRAGMA user_version"));
    assertEquals(1, count(db, "SELECT count(*) FROM channel WHERE paused_reason IS NULL"));
  }

  @Test
  @DisplayName("a failing script leaves the database at the version before it")
  void aFailingScriptLeavesTheDatabaseAtTheVersionBeforeIt() throws SQLException {
    Path db = dir.resolve("broken.db");
    List<String> scripts = new ArrayList<>(Migrations.SCRIPTS.subList(0, 2));
    scripts.add("V2__create_subscriptions.sql"); // again: its tables already exist

    StorageException failed;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      failed =
          assertThrows(StorageException.class, () -> new Migrations(scripts).apply(c, "broken"));
    }

    assertTrue(
        failed.getMessage().contains("V2__create_subscriptions.sql failed"), failed::getMessage);
    assertEquals(2, count(db, "PRAGMA user_version"));
  }

  @Test
  @DisplayName("a database from a newer release is refused with what to do")
  void aDatabaseFromANewerReleaseIsRefusedWithWhatToDo() throws SQLException {
    Path db = dir.resolve("newer.db");
    Database.open(db, Duration.ofSeconds(1)).close();
    run(db, "PRAGMA user_version = 99");

    StorageException refused =
        assertThrows(StorageException.class, () -> Database.open(db, Duration.ofSeconds(1)));

    assertTrue(refused.getMessage().contains("newer watch287g"), refused::getMessage);
    assertTrue(refused.getMessage().contains("restore a backup"), refused::getMessage);
    assertEquals(99, count(db, "PRAGMA user_version"));
  }
}
