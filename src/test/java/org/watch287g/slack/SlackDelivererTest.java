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
  void an_outbox_alert_carries_its_row_in_metadata() {
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
  void an_alert_in_doubt_already_posted_is_not_posted_again() {
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
  void alerts_in_doubt_are_looked_for_at_slacks_pace() {
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
  void without_the_history_scope_alerts_in_doubt_are_resent_and_counted() {
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
  void an_alert_is_posted_with_blocks_text_and_the_bot_token() {
    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());

    assertInstanceOf(DeliveryResult.Sent.class, r);
    FakeSlack.Call call = fake.calls("chat.postMessage").get(0);
    assertEquals("C1", call.params().get("channel"));
    assertEquals("Bearer xoxb-test", call.auth());
    SlackFixtures.assertWithinLimits(call.params().get("text"), call.blocks());
  }

  @Test
  void a_hostile_alert_reaches_slack_with_no_mention_or_link_in_its_text_and_no_moa_button() {
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
  void a_429_becomes_retry_after_with_slacks_delay_and_the_next_try_is_sent() {
    fake.script("chat.postMessage", FakeSlack.rateLimited(7));

    DeliveryResult first = deliverer.deliver(CHANNEL, SlackFixtures.harris());
    DeliveryResult second = deliverer.deliver(CHANNEL, SlackFixtures.harris());

    assertEquals(
        Duration.ofSeconds(7), assertInstanceOf(DeliveryResult.RetryAfter.class, first).delay());
    assertInstanceOf(DeliveryResult.Sent.class, second);
    assertEquals(2, fake.calls("chat.postMessage").size());
  }

  @Test
  void not_in_channel_joins_the_channel_once_and_sends_again() {
    fake.script("chat.postMessage", FakeSlack.error("not_in_channel"));

    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());

    assertInstanceOf(DeliveryResult.Sent.class, r);
    assertEquals("C1", fake.calls("conversations.join").get(0).params().get("channel"));
    assertEquals(
        List.of("chat.postMessage", "conversations.join", "chat.postMessage"),
        fake.calls().stream().map(FakeSlack.Call::method).toList());
  }

  @Test
  void not_in_channel_that_cannot_be_joined_makes_the_channel_unavailable() {
    fake.script("chat.postMessage", FakeSlack.error("not_in_channel"));
    fake.script("conversations.join", FakeSlack.error("method_not_supported_for_channel_type"));

    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());

    DeliveryResult.Unavailable u = assertInstanceOf(DeliveryResult.Unavailable.class, r);
    assertTrue(u.reason().contains("method_not_supported_for_channel_type"), u.reason());
    assertEquals(1, fake.calls("chat.postMessage").size());
  }

  @Test
  void a_token_error_while_joining_is_the_bots_problem_not_the_channels() {
    fake.script("chat.postMessage", FakeSlack.error("not_in_channel"));
    fake.script("conversations.join", FakeSlack.error("token_revoked"));

    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());

    assertEquals(new DeliveryResult.Unauthorized("token_revoked"), r);
  }

  @Test
  void a_429_while_joining_is_a_rate_limit() {
    fake.script("chat.postMessage", FakeSlack.error("not_in_channel"));
    fake.script("conversations.join", FakeSlack.rateLimited(3));

    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());

    assertEquals(
        Duration.ofSeconds(3), assertInstanceOf(DeliveryResult.RetryAfter.class, r).delay());
  }

  @Test
  void still_not_in_channel_after_joining_is_unavailable_without_a_loop() {
    fake.script(
        "chat.postMessage", FakeSlack.error("not_in_channel"), FakeSlack.error("not_in_channel"));

    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());

    assertInstanceOf(DeliveryResult.Unavailable.class, r);
    assertEquals(2, fake.calls("chat.postMessage").size());
    assertEquals(1, fake.calls("conversations.join").size());
  }

  @Test
  void channel_errors_make_the_channel_unavailable() {
    for (String error :
        List.of("channel_not_found", "is_archived", "restricted_action", "missing_scope")) {
      fake.script("chat.postMessage", FakeSlack.error(error));
      DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());
      assertEquals(new DeliveryResult.Unavailable(error), r, error);
    }
  }

  @Test
  void token_errors_make_the_bot_unauthorized() {
    for (String error :
        List.of("invalid_auth", "token_revoked", "account_inactive", "not_authed")) {
      fake.script("chat.postMessage", FakeSlack.error(error));
      DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());
      assertEquals(new DeliveryResult.Unauthorized(error), r, error);
    }
  }

  @Test
  void a_message_slack_refuses_as_malformed_is_rejected() {
    for (String error : List.of("msg_too_long", "invalid_blocks")) {
      fake.script("chat.postMessage", FakeSlack.error(error));
      DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());
      assertEquals(new DeliveryResult.Rejected(error), r, error);
    }
  }

  @Test
  void a_5xx_or_an_unknown_error_is_a_transient_failure() {
    fake.script("chat.postMessage", FakeSlack.json(503, "{}"), FakeSlack.error("internal_error"));

    assertInstanceOf(
        DeliveryResult.Failed.class, deliverer.deliver(CHANNEL, SlackFixtures.harris()));
    assertInstanceOf(
        DeliveryResult.Failed.class, deliverer.deliver(CHANNEL, SlackFixtures.harris()));
  }

  @Test
  void an_unreachable_slack_is_a_transient_failure_not_an_exception() {
    fake.close();

    DeliveryResult r = deliverer.deliver(CHANNEL, SlackFixtures.harris());

    assertInstanceOf(DeliveryResult.Failed.class, r);
  }

  @Test
  void a_notice_is_posted_to_the_admin_channel() {
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
  void retry_after_reads_seconds_and_falls_back_to_one_second() {
    assertEquals(Duration.ofSeconds(30), SlackDeliverer.retryAfter("30"));
    assertEquals(Duration.ofSeconds(1), SlackDeliverer.retryAfter(null));
    assertEquals(Duration.ofSeconds(1), SlackDeliverer.retryAfter("soon"));
    assertEquals(Duration.ofSeconds(1), SlackDeliverer.retryAfter("0"));
  }
}
