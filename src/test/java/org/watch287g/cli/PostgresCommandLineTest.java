package org.watch287g.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.dataset.ListKind;
import org.watch287g.store.Database;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.testing.TestStores;
import org.watch287g.watch.BundledSnapshots;

/**
 * {@code import}, {@code backup} and {@code migrate-store} against PostgreSQL, as a user runs them.
 */
class PostgresCommandLineTest {
  @RegisterExtension final TestStores stores = new TestStores();
  @TempDir Path dir;

  Path copy(String bundled) throws Exception {
    Path file = dir.resolve(bundled);
    Files.write(file, BundledSnapshots.read(bundled));
    return file;
  }

  Path config(String url) throws Exception {
    Path file = dir.resolve("config-" + Integer.toHexString(url.hashCode()) + ".yml");
    Files.writeString(file, "storage:\n  url: \"" + url + "\"\n", StandardCharsets.UTF_8);
    return file;
  }

  @Test
  @DisplayName(
      "files imported into PostgreSQL are backed up as a SQLite file, which migrate-store moves"
          + " into another PostgreSQL database with every table counted in both")
  void importBackupAndMigrate() throws Exception {
    String shared = stores.freshSchema();
    CommandLineTest.Result imported =
        CommandLineTest.run(
            "import",
            copy("2025-05-16-participating.xlsx").toString(),
            copy("2025-05-19-participating.xlsx").toString(),
            "--config",
            config(shared).toString());
    assertEquals(0, imported.status(), imported.out() + imported.err());
    assertTrue(imported.out().contains("2 of 2 imported into " + shared), imported.out());

    Path backup = dir.resolve("backup.db");
    CommandLineTest.Result backedUp =
        CommandLineTest.run("backup", backup.toString(), "--config", config(shared).toString());
    assertEquals(0, backedUp.status(), backedUp.out() + backedUp.err());
    try (Database file = Database.open(backup, Duration.ofSeconds(1))) {
      assertEquals(
          581,
          new SnapshotRepository(file)
              .latestGood(ListKind.PARTICIPATING)
              .orElseThrow()
              .publication()
              .agreements()
              .size());
    }

    String restored = stores.freshSchema();
    CommandLineTest.Result moved =
        CommandLineTest.run("migrate-store", "--from", backup.toString(), "--to", restored);
    assertEquals(0, moved.status(), moved.out() + moved.err());
    assertTrue(moved.out().contains("snapshot: 2 rows, counted in both"), moved.out());
    assertEquals(
        2L,
        new SnapshotRepository(stores.reopen(restored))
            .latestGoodId(ListKind.PARTICIPATING)
            .orElseThrow());
  }

  @Test
  @DisplayName("migrate-store into a database that already holds rows is refused with exit 1")
  void migrateRefusesAFullDatabase() throws Exception {
    String shared = stores.freshSchema();
    CommandLineTest.run(
        "import",
        copy("2025-05-16-participating.xlsx").toString(),
        "--config",
        config(shared).toString());
    Path file = dir.resolve("bot.db");
    CommandLineTest.run(
        "import", copy("2025-05-19-participating.xlsx").toString(), "--db", file.toString());

    CommandLineTest.Result refused =
        CommandLineTest.run("migrate-store", "--from", file.toString(), "--to", shared);

    assertEquals(1, refused.status(), refused.out());
    assertTrue(refused.err().contains("already holds rows"), refused.err());
  }
}
