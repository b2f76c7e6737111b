package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.Slack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.DeliveryResult;
import org.watch287g.alerts.Notice;
import org.watch287g.alerts.OutboxKey;

/** The deliverer against a local Web API: what it posts, and how it reads Slack's answers. */
class SlackDelivererTest {
  static final ChannelRef CHANNEL = new ChannelRef("slack", "T1", "C1");

  FakeSlack fake;
  Slack slack;
  SlackDeliverer deliverer;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeSlack();
    com.slack.api.SlackConfig config = new com.slack.api.SlackConfig();
    config.setMethodsEndpointUrlPrefix(fake.apiUrl());
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
    deliverer = new SlackDeliverer(slack.methods("xoxb-test"));
  }

  @AfterEach
  void stop() throws Exception {
    slack.close();
    fake.close();
  }

  static final OutboxKey ROW_77 = new OutboxKey(77, null);
  static final OutboxKey ROW_77_IN_DOUBT =
      new OutboxKey(77, java.time.Instant.parse("2026-12-06T09:00:00Z"));

  @Test
  @org.junit.jupiter.api.DisplayName(
      "an outbox alert carries metadata naming its row, which conversations.history gives back")
  void anOutboxAlertCarriesItsRowInMetadata() {
    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris(), ROW_77);

    assertInstanceOf(DeliveryResult.Sent.class, r);
    var metadata =
        com.google.gson.JsonParser.parseString(
                fake.calls("chat.postMessage").get(0).params().get("metadata"))
            .getAsJsonObject();
    assertEquals(SlackDeliverer.EVENT_TYPE, metadata.get("event_type").getAsString());
    assertEquals("77", metadata.getAsJsonObject("event_payload").get("outbox_row").getAsString());
  }

  @Test
  @org.junit.jupiter.api.DisplayName(
      "an alert in doubt after a crash that is already in its channel is found in the history"
          + " and not posted again")
  void anAlertInDoubtAlreadyPostedIsNotPostedAgain() {
    deliverer.deliver(CHANNEL, SlackFixtures.harris(), ROW_77);

    DeliveryResult again = deliverer.deliver(CHANNEL, SlackFixtures.harris(), ROW_77_IN_DOUBT);

    assertInstanceOf(DeliveryResult.Sent.class, again);
    assertEquals(1, fake.calls("chat.postMessage").size(), "posted once");
    FakeSlack.Call look = fake.calls("conversations.history").get(0);
    assertEquals("C1", look.params().get("channel"));
    assertEquals("1", look.params().get("include_all_metadata"));
    assertEquals(1, deliverer.foundInHistory());
  }

  @Test
  @org.junit.jupiter.api.DisplayName(
      "an alert in doubt that is not in its channel is posted after one look; a second one in"
          + " the same minute waits for the next look (Slack allows one a minute)")
  void alertsInDoubtAreLookedForAtSlacksPace() {
    deliverer.deliver(CHANNEL, SlackFixtures.harris(), new OutboxKey(5, null));

    DeliveryResult first = deliverer.deliver(CHANNEL, SlackFixtures.harris(), ROW_77_IN_DOUBT);
    DeliveryResult second =
        deliverer.deliver(
            CHANNEL, SlackFixtures.harris(), new OutboxKey(78, java.time.Instant.now()));

    assertInstanceOf(DeliveryResult.Sent.class, first);
    assertEquals(2, fake.calls("chat.postMessage").size(), "row 77 was not there: posted");
    DeliveryResult.Unconfirmed wait = assertInstanceOf(DeliveryResult.Unconfirmed.class, second);
    assertTrue(wait.delay().compareTo(Duration.ofSeconds(50)) > 0, wait.toString());
    assertEquals(1, fake.calls("conversations.history").size());
    assertEquals(1, deliverer.resentAfterLooking());
  }

  @Test
  @org.junit.jupiter.api.DisplayName(
      "without the history scope an alert in doubt is posted again and counted")
  void withoutTheHistoryScopeAlertsInDoubtAreResentAndCounted() {
    fake.script("conversations.history", FakeSlack.error("missing_scope"));

    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris(), ROW_77_IN_DOUBT);
    DeliveryResult r2 =
        deliverer.deliver(
            CHANNEL, SlackFixtures.harris(), new OutboxKey(78, java.time.Instant.now()));

    assertInstanceOf(DeliveryResult.Sent.class, r);
    assertInstanceOf(DeliveryResult.Sent.class, r2);
    assertEquals(2, fake.calls("chat.postMessage").size());
    assertEquals(1, fake.calls("conversations.history").size(), "asked once, then known");
    assertEquals(2, deliverer.resentUnchecked());
  }

  @Test
  @DisplayName("an alert is posted with blocks text and the bot token")
  void anAlertIsPostedWithBlocksTextAndTheBotToken() {
    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());

    assertInstanceOf(DeliveryResult.Sent.class, r);
    FakeSlack.Call call = fake.calls("chat.postMessage").get(0);
    assertEquals("C1", call.params().get("channel"));
    assertEquals("Bearer xoxb-test", call.auth());
    SlackFixtures.assertWithinLimits(call.params().get("text"), call.blocks());
  }

  @Test
  @DisplayName(
      "a hostile alert reaches slack with no mention or link in its text and no moa button")
  void aHostileAlertReachesSlackWithNoMentionOrLinkInItsTextAndNoMoaButton() {
    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.hostile());

    assertInstanceOf(DeliveryResult.Sent.class, r);
    FakeSlack.Call call = fake.calls("chat.postMessage").get(0);
    String text = call.params().get("text");
    SlackFixtures.assertWithinLimits(text, call.blocks());
    SlackFixtures.assertNoMarkupFromOutside(text);
    SlackFixtures.assertNoMarkupFromOutside(SlackFixtures.mrkdwn(call.blocks()));
    assertFalse(String.valueOf(call.blocks()).contains(SlackFixtures.HOSTILE_MOA + "\""), text);
  }

  @Test
  @DisplayName("a 429 becomes retry after with slacks delay and the next try is sent")
  void a429BecomesRetryAfterWithSlacksDelayAndTheNextTryIsSent() {
    fake.script("chat.postMessage", FakeSlack.rateLimited(7));

    DeliveryResult first = deliverer.deliver(CHANNEL, SlackFixtures.harris());
    DeliveryResult second = deliverer.deliver(CHANNEL, SlackFixtures.harris());

    assertEquals(
        Duration.ofSeconds(7), assertInstanceOf(DeliveryResult.RetryAfter.class, first).delay());
    assertInstanceOf(DeliveryResult.Sent.class, second);
    assertEquals(2, fake.calls("chat.postMessage").size());
  }

  @Test
  @DisplayName("not in channel joins the channel once and sends again")
  void notInChannelJoinsTheChannelOnceAndSendsAgain() {
    fake.script("chat.postMessage", FakeSlack.error("not_in_channel"));

    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());

    assertInstanceOf(DeliveryResult.Sent.class, r);
    assertEquals("C1", fake.calls("conversations.join").get(0).params().get("channel"));
    assertEquals(
        List.of("chat.postMessage", "conversations.join", "chat.postMessage"),
        fake.calls().stream().map(FakeSlack.Call::method).toList());
  }

  @Test
  @DisplayName("not in channel that cannot be joined makes the channel unavailable")
  void notInChannelThatCannotBeJoinedMakesTheChannelUnavailable() {
    fake.script("chat.postMessage", FakeSlack.error("not_in_channel"));
    fake.script("conversations.join", FakeSlack.error("method_not_supported_for_channel_type"));

    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());

    DeliveryResult.Unavailable u = assertInstanceOf(DeliveryResult.Unavailable.class, r);
    assertTrue(u.reason().contains("method_not_supported_for_channel_type"), u.reason());
    assertEquals(1, fake.calls("chat.postMessage").size());
  }

  @Test
  @DisplayName("a token error while joining is the bots problem not the channels")
  void aTokenErrorWhileJoiningIsTheBotsProblemNotTheChannels() {
    fake.script("chat.postMessage", FakeSlack.error("not_in_channel"));
    fake.script("conversations.join", FakeSlack.error("token_revoked"));

    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());

    assertEquals(new DeliveryResult.Unauthorized("token_revoked"), r);
  }

  @Test
  @DisplayName("a 429 while joining is a rate limit")
  void a429WhileJoiningIsARateLimit() {
    fake.script("chat.postMessage", FakeSlack.error("not_in_channel"));
    fake.script("conversations.join", FakeSlack.rateLimited(3));

    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());

    assertEquals(
        Duration.ofSeconds(3), assertInstanceOf(DeliveryResult.RetryAfter.class, r).delay());
  }

  @Test
  @DisplayName("still not in channel after joining is unavailable without a loop")
  void stillNotInChannelAfterJoiningIsUnavailableWithoutALoop() {
    fake.script(
        "chat.postMessage", FakeSlack.error("not_in_channel"), FakeSlack.error("not_in_channel"));

    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());

    assertInstanceOf(DeliveryResult.Unavailable.class, r);
    assertEquals(2, fake.calls("chat.postMessage").size());
    assertEquals(1, fake.calls("conversations.join").size());
  }

  @Test
  @DisplayName("channel errors make the channel unavailable")
  void channelErrorsMakeTheChannelUnavailable() {
    for (String error :
        List.of("channel_not_found", "is_archived", "restricted_action", "missing_scope")) {
      fake.script("chat.postMessage", FakeSlack.error(error));
      DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());
      assertEquals(new DeliveryResult.Unavailable(error), r, error);
    }
  }

  @Test
  @DisplayName("token errors make the bot unauthorized")
  void tokenErrorsMakeTheBotUnauthorized() {
    for (String error :
        List.of("invalid_auth", "token_revoked", "account_inactive", "not_authed")) {
      fake.script("chat.postMessage", FakeSlack.error(error));
      DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());
      assertEquals(new DeliveryResult.Unauthorized(error), r, error);
    }
  }

  @Test
  @DisplayName("a message slack refuses as malformed is rejected")
  void aMessageSlackRefusesAsMalformedIsRejected() {
    for (String error : List.of("msg_too_long", "invalid_blocks")) {
      fake.script("chat.postMessage", FakeSlack.error(error));
      DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());
      assertEquals(new DeliveryResult.Rejected(error), r, error);
    }
  }

  @Test
  @DisplayName("a 5xx or an unknown error is a transient failure")
  void a5xxOrAnUnknownErrorIsATransientFailure() {
    fake.script("chat.postMessage", FakeSlack.json(503, "{}"), FakeSlack.error("internal_error"));

    assertInstanceOf(
        DeliveryResult.Failed.class, deliverer.deliver(CHANNEL, SlackFixtures.harris()));
    assertInstanceOf(
        DeliveryResult.Failed.class, deliverer.deliver(CHANNEL, SlackFixtures.harris()));
  }

  @Test
  @DisplayName("an unreachable slack is a transient failure not an exception")
  void anUnreachableSlackIsATransientFailureNotAnException() {
    fake.close();

    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());

    assertInstanceOf(DeliveryResult.Failed.class, r);
  }

  @Test
  @DisplayName("a notice is posted to the admin channel")
  void aNoticeIsPostedToTheAdminChannel() {
    ChannelRef admin = new ChannelRef("slack", "T1", "C0ADMIN");

    DeliveryResult r =
        deliverer.deliver(
            admin, new Notice(Notice.Kind.SOURCE_FAILING, "source", "ICE's page failed."));

    assertInstanceOf(DeliveryResult.Sent.class, r);
    FakeSlack.Call call = fake.calls("chat.postMessage").get(0);
    assertEquals("C0ADMIN", call.params().get("channel"));
    assertTrue(call.params().get("text").contains("ICE's page failed."));
  }

  @Test
  @DisplayName("retry after reads seconds and falls back to one second")
  void retryAfterReadsSecondsAndFallsBackToOneSecond() {
    assertEquals(Duration.ofSeconds(30), SlackDeliverer.retryAfter("30"));
    assertEquals(Duration.ofSeconds(1), SlackDeliverer.retryAfter(null));
    assertEquals(Duration.ofSeconds(1), SlackDeliverer.retryAfter("soon"));
    assertEquals(Duration.ofSeconds(1), SlackDeliverer.retryAfter("0"));
  }
}
