package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /287g map} on Slack, through the real Bolt app and SDK, against the fake Web API. */
class SlackMapTest {
  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  SlackTestBot bot;

  @BeforeEach
  void start() throws Exception {
    bot = new SlackTestBot(dir);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  static JsonObject json(String body) {
    return JsonParser.parseString(body).getAsJsonObject();
  }

  @Test
  @DisplayName(
      "map TX answers with the text at once and uploads the PNG to the channel by Slack's"
          + " external upload, with an alt text saying what it shows")
  void mapIsUploadedWithItsAltText() throws Exception {
    HttpResponse<String> ack = bot.command("map TX");

    assertEquals(200, ack.statusCode());
    String text = json(ack.body()).get("text").getAsString();
    assertTrue(text.contains("287(g) agreements in Texas"), text);
    assertTrue(text.contains("being attached to this channel as 287g-map-TX-"), text);
    FakeSlack.Call asked =
        bot.fake.await(c -> c.method().equals("files.getUploadURLExternal"), WAIT);
    assertTrue(asked.params().get("filename").matches("287g-map-TX-\\d{4}-\\d{2}-\\d{2}\\.png"));
    assertTrue(
        asked.params().get("alt_txt").contains("387 agreements in force"),
        asked.params().toString());
    bot.fake.await(c -> c.method().startsWith(FakeSlack.UPLOAD_PATH), WAIT);
    FakeSlack.Call done =
        bot.fake.await(c -> c.method().equals("files.completeUploadExternal"), WAIT);
    assertEquals("C1", done.params().get("channel_id"));
    byte[] png = bot.fake.uploads().get(0);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(1000, image.getWidth(), "the bytes sent are the PNG itself");
  }

  @Test
  @DisplayName(
      "when Slack refuses the map (no files:write), the text answer still comes, with one"
          + " sentence about the missing permission")
  void aRefusedUploadStillGivesTheText() throws Exception {
    bot.fake.script("files.getUploadURLExternal", FakeSlack.error("missing_scope"));

    HttpResponse<String> ack = bot.command("map harris tx");
    JsonObject later = json(bot.fake.awaitResponse(WAIT).body());

    assertEquals(200, ack.statusCode());
    String text = later.get("text").getAsString();
    assertTrue(text.contains("287(g) agreements in Texas"), text);
    assertTrue(text.contains("Slack would not take the map (missing_scope)"), text);
    assertTrue(text.contains("files:write"), text);
    assertTrue(bot.fake.calls("files.completeUploadExternal").isEmpty());
  }

  @Test
  @DisplayName(
      "status TX offers a Show the map button; a click uploads the map as a new message and"
          + " keeps the status")
  void statusOffersTheMapAsAButton() throws Exception {
    JsonObject status = json(bot.command("status TX").body());
    JsonObject button = null;
    for (JsonElement block : status.getAsJsonArray("blocks")) {
      JsonObject b = block.getAsJsonObject();
      if (b.get("type").getAsString().equals("actions")) {
        JsonObject first = b.getAsJsonArray("elements").get(0).getAsJsonObject();
        if (first.get("action_id").getAsString().equals(SlashCommands.MAP_BUTTON)) {
          button = first;
        }
      }
    }
    assertTrue(button != null, status.toString());
    assertEquals("Show the map", button.getAsJsonObject("text").get("text").getAsString());
    assertEquals("map TX", button.get("value").getAsString());

    HttpResponse<String> click =
        bot.post(
            bot.click(SlashCommands.MAP_BUTTON, "map TX", "C1", "U1"),
            Instant.now().getEpochSecond(),
            SlackTestBot.SECRET);

    assertEquals(200, click.statusCode(), click.body());
    JsonObject answer =
        json(
            bot.fake
                .await(
                    c ->
                        c.method().equals(FakeSlack.RESPONSE_PATH)
                            && c.body().contains("287(g) agreements in Texas"),
                    WAIT)
                .body());
    assertFalse(answer.get("replace_original").getAsBoolean(), answer.toString());
    bot.fake.await(c -> c.method().equals("files.completeUploadExternal"), WAIT);
  }
}
