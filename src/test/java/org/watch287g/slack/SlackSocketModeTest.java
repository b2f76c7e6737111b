package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket Mode: with {@code slack.appToken} set, the bot opens {@code apps.connections.open}'s
 * WebSocket itself (no HTTP server) and answers a slash-command envelope on it.
 */
class SlackSocketModeTest {
  @TempDir Path dir;

  @Test
  @DisplayName("a slash command envelope is answered over the socket without an http port")
  void aSlashCommandEnvelopeIsAnsweredOverTheSocketWithoutAnHttpPort() throws Exception {
    String envelope =
        "{\"envelope_id\":\"env-1\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
            + "\"payload\":{\"token\":\"x\",\"team_id\":\"T1\",\"team_domain\":\"t\","
            + "\"channel_id\":\"C1\",\"channel_name\":\"watch\",\"user_id\":\"U1\","
            + "\"user_name\":\"someone\",\"command\":\"/287g\",\"text\":\"status harris tx\","
            + "\"api_app_id\":\"A1\",\"response_url\":\"RESPONSE_URL\",\"trigger_id\":\"1.2\"}}";
    try (SlackTestBot bot = new SlackTestBot(dir, "  appToken: xapp-test\n", "")) {
      bot.fake.envelope(envelope.replace("RESPONSE_URL", bot.fake.responseUrl()));
      assertEquals(-1, bot.port, "no HTTP server in Socket Mode");
      long end = System.nanoTime() + 15_000_000_000L;
      List<String> replies = bot.fake.socketReplies();
      while (replies.stream().noneMatch(r -> r.contains("env-1")) && System.nanoTime() < end) {
        Thread.sleep(50);
        replies = bot.fake.socketReplies();
      }
      String reply =
          replies.stream()
              .filter(r -> r.contains("env-1"))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "no acknowledgement of env-1; calls: " + bot.fake.calls()));
      JsonObject ack = JsonParser.parseString(reply).getAsJsonObject();
      String text = ack.getAsJsonObject("payload").get("text").getAsString();
      assertTrue(text.contains("Harris County, TX"), text);
      assertEquals("Bearer xapp-test", bot.fake.calls("apps.connections.open").get(0).auth());
    }
  }
}
