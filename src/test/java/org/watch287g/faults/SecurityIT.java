package org.watch287g.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.testing.FakeIce;

/**
 * Fault 5 of issue 8, end to end through the jar's Slack endpoint: forged, stale, replayed and
 * oversized requests, huge arguments, and county text full of SQL and markup metacharacters.
 * (Discord's manager check is covered by {@code SlashCommandTest} and the acceptance kit.)
 */
class SecurityIT {
  @TempDir Path dir;

  @Test
  @DisplayName(
      "forged, stale, replayed and oversized Slack requests are refused; huge and hostile county"
          + " text gets a short, escaped answer that pings nobody, and the database is intact")
  void hostileRequests() throws Exception {
    Path db = dir.resolve("bot.db");
    Rig.baseline(dir, db);
    Rig.seedLouisiana(db, "CKEEP");
    try (FakeIce ice = new FakeIce();
        SlackApi slack = new SlackApi()) {
      Rig.publishBaseline(ice);
      int port = Rig.freePort();
      SlackCommands commands = new SlackCommands(port, slack);
      try (Bot bot =
          new Bot(dir, Rig.config(db, ice, slack, port, "PT1S"), Rig.slackEnv()).start()) {
        assertTrue(Rig.await(Duration.ofMinutes(1), commands::listening), bot.tail());
        Map<String, Integer> codes = new LinkedHashMap<>();
        long now = Instant.now().getEpochSecond();

        String body = commands.body("list", "CX");
        codes.put("unsigned", commands.post(body, Map.of()).status());
        codes.put(
            "bad signature",
            commands
                .post(
                    body,
                    Map.of(
                        "X-Slack-Request-Timestamp",
                        "" + now,
                        "X-Slack-Signature",
                        SlackCommands.sign("wrong-secret", now, body)))
                .status());
        long stale = now - 600;
        codes.put(
            "stale (10 min)",
            commands
                .post(
                    body,
                    Map.of(
                        "X-Slack-Request-Timestamp",
                        "" + stale,
                        "X-Slack-Signature",
                        SlackCommands.sign(Rig.SECRET, stale, body)))
                .status());
        Map<String, String> signed =
            Map.of(
                "X-Slack-Request-Timestamp",
                "" + now,
                "X-Slack-Signature",
                SlackCommands.sign(Rig.SECRET, now, body));
        int first = commands.post(body, signed).status();
        codes.put("replay", commands.post(body, signed).status());
        String huge = "x".repeat(1024 * 1024);
        codes.put(
            "1 MB body",
            commands
                .post(
                    HttpRequest.BodyPublishers.ofString(huge),
                    Map.of(
                        "X-Slack-Request-Timestamp",
                        "" + now,
                        "X-Slack-Signature",
                        SlackCommands.sign(Rig.SECRET, now, huge)))
                .status());
        assertEquals(200, first, "the original of the replay was accepted");
        assertEquals(
            Map.of(
                "unsigned", 401,
                "bad signature", 401,
                "stale (10 min)", 401,
                "replay", 401,
                "1 MB body", 413),
            codes);

        Map<String, Integer> lengths = new LinkedHashMap<>();
        List<String> hostile =
            List.of(
                "subscribe " + "a".repeat(10_000),
                "status " + "harris ".repeat(1430),
                "subscribe '; DROP TABLE subscription;--",
                "status '; DROP TABLE subscription;--",
                "subscribe <script>alert(1)</script>",
                "subscribe *bold* _it_ ~x~ `code`",
                "subscribe @everyone @here",
                "subscribe <!channel> <!everyone> <@U1> <#C1>",
                "status <!channel> harris tx");
        for (String text : hostile) {
          String channel = "CH" + lengths.size();
          SlackCommands.Reply r = commands.send(text, channel);
          assertEquals(200, r.status(), text.substring(0, Math.min(60, text.length())));
          String seen = r.body() + " " + delayedReplies(slack, channel);
          lengths.put(text.substring(0, Math.min(30, text.length())), seen.length());
          assertTrue(seen.length() < 20_000, "a bounded answer: " + seen.length() + " chars");
          for (String ping : List.of("<!channel>", "<!everyone>", "<!here>", "<script>")) {
            assertFalse(seen.contains(ping), "the answer to " + text + " carries " + ping);
          }
        }
        assertTrue(bot.alive(), bot.tail());
        assertEquals(
            1, Rig.count(db, "SELECT count(*) FROM subscription"), "only the seeded subscription");
        assertEquals(
            0,
            Rig.count(db, "SELECT count(*) FROM subscription WHERE channel LIKE 'CH%'"),
            "nothing subscribed from hostile text");
        assertEquals(
            "ok",
            Rig.text(db, "PRAGMA integrity_check").toLowerCase(Locale.ROOT),
            "the database is intact");
        assertEquals(
            List.of(),
            slack.posts(p -> p.channel().startsWith("CH")),
            "nothing posted to the channels the hostile commands came from");
        System.out.printf(
            "security faults: %s; hostile commands answered (chars) %s; DB intact%n",
            codes, lengths);
      }
    }
  }

  /** What the bot posted to the response URLs of commands from this channel. */
  private static String delayedReplies(SlackApi slack, String channel) throws InterruptedException {
    Thread.sleep(300);
    return String.join(
        " ",
        slack.responses().stream()
            .filter(r -> r.startsWith("/response/" + channel + "-"))
            .toList());
  }
}
