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
  @DisplayName("an unsigned request is refused with 401")
  void anUnsignedRequestIsRefusedWith401() throws Exception {
    HttpResponse<String> r =
        bot.send(
            HttpRequest.newBuilder(bot.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(bot.body("help", "C1", "U1")))
                .build());

    assertEquals(401, r.statusCode());
  }

  @Test
  @DisplayName("a request signed with the wrong secret is refused with 401")
  void aRequestSignedWithTheWrongSecretIsRefusedWith401() throws Exception {
    HttpResponse<String> r =
        bot.post(bot.body("help", "C1", "U1"), Instant.now().getEpochSecond(), "not-the-secret");

    assertEquals(401, r.statusCode());
  }

  @Test
  @DisplayName("a request signed ten minutes ago is refused with 401")
  void aRequestSignedTenMinutesAgoIsRefusedWith401() throws Exception {
    long tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();

    HttpResponse<String> r =
        bot.post(bot.body("help", "C1", "U1"), tenMinutesAgo, SlackTestBot.SECRET);

    assertEquals(401, r.statusCode());
  }

  @Test
  @DisplayName("a request signed an hour ahead is refused with 401")
  void aRequestSignedAnHourAheadIsRefusedWith401() throws Exception {
    long ahead = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();

    HttpResponse<String> r = bot.post(bot.body("help", "C1", "U1"), ahead, SlackTestBot.SECRET);

    assertEquals(401, r.statusCode());
  }

  @Test
  @DisplayName("an exact replay of an accepted request is refused with 401")
  void anExactReplayOfAnAcceptedRequestIsRefusedWith401() throws Exception {
    String body = bot.body("unsubscribe harris tx", "C1", "U1");
    long now = Instant.now().getEpochSecond();

    HttpResponse<String> first = bot.post(body, now, SlackTestBot.SECRET);
    HttpResponse<String> replay = bot.post(body, now, SlackTestBot.SECRET);

    assertEquals(200, first.statusCode());
    assertEquals(401, replay.statusCode());
  }

  @Test
  @DisplayName("a refused request does not block the genuine one with the same timestamp")
  void aRefusedRequestDoesNotBlockTheGenuineOneWithTheSameTimestamp() throws Exception {
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
  @DisplayName("a body over 64 kib is refused with 413")
  void aBodyOver64KibIsRefusedWith413() throws Exception {
    String body = bot.body("status " + "x".repeat(70_000), "C1", "U1");

    HttpResponse<String> r = bot.post(body, Instant.now().getEpochSecond(), SlackTestBot.SECRET);

    assertEquals(413, r.statusCode());
  }

  @Test
  @DisplayName("a megabyte body is answered 413 every time not with a reset connection")
  void aMegabyteBodyIsAnswered413EveryTimeNotWithAResetConnection() throws Exception {
    String body = bot.body("status " + "x".repeat(1024 * 1024), "C1", "U1");

    for (int i = 0; i < 12; i++) {
      HttpResponse<String> r = bot.post(body, Instant.now().getEpochSecond(), SlackTestBot.SECRET);

      assertEquals(413, r.statusCode(), "attempt " + i);
    }
  }

  @Test
  @DisplayName("other paths are 404 and other methods 405")
  void otherPathsAre404AndOtherMethods405() throws Exception {
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
  @DisplayName("help is answered privately and lists subscribe")
  void helpIsAnsweredPrivatelyAndListsSubscribe() throws Exception {
    JsonObject reply = reply(bot.command("help"));

    assertEquals("ephemeral", type(reply));
    assertTrue(text(reply).contains("subscribe"), text(reply));
    SlackFixtures.assertWithinLimits(text(reply), reply.get("blocks"));
  }

  @Test
  @DisplayName("status of harris tx is answered privately about harris county")
  void statusOfHarrisTxIsAnsweredPrivatelyAboutHarrisCounty() throws Exception {
    JsonObject reply = reply(bot.command("status harris tx"));

    assertEquals("ephemeral", type(reply));
    assertTrue(text(reply).contains("Harris County, TX"), text(reply));
    SlackFixtures.assertWithinLimits(text(reply), reply.get("blocks"));
  }

  @Test
  @DisplayName("status with share is posted in the channel")
  void statusWithShareIsPostedInTheChannel() throws Exception {
    JsonObject reply = reply(bot.command("status harris tx share"));

    assertEquals("in_channel", type(reply));
    assertTrue(text(reply).contains("Harris County, TX"), text(reply));
  }

  @Test
  @DisplayName("status of a whole state fits slacks limits")
  void statusOfAWholeStateFitsSlacksLimits() throws Exception {
    JsonObject reply = reply(bot.command("status florida"));

    SlackFixtures.assertWithinLimits(text(reply), reply.get("blocks"));
  }

  @Test
  @DisplayName(
      "status TX csv on Slack attaches the whole list to the channel as a file, by Slack's"
          + " external upload, and says so")
  void statusCsvIsAttachedToTheChannelAsAFile() throws Exception {
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
  void statusCsvFallsBackToTheStartOfTheFileWhenSlackRefusesIt() throws Exception {
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
  @DisplayName("an ambiguous place offers choices to copy")
  void anAmbiguousPlaceOffersChoicesToCopy() throws Exception {
    JsonObject reply = reply(bot.command("status washington county"));

    assertEquals("ephemeral", type(reply));
    assertTrue(text(reply).contains("status "), text(reply));
    assertTrue(text(reply).lines().count() > 2, text(reply));
  }

  @Test
  @DisplayName("an unknown command gets a helpful message and no stack trace")
  void anUnknownCommandGetsAHelpfulMessageAndNoStackTrace() throws Exception {
    JsonObject reply = reply(bot.command("frobnicate harris"));

    assertEquals("ephemeral", type(reply));
    assertTrue(text(reply).contains("frobnicate"), text(reply));
    assertFalse(text(reply).contains("Exception"), text(reply));
  }

  @Test
  @DisplayName("too long input is refused with a message")
  void tooLongInputIsRefusedWithAMessage() throws Exception {
    JsonObject reply = reply(bot.command("status " + "harris ".repeat(200)));

    assertEquals("ephemeral", type(reply));
    assertFalse(text(reply).isBlank());
  }

  @Test
  @DisplayName("subscribe joins the channel and confirms in it through the response url")
  void subscribeJoinsTheChannelAndConfirmsInItThroughTheResponseUrl() throws Exception {
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
  @DisplayName("subscribe where the bot cannot join tells the user to invite it")
  void subscribeWhereTheBotCannotJoinTellsTheUserToInviteIt() throws Exception {
    bot.fake.script("conversations.join", FakeSlack.error("method_not_supported_for_channel_type"));

    JsonObject reply = reply(bot.command("subscribe harris tx", "G1", "U1"));

    assertTrue(text(reply).contains("/invite <@UBOT>"), text(reply));
  }

  @Test
  @DisplayName("unsubscribe list and the options are answered in the channel")
  void unsubscribeListAndTheOptionsAreAnsweredInTheChannel() throws Exception {
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
  @DisplayName("a user group slack escaped is stored and a name slack did not recognise is refused")
  void aUserGroupSlackEscapedIsStoredAndANameSlackDidNotRecogniseIsRefused() throws Exception {
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
  @DisplayName("language es makes the channel answer in spanish")
  void languageEsMakesTheChannelAnswerInSpanish() throws Exception {
    JsonObject set = reply(bot.command("language es", "C9", "U1"));
    JsonObject help = reply(bot.command("help", "C9", "U1"));

    assertEquals("in_channel", type(set));
    assertTrue(text(help).contains("comandos") || text(help).contains("Comandos"), text(help));
  }

  @Test
  @DisplayName("a payload the bot cannot use is answered with a short apology not a stack trace")
  void aPayloadTheBotCannotUseIsAnsweredWithAShortApologyNotAStackTrace() throws Exception {
    JsonObject reply = reply(bot.command("list", "C1%3Cbad%3E", "U1"));

    assertTrue(text(reply).contains("Something went wrong"), text(reply));
    assertFalse(text(reply).contains("Exception"), text(reply));
  }

  @Test
  @DisplayName("an ambiguous place offers a button per choice that runs the command when clicked")
  void anAmbiguousPlaceOffersAButtonPerChoiceThatRunsTheCommandWhenClicked() throws Exception {
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
