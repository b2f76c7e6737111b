package org.watch287g.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.testing.FakeIce;

/**
 * Fault 4 of issue 8, through the jar: the database locked by another process while a publication
 * has to be stored and its alerts sent, and a backup taken meanwhile; the database unwritable.
 */
class DatabaseFaultsIT {
  private static final int CHANNELS = 20;

  @TempDir Path dir;

  @Test
  @DisplayName(
      "another process holding the database's write lock while ICE publishes: the bot keeps"
          + " running and says why it cannot store, a backup still works, and once the lock is"
          + " released the publication is stored and every channel told once; integrity_check ok")
  void lockedDatabase() throws Exception {
    Path db = dir.resolve("bot.db");
    Rig.baseline(dir, db);
    Rig.seedLouisiana(db, CHANNELS);
    try (FakeIce ice = new FakeIce();
        SlackApi slack = new SlackApi()) {
      Rig.publishBaseline(ice);
      int port = Rig.freePort();
      String config =
          Rig.config(db, ice, slack, port, "PT1S")
              .replace("\"storage\":{", "\"storage\":{\"busyTimeout\":\"PT2S\",");
      try (Bot bot = new Bot(dir, config, Rig.slackEnv()).start();
          Connection lock = DriverManager.getConnection("jdbc:sqlite:" + db)) {
        assertTrue(
            Rig.await(Duration.ofMinutes(1), new SlackCommands(port, slack)::listening),
            bot.tail());
        assertTrue(
            Rig.await(Duration.ofMinutes(1), () -> Rig.firstPollDone(bot)),
            "the first poll done\n" + bot.tail());
        try (Statement s = lock.createStatement()) {
          s.execute("PRAGMA busy_timeout = 10000");
          s.execute("BEGIN IMMEDIATE");
          s.execute(
              "INSERT INTO channel (platform, workspace, channel, created_at)"
                  + " VALUES ('slack', 'T1', 'CLOCK', '2025-01-01T00:00:00Z')");
        }
        Rig.publishNext(ice);
        assertTrue(
            Rig.await(
                Duration.ofMinutes(1),
                () -> {
                  String log = bot.log().toLowerCase(Locale.ROOT);
                  return log.contains("busy") || log.contains("locked");
                }),
            "the log says the database is locked\n" + bot.tail());
        Thread.sleep(3000);
        assertTrue(bot.alive(), "still running while locked\n" + bot.tail());
        assertEquals(List.of(), slack.posts(p -> !p.channel().equals(Rig.ADMIN)), "no alert yet");

        // A backup while the bot runs and another process holds the write lock.
        Path copy = dir.resolve("backup.db");
        Bot.Result backup = Bot.command(dir, "backup", copy.toString(), "--db", db.toString());
        assertEquals(0, backup.status(), backup.output());
        assertEquals("ok", Rig.text(copy, "PRAGMA integrity_check"));

        lock.createStatement().execute("ROLLBACK");
        int told = Rig.assertEachToldOnce(slack, CHANNELS, bot, "once the lock is released");
        bot.stop();
        assertEquals("ok", Rig.text(db, "PRAGMA integrity_check"));
        String lockLine =
            bot.log()
                .lines()
                .filter(
                    l ->
                        l.toLowerCase(Locale.ROOT).contains("busy")
                            || l.toLowerCase(Locale.ROOT).contains("locked"))
                .findFirst()
                .orElse("");
        System.out.printf(
            "database faults: write lock held by another process: bot alive, logged \"%s\";"
                + " backup meanwhile exit %d, copy integrity ok; after release %d channels told"
                + " once; integrity ok%n",
            lockLine.strip(), backup.status(), told);
      }
    }
  }

