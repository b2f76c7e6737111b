package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.watch287g.testing.FakeIce;
import org.watch287g.watch.BundledSnapshots;

/**
 * "Add to Slack" end to end: workspaces installed through the bot's own pages and the real Bolt,
 * each served with its own token, and one that uninstalls forgotten, against the fake Slack.
 */
class SlackDistributionTest {
  static final String TOKEN_A = "xoxb-aaa-0000-secret";
  static final String TOKEN_B = "xoxb-bbb-0000-secret";
  private static final Pattern STATE = Pattern.compile("state=([A-Za-z0-9_-]{20,})");

  @TempDir Path dir;

  /** Installs workspace {@code team} through the pages; the success or failure page. */
  static HttpResponse<String> install(SlackTestBot bot, String team, String token)
      throws Exception {
    String state = state(bot);
    String code = "code-" + team + "-" + token.hashCode();
    bot.fake.grant(code, team, token, "U0INSTALLER");
    return bot.get("/slack/oauth_redirect?code=" + code + "&state=" + state);
  }

  /** A fresh state from the "Add to Slack" page. */
  static String state(SlackTestBot bot) throws Exception {
    HttpResponse<String> page = bot.get("/slack/install");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Add to Slack"), page.body());
    Matcher m = STATE.matcher(page.body());
    assertTrue(m.find(), page.body());
    return m.group(1);
  }

  static int count(SlackTestBot bot, String sql, String team) {
    return bot.wiring
        .database()
        .read(
            c -> {
              try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, team);
                try (ResultSet r = s.executeQuery()) {
                  r.next();
                  return r.getInt(1);
                }
              }
            });
  }

  @Test
  @DisplayName(
      "two workspaces installed through the pages each get their alert with their own token, and"
          + " one that uninstalls gets nothing more and its data is gone")
  void twoWorkspacesEachGetTheirAlertAndOneThatUninstallsIsForgotten() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try (FakeIce ice = new FakeIce()) {
      ice.publish(
          "05162025am",
          BundledSnapshots.read("2025-05-16-participating.xlsx"),
          BundledSnapshots.read("2025-05-15-pending.xlsx"));
      String source = "source:\n  pageUrl: " + ice.pageUrl() + "\n  retries: 0\n";
      try (SlackTestBot bot = SlackTestBot.distributed(dir, source)) {
        bot.wiring.pollCycle().run();
        HttpResponse<String> a = install(bot, "T0AAA", TOKEN_A);
        HttpResponse<String> b = install(bot, "T0BBB", TOKEN_B);
        assertEquals(200, a.statusCode(), a.body());
        assertTrue(a.body().contains("/287g subscribe"), a.body());
        assertEquals(200, b.statusCode(), b.body());

        assertEquals(200, bot.command("T0AAA", "subscribe florida", "C0AAA", "U1").statusCode());
        assertEquals(200, bot.command("T0BBB", "subscribe florida", "C0BBB", "U2").statusCode());
        bot.fake.await(
            c -> bot.fake.calls(FakeSlack.RESPONSE_PATH).size() >= 2, Duration.ofSeconds(10));
        assertEquals(2, bot.wiring.subscriptions().all().size());

        ice.publish(
            "05192025am",
            BundledSnapshots.read("2025-05-19-participating.xlsx"),
            BundledSnapshots.read("2025-05-19-pending.xlsx"));
        bot.wiring.pollCycle().run();
        bot.fake.await(
            c -> posted(c, "C0AAA") && FakeSlack.token(c).equals(TOKEN_A), Duration.ofSeconds(15));
        bot.fake.await(
            c -> posted(c, "C0BBB") && FakeSlack.token(c).equals(TOKEN_B), Duration.ofSeconds(15));
        for (FakeSlack.Call post : bot.fake.calls("chat.postMessage")) {
          String channel = post.params().get("channel");
          assertEquals("C0AAA".equals(channel) ? TOKEN_A : TOKEN_B, FakeSlack.token(post), channel);
        }

        // Workspace B removes the app: Slack revokes its token and tells the bot.
        bot.fake.revoke(TOKEN_B);
        assertEquals(200, bot.event("T0BBB", "{\"type\":\"app_uninstalled\"}").statusCode());
        int before = bot.fake.calls().size();
        assertEquals(
            0, count(bot, "SELECT count(*) FROM slack_installation WHERE team_id = ?", "T0BBB"));
        assertEquals(0, count(bot, "SELECT count(*) FROM channel WHERE workspace = ?", "T0BBB"));
        assertEquals(
            0,
            count(
                bot,
                "SELECT count(*) FROM outbox WHERE workspace = ? AND status = 'pending'",
                "T0BBB"));
        assertEquals(
            1, count(bot, "SELECT count(*) FROM slack_installation WHERE team_id = ?", "T0AAA"));

        ice.publish(
            "05292025am",
            BundledSnapshots.read("2025-05-29-participating.xlsx"),
            BundledSnapshots.read("2025-05-29-pending.xlsx"));
        bot.wiring.pollCycle().run();
        int after = before;
        bot.fake.await(
            c -> posted(c, "C0AAA") && bot.fake.calls().indexOf(c) >= after,
            Duration.ofSeconds(15));
        Thread.sleep(1500);
        List<FakeSlack.Call> later = bot.fake.calls().subList(before, bot.fake.calls().size());
        assertFalse(
            later.stream().anyMatch(c -> FakeSlack.token(c).equals(TOKEN_B)), later.toString());

        String pages = a.body() + b.body();
        assertFalse(pages.contains("xoxb-"), pages);
      }
    } finally {
      root.detachAppender(logs);
    }
    for (ILoggingEvent e : logs.list) {
      assertFalse(e.getFormattedMessage().contains("xoxb-"), e.getFormattedMessage());
    }
  }

  private static boolean posted(FakeSlack.Call c, String channel) {
    return c.method().equals("chat.postMessage") && channel.equals(c.params().get("channel"));
  }
}
