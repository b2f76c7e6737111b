package org.watch287g.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.testing.FakeIce;

/**
 * Fault 3 of issue 8: Slack misbehaving under the packaged jar during a statewide fan-out (the
 * 2025-05-19 publication: Beauregard Parish, Louisiana, signs) to channels following Louisiana.
 */
class PlatformFaultsIT {
  private static final int CHANNELS = 10;

  @TempDir Path dir;

  private Path db() {
    return dir.resolve("bot.db");
  }

  private static boolean isAlert(SlackApi.Post p) {
    return p.text().toLowerCase(Locale.ROOT).contains("beauregard");
  }

  private static Map<String, Integer> alerts(SlackApi slack) {
    Map<String, Integer> n = new java.util.TreeMap<>();
    slack.posts(PlatformFaultsIT::isAlert).forEach(p -> n.merge(p.channel(), 1, Integer::sum));
    return n;
  }

  @Test
  @DisplayName(
      "a 429 storm, then a short burst of 503s, then a deleted channel: the bot keeps running, holds"
          + " every alert, tells each live channel exactly once when Slack recovers, tells the"
          + " operator which channel it cannot reach, and resumes it when it is subscribed again")
  void stormsBurstsAndDeletedChannels() throws Exception {
    Rig.baseline(dir, db());
    Rig.seedLouisiana(db(), CHANNELS);
    Rig.seedLouisiana(db(), "CGONE");
    try (FakeIce ice = new FakeIce();
        SlackApi slack = new SlackApi()) {
      Rig.publishNext(ice);
      slack.fault(SlackApi.Fault.RATE_LIMITED);
      int port = Rig.freePort();
      try (Bot bot =
          new Bot(dir, Rig.config(db(), ice, slack, port, "PT1S"), Rig.slackEnv()).start()) {
        // 429 storm: every channel asked to wait, again and again (four times each; a longer
        // storm before the 503s is stormThenBurst, below).
        assertTrue(
            Rig.await(Duration.ofMinutes(2), () -> slack.refused() >= 4 * (CHANNELS + 1)),
            "the bot tries through the storm\n" + bot.tail());
        assertTrue(bot.alive(), "still running after the 429 storm\n" + bot.tail());
        assertEquals(Map.of(), alerts(slack), "nothing accepted during the storm");
        assertEquals(0, Rig.count(db(), "SELECT count(*) FROM outbox WHERE status = 'dead'"));

        // 5xx burst.
        slack.fault(SlackApi.Fault.SERVER_ERROR);
        int before = slack.refused();
        assertTrue(
            Rig.await(Duration.ofMinutes(2), () -> slack.refused() >= before + CHANNELS),
            "the bot retries through the 503s\n" + bot.tail());
        assertTrue(bot.alive(), "still running after the 503s\n" + bot.tail());

        // Slack recovers, but CGONE was deleted meanwhile. (A notice told while Slack refuses
        // everything reaches only the log: notices are best effort, never retried.)
        slack.deleted().add("CGONE");
        slack.fault(SlackApi.Fault.NONE);
        assertTrue(
            Rig.await(Duration.ofMinutes(2), () -> alerts(slack).size() >= CHANNELS),
            "every live channel told once Slack recovers\n" + bot.tail());
        Thread.sleep(2000);
        Map<String, Integer> told = alerts(slack);
        assertEquals(CHANNELS, told.size(), told.toString());
        assertTrue(told.values().stream().allMatch(n -> n == 1), "exactly once each: " + told);
        assertEquals(
            0,
            Rig.count(db(), "SELECT count(*) FROM outbox WHERE status = 'dead'"),
            "no alert given up on\n" + bot.tail());
        assertTrue(
            Rig.await(
                Duration.ofSeconds(30),
                () ->
                    slack.posts(p -> p.channel().equals(Rig.ADMIN)).stream()
                        .anyMatch(p -> p.text().contains("CGONE"))),
            "the admin channel names the channel the bot cannot reach: "
                + slack.posts(p -> p.channel().equals(Rig.ADMIN)));
        assertEquals(
            1,
            Rig.count(
                db(), "SELECT count(*) FROM outbox WHERE channel = 'CGONE' AND status = 'pending'"),
            "its alert is held, not dropped");

        // The channel comes back and someone subscribes it again.
        slack.deleted().remove("CGONE");
        SlackCommands.Reply r = new SlackCommands(port, slack).send("subscribe louisiana", "CGONE");
        assertEquals(200, r.status(), r.body());
        assertTrue(
            Rig.await(Duration.ofMinutes(1), () -> alerts(slack).containsKey("CGONE")),
            "the held alert reaches the channel once it is subscribed again\n" + bot.tail());
        System.out.printf(
            "platform faults: 429 storm + 503 burst: %d refusals, %d channels told once each, 0"
                + " dead; channel_not_found: paused, admin told, delivered after resubscribe%n",
            slack.refused(), told.size());
      }
    }
  }

