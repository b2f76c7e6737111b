package org.watch287g.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.testing.FakeIce;

/**
 * Fault 4 of issue 8, through the jar: the database locked by another process while a publication
 * has to be stored and its alerts sent, and a backup taken meanwhile.
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
        assertTrue(
            Rig.await(
                Duration.ofMinutes(2),
                () -> slack.counts(c -> !c.equals(Rig.ADMIN)).size() >= CHANNELS),
            "every channel told once the lock is released\n" + bot.tail());
        Thread.sleep(2000);
        Map<String, Integer> told = slack.counts(c -> !c.equals(Rig.ADMIN));
        assertTrue(told.values().stream().allMatch(n -> n == 1), told.toString());
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
            lockLine.strip(), backup.status(), told.size());
      }
    }
  }
}
