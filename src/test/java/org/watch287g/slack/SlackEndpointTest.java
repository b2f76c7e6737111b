package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.ChannelRef;

/** Signed slash commands to the real Bolt app, served by the bot on loopback. */
class SlackEndpointTest {
  static final Duration WAIT = Duration.ofSeconds(10);

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

  /** The reply the person sees, whether in the acknowledgement or through the response_url. */
  JsonObject reply(HttpResponse<String> ack) throws Exception {
    assertEquals(200, ack.statusCode(), ack.body());
    if (!ack.body().isBlank()) {
      return json(ack.body());
    }
    return json(bot.fake.awaitResponse(WAIT).body());
  }

  static String text(JsonObject reply) {
    return reply.get("text").getAsString();
  }

  static String type(JsonObject reply) {
    return reply.get("response_type").getAsString();
  }

  @Test
  void an_unsigned_request_is_refused_with_401() throws Exception {
    HttpResponse<String> r =
        bot.send(
            HttpRequest.newBuilder(bot.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(bot.body("help", "C1", "U1")))
                .build());

    assertEquals(401, r.statusCode());
  }

  @Test
  void a_request_signed_with_the_wrong_secret_is_refused_with_401() throws Exception {
    HttpResponse<String> r =
        bot.post(bot.body("help", "C1", "U1"), Instant.now().getEpochSecond(), "not-the-secret");

    assertEquals(401, r.statusCode());
  }

  @Test
  void a_request_signed_ten_minutes_ago_is_refused_with_401() throws Exception {
    long tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();

    HttpResponse<String> r =
        bot.post(bot.body("help", "C1", "U1"), tenMinutesAgo, SlackTestBot.SECRET);

    assertEquals(401, r.statusCode());
  }

  @Test
  void a_request_signed_an_hour_ahead_is_refused_with_401() throws Exception {
    long ahead = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();

    HttpResponse<String> r = bot.post(bot.body("help", "C1", "U1"), ahead, SlackTestBot.SECRET);

    assertEquals(401, r.statusCode());
  }

  @Test
  void an_exact_replay_of_an_accepted_request_is_refused_with_401() throws Exception {
    String body = bot.body("unsubscribe harris tx", "C1", "U1");
    long now = Instant.now().getEpochSecond();

    HttpResponse<String> first = bot.post(body, now, SlackTestBot.SECRET);
    HttpResponse<String> replay = bot.post(body, now, SlackTestBot.SECRET);

    assertEquals(200, first.statusCode());
    assertEquals(401, replay.statusCode());
  }

  @Test
  void a_refused_request_does_not_block_the_genuine_one_with_the_same_timestamp() throws Exception {
    String body = bot.body("help", "C1", "U1");
    long now = Instant.now().getEpochSecond();
    String forged = "v0=" + "0".repeat(64);
    HttpResponse<String> bad =
        bot.send(
            HttpRequest.newBuilder(bot.endpoint())
                .header("X-Slack-Request-Timestamp", String.valueOf(now))
                .header("X-Slack-Signature", forged)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    HttpResponse<String> good = bot.post(body, now, SlackTestBot.SECRET);

    assertEquals(401, bad.statusCode());
    assertEquals(200, good.statusCode());
  }

  @Test
  void a_body_over_64_kib_is_refused_with_413() throws Exception {
    String body = bot.body("status " + "x".repeat(70_000), "C1", "U1");

    HttpResponse<String> r = bot.post(body, Instant.now().getEpochSecond(), SlackTestBot.SECRET);

    assertEquals(413, r.statusCode());
  }

  @Test
  void a_megabyte_body_is_answered_413_every_time_not_with_a_reset_connection() throws Exception {
    String body = bot.body("status " + "x".repeat(1024 * 1024), "C1", "U1");

    for (int i = 0; i < 12; i++) {
      HttpResponse<String> r = bot.post(body, Instant.now().getEpochSecond(), SlackTestBot.SECRET);

      assertEquals(413, r.statusCode(), "attempt " + i);
    }
  }

  @Test
  void other_paths_are_404_and_other_methods_405() throws Exception {
    HttpResponse<String> path =
        bot.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port + "/admin"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build());
    HttpResponse<String> get = bot.send(HttpRequest.newBuilder(bot.endpoint()).GET().build());

    assertEquals(404, path.statusCode());
    assertEquals(405, get.statusCode());
  }

  @Test
  void help_is_answered_privately_and_lists_subscribe() throws Exception {
    JsonObject reply = reply(bot.command("help"));

    assertEquals("ephemeral", type(reply));
    assertTrue(text(reply).contains("subscribe"), text(reply));
    SlackFixtures.assertWithinLimits(text(reply), reply.get("blocks"));
  }

