package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.testing.FakeIce;
import org.watch287g.watch.BundledSnapshots;

/**
 * From a publication on a fake ICE site to a recorded {@code chat.postMessage}: the real poll
 * cycle, database, outbox, delivery loop, Bolt app and deliverer, with Slack faked locally.
 */
class SlackAlertEndToEndTest {
  @TempDir Path dir;

  @Test
  @DisplayName("a new agreement in a followed parish reaches its channel as blocks within limits")
  void aNewAgreementInAFollowedParishReachesItsChannelAsBlocksWithinLimits() throws Exception {
    try (FakeIce ice = new FakeIce()) {
      ice.publish(
          "05162025am",
          BundledSnapshots.read("2025-05-16-participating.xlsx"),
          BundledSnapshots.read("2025-05-15-pending.xlsx"));
      String source = "source:\n  pageUrl: " + ice.pageUrl() + "\n  retries: 0\n";
      try (SlackTestBot bot = new SlackTestBot(dir, "", source)) {
        bot.wiring.pollCycle().run();
        assertEquals(
            200, bot.command("subscribe beauregard parish la", "C0BEAU", "U1").statusCode());
        assertEquals(200, bot.command("subscribe multnomah or", "C0OREGON", "U1").statusCode());
        bot.fake.await(c -> c.method().equals(FakeSlack.RESPONSE_PATH), Duration.ofSeconds(10));

        ice.publish(
            "05192025am",
            BundledSnapshots.read("2025-05-19-participating.xlsx"),
            BundledSnapshots.read("2025-05-19-pending.xlsx"));
        bot.wiring.pollCycle().run();

        FakeSlack.Call post =
            bot.fake.await(
                c ->
                    c.method().equals("chat.postMessage")
                        && "C0BEAU".equals(c.params().get("channel")),
                Duration.ofSeconds(15));
        String text = post.params().get("text");
        assertTrue(text.toLowerCase(Locale.ROOT).contains("beauregard"), text);
        SlackFixtures.assertWithinLimits(text, post.blocks());
        assertTrue(
            post.blocks().toString().contains("\"type\":\"header\""), post.params().get("blocks"));
        // The control channel follows a county where nothing changed.
        Thread.sleep(1500);
        List<FakeSlack.Call> oregon =
            bot.fake.calls("chat.postMessage").stream()
                .filter(c -> "C0OREGON".equals(c.params().get("channel")))
                .toList();
        assertEquals(List.of(), oregon);
      }
    }
  }
}