  private static int sh(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  /**
   * Makes the database and its WAL immutable ({@code chattr +i}), or writable again. Tests run as
   * root, for whom {@code chmod} changes nothing; the immutable flag stops root's writes too, even
   * through files already open. Not the {@code -shm} index: SQLite maps it into memory, and a write
   * to a mapped page of an immutable file is a SIGBUS that kills the JVM (tried: it does).
   */
  private static void immutable(Path db, boolean on) throws IOException, InterruptedException {
    for (String suffix : List.of("", "-wal")) {
      Path file = Path.of(db + suffix);
      if (Files.exists(file)) {
        int status = sh("chattr", on ? "+i" : "-i", file.toString());
        if (status != 0) {
          throw new AssertionError("chattr " + (on ? "+i " : "-i ") + file + ": exit " + status);
        }
      }
    }
  }

  /** Whether {@code chattr +i} works here and stops this user's writes. */
  private static boolean immutableWorks(Path dir) throws IOException, InterruptedException {
    Path probe = dir.resolve("probe");
    Files.writeString(probe, "x");
    if (sh("chattr", "+i", probe.toString()) != 0) {
      Files.delete(probe);
      return false;
    }
    boolean refused;
    try {
      Files.writeString(probe, "y", StandardOpenOption.APPEND);
      refused = false;
    } catch (IOException expected) {
      refused = true;
    } finally {
      sh("chattr", "-i", probe.toString());
      Files.delete(probe);
    }
    return refused;
  }

  @Test
  @DisplayName(
      "the database made unwritable while ICE publishes: the bot keeps running and says in one"
          + " line which file it cannot write and what to do; restarted meanwhile, it stops with"
          + " that line; once the file is writable again nothing is corrupt, the publication is"
          + " stored and every channel told once")
  void unwritableDatabase() throws Exception {
    Assumptions.assumeTrue(
        immutableWorks(dir),
        "chattr +i is not available or does not stop writes on this filesystem: the unwritable"
            + " database case is skipped");
    Path db = dir.resolve("bot.db");
    Rig.baseline(dir, db);
    Rig.seedLouisiana(db, CHANNELS);
    try (FakeIce ice = new FakeIce();
        SlackApi slack = new SlackApi()) {
      Rig.publishBaseline(ice);
      int port = Rig.freePort();
      try (Bot bot = new Bot(dir, Rig.config(db, ice, slack, port, "PT1S"), Rig.slackEnv())) {
        bot.start();
        assertTrue(
            Rig.await(Duration.ofMinutes(1), new SlackCommands(port, slack)::listening),
            bot.tail());
        assertTrue(
            Rig.await(Duration.ofMinutes(1), () -> Rig.firstPollDone(bot)),
            "the first poll done\n" + bot.tail());
        String running;
        String restarted;
        int exit;
        immutable(db, true);
        try {
          Rig.publishNext(ice);
          assertTrue(
              Rig.await(Duration.ofMinutes(1), () -> bot.log().contains("database write failed")),
              "the log says the database cannot be written\n" + bot.log());
          Thread.sleep(3000);
          assertTrue(bot.alive(), "still running on an unwritable database\n" + bot.tail());
          assertEquals(List.of(), slack.posts(p -> !p.channel().equals(Rig.ADMIN)), "no alert yet");
          running = firstLine(bot.log(), "database write failed");
          assertTrue(
              running.contains(db.toString()) && running.contains("writable"),
              "the line names the file and what to do: " + running);
          assertFalse(bot.log().contains("\tat "), "no stack trace\n" + bot.log());

          // The operator restarts it before noticing.
          bot.stop();
          bot.start();
          exit = bot.awaitExit(Duration.ofMinutes(1));
          restarted = bot.lastRun();
          assertEquals(1, exit, "the restarted bot stops with an error\n" + restarted);
          String error = firstLine(restarted, "database error");
          assertTrue(
              error.contains(db.toString()) && error.contains("writable"),
              "the line names the file and what to do: " + restarted);
          assertFalse(restarted.contains("\tat "), "no stack trace\n" + restarted);
          restarted = error;
        } finally {
          immutable(db, false);
        }
        assertEquals("ok", Rig.text(db, "PRAGMA integrity_check"));

        bot.start();
        int told =
            Rig.assertEachToldOnce(slack, CHANNELS, bot, "once the database is writable again");
        bot.stop();
        assertEquals("ok", Rig.text(db, "PRAGMA integrity_check"));
        System.out.printf(
            "database faults: unwritable (chattr +i): bot alive, logged \"%s\"; restarted"
                + " meanwhile: exit %d, \"%s\"; writable again: %d channels told once;"
                + " integrity ok%n",
            running, exit, restarted, told);
      }
    }
  }

  /** The first line of a log containing {@code text}, stripped; empty if none. */
  private static String firstLine(String log, String text) {
    return log.lines().filter(l -> l.contains(text)).findFirst().orElse("").strip();
  }
}