  @Test
  void status_of_harris_tx_is_answered_privately_about_harris_county() throws Exception {
    JsonObject reply = reply(bot.command("status harris tx"));

    assertEquals("ephemeral", type(reply));
    assertTrue(text(reply).contains("Harris County, TX"), text(reply));
    SlackFixtures.assertWithinLimits(text(reply), reply.get("blocks"));
  }

  @Test
  void status_with_share_is_posted_in_the_channel() throws Exception {
    JsonObject reply = reply(bot.command("status harris tx share"));

    assertEquals("in_channel", type(reply));
    assertTrue(text(reply).contains("Harris County, TX"), text(reply));
  }

  @Test
  void status_of_a_whole_state_fits_slacks_limits() throws Exception {
    JsonObject reply = reply(bot.command("status florida"));

    SlackFixtures.assertWithinLimits(text(reply), reply.get("blocks"));
  }

  @Test
  @DisplayName(
      "status TX csv on Slack attaches the whole list to the channel as a file, by Slack's"
          + " external upload, and says so")
  void status_csv_is_attached_to_the_channel_as_a_file() throws Exception {
    HttpResponse<String> ack = bot.command("status TX csv");

    assertEquals(200, ack.statusCode());
    assertTrue(ack.body().contains("being attached to this channel as 287g-TX-"), ack.body());
    FakeSlack.Call asked =
        bot.fake.await(c -> c.method().equals("files.getUploadURLExternal"), WAIT);
    assertTrue(asked.params().get("filename").matches("287g-TX-\\d{4}-\\d{2}-\\d{2}\\.csv"));
    FakeSlack.Call bytes = bot.fake.await(c -> c.method().startsWith(FakeSlack.UPLOAD_PATH), WAIT);
    assertTrue(bytes.body().startsWith("list,agency,state,model"), bytes.body());
    assertTrue(bytes.body().lines().count() > 380, "the whole list");
    FakeSlack.Call done =
        bot.fake.await(c -> c.method().equals("files.completeUploadExternal"), WAIT);
    assertEquals("C1", done.params().get("channel_id"));
  }

  @Test
  @DisplayName(
      "when Slack refuses the file (no files:write scope), the person gets its start as code,"
          + " within Slack's limits, and why")
  void status_csv_falls_back_to_the_start_of_the_file_when_slack_refuses_it() throws Exception {
    bot.fake.script("files.getUploadURLExternal", FakeSlack.error("missing_scope"));

    HttpResponse<String> ack = bot.command("status TX csv");
    JsonObject later = json(bot.fake.awaitResponse(WAIT).body());
    String blocks = later.get("blocks").toString();

    assertEquals(200, ack.statusCode());
    assertTrue(text(later).contains("missing_scope"), text(later));
    assertTrue(text(later).contains("files:write"), text(later));
    assertTrue(blocks.contains("```list,agency,state,model"), blocks);
    SlackFixtures.assertWithinLimits(text(later), later.get("blocks"));
  }

  @Test
  void an_ambiguous_place_offers_choices_to_copy() throws Exception {
    JsonObject reply = reply(bot.command("status washington county"));

    assertEquals("ephemeral", type(reply));
    assertTrue(text(reply).contains("status "), text(reply));
    assertTrue(text(reply).lines().count() > 2, text(reply));
  }

  @Test
  void an_unknown_command_gets_a_helpful_message_and_no_stack_trace() throws Exception {
    JsonObject reply = reply(bot.command("frobnicate harris"));

    assertEquals("ephemeral", type(reply));
    assertTrue(text(reply).contains("frobnicate"), text(reply));
    assertFalse(text(reply).contains("Exception"), text(reply));
  }

  @Test
  void too_long_input_is_refused_with_a_message() throws Exception {
    JsonObject reply = reply(bot.command("status " + "harris ".repeat(200)));

    assertEquals("ephemeral", type(reply));
    assertFalse(text(reply).isBlank());
  }

  @Test
  void subscribe_joins_the_channel_and_confirms_in_it_through_the_response_url() throws Exception {
    HttpResponse<String> ack = bot.command("subscribe harris tx", "C7", "U1");

    assertEquals(200, ack.statusCode());
    JsonObject reply = json(bot.fake.awaitResponse(WAIT).body());
    assertEquals("in_channel", type(reply));
    assertTrue(text(reply).contains("Harris County, TX"), text(reply));
    assertFalse(text(reply).contains("/invite"), text(reply));
    assertEquals("C7", bot.fake.calls("conversations.join").get(0).params().get("channel"));
    assertEquals(
        1,
        bot.wiring
            .subscriptions()
            .find(new ChannelRef("slack", "T1", "C7"))
            .orElseThrow()
            .targets()
            .size());
  }

