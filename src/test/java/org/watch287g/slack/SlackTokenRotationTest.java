package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.testing.FakeIce;
import org.watch287g.watch.BundledSnapshots;

/**
 * Token rotation for "Add to Slack": an app that turned rotation on gets tokens that expire in 12
 * hours, each with a refresh token that Slack accepts once. The bot renews a token shortly before
 * it expires, once, however many requests need it at that moment, and uses the new one.
 */
class SlackTokenRotationTest {
  private static final String FIRST = "xoxe.xoxb-first-0000-secret";

  @TempDir Path dir;

  @Test
  @DisplayName(
      "a token 20 minutes from expiry is renewed once for eight commands at the same moment, and"
          + " alerts go out with the new token only")
  void aTokenNearItsExpiryIsRenewedOnceAndTheNewOneIsUsed() throws Exception {
    try (FakeIce ice = new FakeIce()) {
      ice.publish(
          "05162025am",
          BundledSnapshots.read("2025-05-16-participating.xlsx"),
          BundledSnapshots.read("2025-05-15-pending.xlsx"));
      String source = "source:\n  pageUrl: " + ice.pageUrl() + "\n  retries: 0\n";
      try (SlackTestBot bot = SlackTestBot.distributed(dir, source)) {
        bot.wiring.pollCycle().run();
        String state = SlackDistributionTest.state(bot);
        bot.fake.grantRotating("code-rotating", "T0AAA", FIRST, "U0INSTALLER", 20 * 60);
        HttpResponse<String> installed =
            bot.get("/slack/oauth_redirect?code=code-rotating&state=" + state);
        assertEquals(200, installed.statusCode(), installed.body());
        int installedAt = bot.fake.calls().size();

        ExecutorService people = Executors.newFixedThreadPool(8);
        try {
          List<Future<HttpResponse<String>>> answers = new ArrayList<>();
          for (int i = 0; i < 8; i++) {
            String user = "U" + i;
            answers.add(people.submit(() -> bot.command("T0AAA", "status florida", "C0AAA", user)));
          }
          for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> got = answer.get();
            assertEquals(200, got.statusCode());
            assertTrue(got.body().contains("Florida"), got.body());
          }
        } finally {
          people.shutdownNow();
        }
        long renewals =
            bot.fake.calls("oauth.v2.access").stream()
                .filter(c -> "refresh_token".equals(c.params().get("grant_type")))
                .count();
        assertEquals(1, renewals, "one renewal for eight commands");

        assertEquals(200, bot.command("T0AAA", "subscribe florida", "C0AAA", "U1").statusCode());
        bot.fake.awaitResponse(Duration.ofSeconds(10));
        ice.publish(
            "05192025am",
            BundledSnapshots.read("2025-05-19-participating.xlsx"),
            BundledSnapshots.read("2025-05-19-pending.xlsx"));
        bot.wiring.pollCycle().run();
        FakeSlack.Call post =
            bot.fake.await(
                c ->
                    c.method().equals("chat.postMessage")
                        && "C0AAA".equals(c.params().get("channel")),
                Duration.ofSeconds(15));
        assertTrue(FakeSlack.token(post).startsWith("xoxe.xoxb-renewed-1-"), "renewed token used");
        List<FakeSlack.Call> after = bot.fake.calls().subList(installedAt, bot.fake.calls().size());
        assertFalse(
            after.stream().anyMatch(c -> FakeSlack.token(c).equals(FIRST)),
            "the old token is not used once renewed");
        assertEquals(
            1,
            bot.fake.calls("oauth.v2.access").stream()
                .filter(c -> "refresh_token".equals(c.params().get("grant_type")))
                .count(),
            "a renewed token is good for 12 hours: no second renewal");
      }
    }
  }
}
