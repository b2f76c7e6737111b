package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.testing.FakeIce;
import org.watch287g.watch.BundledSnapshots;

/**
 * A bot hosted for a network tells each workspace of its own channels' problems: by direct message
 * to whoever installed it, and in the channel set with {@code /287g admin here}.
 */
class SlackWorkspaceNoticesTest {
  static final String TOKEN_A = "xoxb-aaa-0000-secret";

  @TempDir Path dir;

  @Test
  @DisplayName(
      "when the bot cannot post to a workspace's channel, the installer hears by direct message"
          + " and the workspace's admin channel is told, with that workspace's token")
  void aPausedChannelIsToldToItsWorkspace() throws Exception {
    try (FakeIce ice = new FakeIce()) {
      ice.publish(
          "05162025am",
          BundledSnapshots.read("2025-05-16-participating.xlsx"),
          BundledSnapshots.read("2025-05-15-pending.xlsx"));
      String source = "source:\n  pageUrl: " + ice.pageUrl() + "\n  retries: 0\n";
      try (SlackTestBot bot = SlackTestBot.distributed(dir, source)) {
        bot.wiring.pollCycle().run();
        SlackDistributionTest.install(bot, "T0AAA", TOKEN_A);
        assertEquals(200, bot.command("T0AAA", "subscribe florida", "C0AAA", "U1").statusCode());
        bot.fake.awaitResponse(Duration.ofSeconds(10));
        HttpResponse<String> done = bot.command("T0AAA", "admin here", "C0ADMIN", "U1");
        assertEquals(200, done.statusCode());
        assertTrue(done.body().contains("now this workspace"), done.body());
        assertEquals(
            "C0ADMIN", bot.wiring.subscriptions().adminChannel("slack", "T0AAA").orElseThrow());

        // The channel was deleted: Slack refuses the alert for good.
        bot.fake.script("chat.postMessage", FakeSlack.error("channel_not_found"));
        ice.publish(
            "05192025am",
            BundledSnapshots.read("2025-05-19-participating.xlsx"),
            BundledSnapshots.read("2025-05-19-pending.xlsx"));
        bot.wiring.pollCycle().run();
        FakeSlack.Call dm =
            bot.fake.await(
                c ->
                    c.method().equals("chat.postMessage")
                        && "U0INSTALLER".equals(c.params().get("channel")),
                Duration.ofSeconds(20));
        FakeSlack.Call admin =
            bot.fake.await(
                c ->
                    c.method().equals("chat.postMessage")
                        && "C0ADMIN".equals(c.params().get("channel")),
                Duration.ofSeconds(10));
        assertEquals(TOKEN_A, FakeSlack.token(dm));
        assertEquals(TOKEN_A, FakeSlack.token(admin));
        assertTrue(dm.body().contains("C0AAA"), dm.body());

        // Removing the app removes the admin channel with the rest of the workspace.
        bot.fake.revoke(TOKEN_A);
        assertEquals(200, bot.event("T0AAA", "{\"type\":\"app_uninstalled\"}").statusCode());
        assertTrue(bot.wiring.subscriptions().adminChannel("slack", "T0AAA").isEmpty());
      }
    }
  }
}