  @Test
  void subscribe_where_the_bot_cannot_join_tells_the_user_to_invite_it() throws Exception {
    bot.fake.script("conversations.join", FakeSlack.error("method_not_supported_for_channel_type"));

    JsonObject reply = reply(bot.command("subscribe harris tx", "G1", "U1"));

    assertTrue(text(reply).contains("/invite <@UBOT>"), text(reply));
  }

  @Test
  void unsubscribe_list_and_the_options_are_answered_in_the_channel() throws Exception {
    reply(bot.command("subscribe harris tx"));
    bot.fake.awaitResponse(WAIT);

    JsonObject list = reply(bot.command("list"));
    JsonObject pending = reply(bot.command("pending off"));
    JsonObject models = reply(bot.command("models jem"));
    JsonObject digest = reply(bot.command("digest 10"));
    JsonObject unsubscribe = reply(bot.command("unsubscribe harris tx"));

    assertTrue(text(list).contains("Harris County, TX"), text(list));
    assertEquals("in_channel", type(pending), text(pending));
    assertEquals("in_channel", type(models), text(models));
    assertEquals("in_channel", type(digest), text(digest));
    assertEquals("in_channel", type(unsubscribe), text(unsubscribe));
    assertTrue(
        bot.wiring
            .subscriptions()
            .find(new ChannelRef("slack", "T1", "C1"))
            .orElseThrow()
            .targets()
            .isEmpty());
  }

  @Test
  void a_user_group_slack_escaped_is_stored_and_a_name_slack_did_not_recognise_is_refused()
      throws Exception {
    ChannelRef channel = new ChannelRef("slack", "T1", "C1");
    JsonObject set = reply(bot.command("mention <!subteam^S0123ABCD|@rapid-response>"));
    JsonObject unknown = reply(bot.command("mention @rapid-respons"));

    assertEquals("in_channel", type(set), text(set));
    assertEquals("ephemeral", type(unknown), text(unknown));
    assertTrue(text(unknown).contains("pick the group from Slack"), text(unknown));
    assertFalse(text(set).contains("<!"), "the confirmation pings no one: " + text(set));
    assertEquals("subteam:S0123ABCD", bot.wiring.subscriptions().options(channel).mention());
  }

  @Test
  void language_es_makes_the_channel_answer_in_spanish() throws Exception {
    JsonObject set = reply(bot.command("language es", "C9", "U1"));
    JsonObject help = reply(bot.command("help", "C9", "U1"));

    assertEquals("in_channel", type(set));
    assertTrue(text(help).contains("comandos") || text(help).contains("Comandos"), text(help));
  }

  @Test
  void a_payload_the_bot_cannot_use_is_answered_with_a_short_apology_not_a_stack_trace()
      throws Exception {
    JsonObject reply = reply(bot.command("list", "C1%3Cbad%3E", "U1"));

    assertTrue(text(reply).contains("Something went wrong"), text(reply));
    assertFalse(text(reply).contains("Exception"), text(reply));
  }

  @Test
  void an_ambiguous_place_offers_a_button_per_choice_that_runs_the_command_when_clicked()
      throws Exception {
    JsonObject reply = reply(bot.command("subscribe washington county", "C5", "U1"));
    JsonObject actions = null;
    for (var block : reply.getAsJsonArray("blocks")) {
      if (block.getAsJsonObject().get("type").getAsString().equals("actions")) {
        actions = block.getAsJsonObject();
      }
    }
    assertTrue(actions != null, reply.toString());
    JsonObject first = actions.getAsJsonArray("elements").get(0).getAsJsonObject();
    assertTrue(first.has("value"), reply.toString());
    String value = first.get("value").getAsString();
    assertTrue(value.startsWith("subscribe "), value);
    SlackFixtures.assertWithinLimits(text(reply), reply.get("blocks"));

    HttpResponse<String> click =
        bot.post(
            bot.click(first.get("action_id").getAsString(), value, "C5", "U1"),
            Instant.now().getEpochSecond(),
            SlackTestBot.SECRET);

    assertEquals(200, click.statusCode(), click.body());
    // The first answer through the response_url was the question; the second, the confirmation.
    JsonObject confirmed =
        json(
            bot.fake
                .await(
                    c ->
                        c.method().equals(FakeSlack.RESPONSE_PATH)
                            && c.body().contains("now follows"),
                    WAIT)
                .body());
    assertEquals("in_channel", type(confirmed), confirmed.toString());
    assertEquals(false, confirmed.get("replace_original").getAsBoolean());
    assertTrue(text(confirmed).contains("Washington County, AL"), text(confirmed));
    assertEquals(
        1,
        bot.wiring
            .subscriptions()
            .find(new ChannelRef("slack", "T1", "C5"))
            .orElseThrow()
            .targets()
            .size());
  }
}
