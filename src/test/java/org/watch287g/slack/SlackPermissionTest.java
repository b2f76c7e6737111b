package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.ChannelRef;

/** {@code slack.subscribePermission}: who may change what a channel follows. */
class SlackPermissionTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  static final ChannelRef C1 = new ChannelRef("slack", "T1", "C1");

  @TempDir Path dir;

  static JsonObject reply(SlackTestBot bot, HttpResponse<String> ack) throws Exception {
    assertEquals(200, ack.statusCode(), ack.body());
    String body = ack.body().isBlank() ? bot.fake.awaitResponse(WAIT).body() : ack.body();
    return JsonParser.parseString(body).getAsJsonObject();
  }

  static String text(JsonObject reply) {
    return reply.get("text").getAsString();
  }

  @Test
  @DisplayName("in admins mode a member who is not an admin is refused")
  void inAdminsModeAMemberWhoIsNotAnAdminIsRefused() throws Exception {
    try (SlackTestBot bot = new SlackTestBot(dir, "  subscribePermission: admins\n", "")) {
      bot.fake.userIsAdmin(false);

      JsonObject reply = reply(bot, bot.command("subscribe harris tx", "C1", "U2"));

      assertEquals("ephemeral", reply.get("response_type").getAsString());
      assertTrue(text(reply).contains("Only people who can manage this channel"), text(reply));
      assertEquals("U2", bot.fake.calls("users.info").get(0).params().get("user"));
      assertTrue(bot.wiring.subscriptions().find(C1).isEmpty());
    }
  }

  @Test
  @DisplayName("in admins mode a workspace admin may subscribe")
  void inAdminsModeAWorkspaceAdminMaySubscribe() throws Exception {
    try (SlackTestBot bot = new SlackTestBot(dir, "  subscribePermission: admins\n", "")) {
      bot.fake.userIsAdmin(true);

      JsonObject reply = reply(bot, bot.command("subscribe harris tx", "C1", "U3"));

      assertEquals("in_channel", reply.get("response_type").getAsString());
      assertEquals(1, bot.wiring.subscriptions().find(C1).orElseThrow().targets().size());
    }
  }

  @Test
  @DisplayName("in admins mode anyone may still ask for status without a users info call")
  void inAdminsModeAnyoneMayStillAskForStatusWithoutAUsersInfoCall() throws Exception {
    try (SlackTestBot bot = new SlackTestBot(dir, "  subscribePermission: admins\n", "")) {
      JsonObject reply = reply(bot, bot.command("status harris tx", "C1", "U2"));

      assertTrue(text(reply).contains("Harris County, TX"), text(reply));
      assertTrue(bot.fake.calls("users.info").isEmpty());
    }
  }

  @Test
  @DisplayName("when slack cannot say who is an admin the user is told to try again")
  void whenSlackCannotSayWhoIsAnAdminTheUserIsToldToTryAgain() throws Exception {
    try (SlackTestBot bot = new SlackTestBot(dir, "  subscribePermission: admins\n", "")) {
      bot.fake.script("users.info", FakeSlack.json(500, "{}"));

      JsonObject reply = reply(bot, bot.command("subscribe harris tx", "C1", "U2"));

      assertTrue(text(reply).contains("try again"), text(reply));
      assertFalse(text(reply).contains("Exception"), text(reply));
      assertTrue(bot.wiring.subscriptions().find(C1).isEmpty());
    }
  }

  @Test
  @DisplayName("with an allowlist only the listed users may change the channel")
  void withAnAllowlistOnlyTheListedUsersMayChangeTheChannel() throws Exception {
    try (SlackTestBot bot = new SlackTestBot(dir, "  subscribePermission: [U0ALLOWED]\n", "")) {
      JsonObject refused = reply(bot, bot.command("pending off", "C1", "U0OTHER"));
      JsonObject allowed = reply(bot, bot.command("pending off", "C1", "U0ALLOWED"));

      assertTrue(text(refused).contains("Only people who can manage"), text(refused));
      assertEquals("in_channel", allowed.get("response_type").getAsString(), text(allowed));
      assertTrue(bot.fake.calls("users.info").isEmpty());
    }
  }

  @Test
  @DisplayName("the admin channel is the configured one and the platform reports no problem")
  void theAdminChannelIsTheConfiguredOneAndThePlatformReportsNoProblem() throws Exception {
    try (SlackTestBot bot = new SlackTestBot(dir, "  adminChannel: C0ADMIN\n", "")) {
      assertEquals(ChannelRef.admin("slack", "C0ADMIN"), bot.slack.adminChannel().orElseThrow());
      assertEquals(java.util.Optional.empty(), bot.slack.problem());
    }
  }
}