  @Test
  @DisplayName(
      "a long 429 storm (a dozen refusals per channel) then one 503 each: nothing is given up,"
          + " every channel is told once Slack recovers")
  void stormThenBurst() throws Exception {
    Rig.baseline(dir, db());
    Rig.seedLouisiana(db(), CHANNELS);
    try (FakeIce ice = new FakeIce();
        SlackApi slack = new SlackApi()) {
      Rig.publishNext(ice);
      slack.fault(SlackApi.Fault.RATE_LIMITED);
      int port = Rig.freePort();
      try (Bot bot =
          new Bot(dir, Rig.config(db(), ice, slack, port, "PT1S"), Rig.slackEnv()).start()) {
        assertTrue(
            Rig.await(Duration.ofMinutes(2), () -> slack.refused() >= 12 * CHANNELS), bot.tail());
        slack.fault(SlackApi.Fault.SERVER_ERROR);
        int before = slack.refused();
        assertTrue(
            Rig.await(Duration.ofMinutes(2), () -> slack.refused() >= before + CHANNELS),
            bot.tail());
        slack.fault(SlackApi.Fault.NONE);
        assertTrue(
            Rig.await(Duration.ofMinutes(2), () -> alerts(slack).size() >= CHANNELS),
            "every channel told once Slack recovers\n" + bot.tail());
        assertEquals(0, Rig.count(db(), "SELECT count(*) FROM outbox WHERE status = 'dead'"));
      }
    }
  }

  @Test
  @DisplayName(
      "a revoked token: the bot keeps running, holds every alert, logs that Slack refuses its"
          + " token, and delivers everything after a restart with a working token")
  void revokedToken() throws Exception {
    Rig.baseline(dir, db());
    Rig.seedLouisiana(db(), CHANNELS);
    try (FakeIce ice = new FakeIce();
        SlackApi slack = new SlackApi()) {
      Rig.publishNext(ice);
      slack.fault(SlackApi.Fault.TOKEN_REVOKED);
      int port = Rig.freePort();
      try (Bot bot =
          new Bot(dir, Rig.config(db(), ice, slack, port, "PT1S"), Rig.slackEnv()).start()) {
        assertTrue(
            Rig.await(Duration.ofMinutes(2), () -> bot.log().contains("token_revoked")),
            "the log says Slack refuses the token\n" + bot.tail());
        Thread.sleep(3000);
        assertTrue(bot.alive(), "still running\n" + bot.tail());
        int refusals = slack.refused();
        assertTrue(
            refusals <= 3,
            "the platform is held after the refusal, not hammered: " + refusals + " attempts");
        assertEquals(
            CHANNELS,
            Rig.count(db(), "SELECT count(*) FROM outbox WHERE status = 'pending'"),
            "every alert held");
        // The operator installs a new token and restarts the bot.
        slack.fault(SlackApi.Fault.NONE);
        bot.stop();
        bot.start();
        assertTrue(
            Rig.await(Duration.ofMinutes(2), () -> alerts(slack).size() >= CHANNELS),
            "every channel told after the restart\n" + bot.tail());
        Thread.sleep(2000);
        assertTrue(alerts(slack).values().stream().allMatch(n -> n == 1), alerts(slack).toString());
        System.out.printf(
            "platform faults: token_revoked: %d attempts, %d held, all delivered once after"
                + " restart%n",
            refusals, CHANNELS);
      }
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "faults.long", matches = "true")
  @DisplayName(
      "Slack accepting a message but answering after the client gave up: the bot keeps running"
          + " and the channel is told, at most once more than needed")
  void timeouts() throws Exception {
    Rig.baseline(dir, db());
    Rig.seedLouisiana(db(), "CSLOW");
    try (FakeIce ice = new FakeIce();
        SlackApi slack = new SlackApi()) {
      Rig.publishNext(ice);
      slack.fault(SlackApi.Fault.TIMEOUT);
      int port = Rig.freePort();
      try (Bot bot =
          new Bot(dir, Rig.config(db(), ice, slack, port, "PT1S"), Rig.slackEnv()).start()) {
        assertTrue(
            Rig.await(
                Duration.ofMinutes(2),
                () -> Rig.count(db(), "SELECT count(*) FROM outbox WHERE attempts > 0") > 0),
            "the bot stops waiting and counts a failed attempt\n" + bot.tail());
        slack.fault(SlackApi.Fault.NONE);
        assertTrue(
            Rig.await(
                Duration.ofMinutes(2),
                () -> Rig.count(db(), "SELECT count(*) FROM outbox WHERE status = 'sent'") == 1),
            "the alert is marked sent after the retry\n" + bot.tail());
        assertTrue(bot.alive(), "still running");
        int times = alerts(slack).getOrDefault("CSLOW", 0);
        System.out.printf("platform faults: timeout: the channel got the alert %d times%n", times);
        assertTrue(times >= 1 && times <= 2, times + " copies");
      }
    }
  }
}
