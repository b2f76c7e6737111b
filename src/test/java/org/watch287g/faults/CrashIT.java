package org.watch287g.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.testing.FakeIce;

/**
 * Fault 1 of issue 8: the bot killed with SIGKILL again and again during a statewide fan-out, some
 * of the kills while Slack has accepted a message but not yet answered, restarted each time on the
 * same database. Fast form (in {@code mvn verify}): 3 crashes during 150 messages; long form
 * ({@code -Dfaults.long=true}): 20 crashes during 2,000.
 */
class CrashIT {
  @TempDir Path dir;

  @Test
  @DisplayName(
      "killed with SIGKILL at random points of a statewide fan-out and restarted each time, the bot"
          + " loses no alert and repeats at most one per crash")
  void crashesLoseNothing() throws Exception {
    int channels = Rig.longForm() ? 2000 : 150;
    int crashes = Rig.longForm() ? 20 : 3;
    long seed = Long.getLong("faults.seed", System.nanoTime());
    Random random = new Random(seed);
    Path db = dir.resolve("bot.db");
    Rig.baseline(dir, db);
    Rig.seedLouisiana(db, channels);
    try (FakeIce ice = new FakeIce();
        SlackApi slack = new SlackApi()) {
      Rig.publishNext(ice);
      int port = Rig.freePort();
      try (Bot bot =
          new Bot(dir, Rig.config(db, ice, slack, port, "PT1S"), Rig.slackEnv()).start()) {
        int held = 0;
        long t0 = System.currentTimeMillis();
        for (int crash = 0; crash < crashes; crash++) {
          // A random point in this crash's share of the fan-out: the first may fall before or
          // during the transaction that queues it.
          int share = channels / (crashes + 1);
          int target = crash * share + random.nextInt(share);
          Rig.await(Duration.ofMinutes(2), () -> delivered(slack) >= target || !bot.alive());
          assertTrue(bot.alive(), "the bot died by itself\n" + bot.tail());
          if (crash % 2 == 1) {
            // Slack records the next message as accepted and keeps the answer: killed in between.
            slack.holdNext();
            if (slack.awaitHeld(60)) {
              held++;
            }
          }
          System.out.printf(
              "crash %d at %d delivered, %d ms%n",
              crash, delivered(slack), System.currentTimeMillis() - t0);
          bot.kill9();
          slack.release();
          bot.start();
        }
        assertTrue(
            Rig.await(
                Duration.ofMinutes(5), () -> delivered(slack) >= channels && pending(db) == 0),
            "every channel told within 5 minutes of the last restart\n" + bot.tail());
        Thread.sleep(3000); // anything still to come (a duplicate) arrives now
        bot.stop();

        Map<String, Integer> counts = slack.counts(c -> !c.equals(Rig.ADMIN));
        long lost = (long) channels - counts.size();
        int duplicated = counts.values().stream().mapToInt(n -> n - 1).sum();
        System.out.printf(
            "crash faults: %d crashes (%d while Slack held an accepted message), %d messages,"
                + " lost %d, duplicated %d (seed %d)%n",
            crashes, held, channels, lost, duplicated, seed);
        assertEquals(0, lost, "alerts lost");
        assertTrue(
            duplicated <= crashes,
            duplicated + " duplicates over " + crashes + " crashes (seed " + seed + ")");
        assertEquals(
            channels,
            Rig.count(db, "SELECT count(*) FROM outbox WHERE status = 'sent'"),
            "every outbox row is marked sent");
        assertTrue(
            slack.posts(p -> !p.channel().equals(Rig.ADMIN)).stream()
                .allMatch(p -> p.text().toLowerCase(java.util.Locale.ROOT).contains("beauregard")),
            "every alert is the Beauregard Parish one");
      }
    }
  }

  private static int delivered(SlackApi slack) {
    return slack.counts(c -> !c.equals(Rig.ADMIN)).size();
  }

  private static long pending(Path db) {
    return Rig.count(db, "SELECT count(*) FROM outbox WHERE status <> 'sent'");
  }
}
