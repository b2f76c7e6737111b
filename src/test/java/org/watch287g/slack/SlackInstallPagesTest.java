package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What "Add to Slack" does with bad, replayed or hostile input: a clear page, nothing stored. */
class SlackInstallPagesTest {
  @TempDir Path dir;

  private static int installed(SlackTestBot bot, String team) {
    return SlackDistributionTest.count(
        bot, "SELECT count(*) FROM slack_installation WHERE team_id = ?", team);
  }

  @Test
  @DisplayName("the install page links to Slack's approval with the client id, scopes and redirect")
  void theInstallPageLinksToSlacksApproval() throws Exception {
    try (SlackTestBot bot = SlackTestBot.distributed(dir, "")) {
      HttpResponse<String> page = bot.get("/slack/install");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("/oauth/v2/authorize?client_id=111.222"), page.body());
      assertTrue(page.body().contains("scope=commands%2Cchat%3Awrite%2C"), page.body());
      assertTrue(
          page.body().contains("redirect_uri=https%3A%2F%2Fbot.example.org%2Fslack"), page.body());
      assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
      assertEquals(
          405,
          bot.send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + bot.port + "/slack/install"))
                      .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                      .build())
              .statusCode());
    }
  }

  @Test
  @DisplayName("a forged state is refused before Slack is asked, and nothing is stored")
  void aForgedStateIsRefused() throws Exception {
    try (SlackTestBot bot = SlackTestBot.distributed(dir, "")) {
      bot.fake.grant("code-1", "T0AAA", "xoxb-forged-secret", "U1");
      HttpResponse<String> r =
          bot.get("/slack/oauth_redirect?code=code-1&state=madeUpByAnAttacker1234567890");
      assertEquals(400, r.statusCode());
      assertTrue(r.body().contains("expired or was already used"), r.body());
      assertEquals(0, bot.fake.calls("oauth.v2.access").size());
      assertEquals(0, installed(bot, "T0AAA"));
    }
  }

  @Test
  @DisplayName("a state used once is refused the second time, even with a fresh code")
  void aReusedStateIsRefused() throws Exception {
    try (SlackTestBot bot = SlackTestBot.distributed(dir, "")) {
      String state = SlackDistributionTest.state(bot);
      bot.fake.grant("code-1", "T0AAA", "xoxb-first-secret", "U1");
      bot.fake.grant("code-2", "T0BBB", "xoxb-second-secret", "U2");
      assertEquals(200, bot.get("/slack/oauth_redirect?code=code-1&state=" + state).statusCode());
      HttpResponse<String> again = bot.get("/slack/oauth_redirect?code=code-2&state=" + state);
      assertEquals(400, again.statusCode());
      assertTrue(again.body().contains("expired or was already used"), again.body());
      assertEquals(1, installed(bot, "T0AAA"));
      assertEquals(0, installed(bot, "T0BBB"));
    }
  }

  @Test
  @DisplayName("a code replayed with a new state is refused by Slack and the page says so")
  void aReplayedCodeIsRefused() throws Exception {
    try (SlackTestBot bot = SlackTestBot.distributed(dir, "")) {
      bot.fake.grant("code-1", "T0AAA", "xoxb-first-secret", "U1");
      String first = SlackDistributionTest.state(bot);
      assertEquals(200, bot.get("/slack/oauth_redirect?code=code-1&state=" + first).statusCode());
      String second = SlackDistributionTest.state(bot);
      HttpResponse<String> replay = bot.get("/slack/oauth_redirect?code=code-1&state=" + second);
      assertEquals(400, replay.statusCode());
      assertTrue(replay.body().contains("Slack refused the install"), replay.body());
      assertTrue(replay.body().contains("invalid_code"), replay.body());
      assertEquals(1, installed(bot, "T0AAA"));
    }
  }

  @Test
  @DisplayName("an oauth.v2.access error or outage is a failure page, and nothing is stored")
  void anAccessErrorIsAFailurePage() throws Exception {
    try (SlackTestBot bot = SlackTestBot.distributed(dir, "")) {
      bot.fake.script("oauth.v2.access", FakeSlack.error("invalid_client_id"));
      bot.fake.script("oauth.v2.access", FakeSlack.json(500, "oops"));
      HttpResponse<String> refused =
          bot.get("/slack/oauth_redirect?code=c&state=" + SlackDistributionTest.state(bot));
      assertEquals(400, refused.statusCode());
      assertTrue(refused.body().contains("invalid_client_id"), refused.body());
      HttpResponse<String> down =
          bot.get("/slack/oauth_redirect?code=c&state=" + SlackDistributionTest.state(bot));
      assertEquals(502, down.statusCode());
      assertTrue(down.body().contains("Slack did not answer"), down.body());
      assertEquals(
          0,
          SlackDistributionTest.count(
              bot, "SELECT count(*) FROM slack_installation WHERE team_id <> ?", ""));
    }
  }

  @Test
  @DisplayName("an admin who cancels at Slack gets a page saying nothing was installed")
  void aCancelledInstallSaysNothingWasInstalled() throws Exception {
    try (SlackTestBot bot = SlackTestBot.distributed(dir, "")) {
      HttpResponse<String> r =
          bot.get(
              "/slack/oauth_redirect?error=access_denied&state="
                  + SlackDistributionTest.state(bot));
      assertEquals(200, r.statusCode());
      assertTrue(r.body().contains("Nothing was installed"), r.body());
      HttpResponse<String> hostile =
          bot.get("/slack/oauth_redirect?error=%3Cscript%3Ealert(1)%3C/script%3E");
      assertFalse(hostile.body().contains("<script>"), hostile.body());
    }
  }

  @Test
  @DisplayName("a workspace that installs again gets its new token used, the old one never again")
  void installingTwiceReplacesTheToken() throws Exception {
    try (SlackTestBot bot = SlackTestBot.distributed(dir, "")) {
      assertEquals(
          200, SlackDistributionTest.install(bot, "T0AAA", "xoxb-old-0000-secret").statusCode());
      assertEquals(
          200, SlackDistributionTest.install(bot, "T0AAA", "xoxb-new-0000-secret").statusCode());
      assertEquals(1, installed(bot, "T0AAA"));
      assertEquals(200, bot.command("T0AAA", "subscribe florida", "C0AAA", "U1").statusCode());
      FakeSlack.Call join =
          bot.fake.await(c -> c.method().equals("conversations.join"), Duration.ofSeconds(10));
      assertEquals("xoxb-new-0000-secret", FakeSlack.token(join));
      assertFalse(
          bot.fake.calls().stream()
              .anyMatch(
                  c ->
                      FakeSlack.token(c).equals("xoxb-old-0000-secret")
                          && !c.method().equals("auth.test")));
    }
  }

  @Test
  @DisplayName("an uninstall event for a workspace never installed changes nothing")
  void anEventForAWorkspaceNotInstalledChangesNothing() throws Exception {
    try (SlackTestBot bot = SlackTestBot.distributed(dir, "")) {
      SlackDistributionTest.install(bot, "T0AAA", "xoxb-aaa-0000-secret");
      assertEquals(200, bot.command("T0AAA", "subscribe florida", "C0AAA", "U1").statusCode());
      bot.fake.awaitResponse(Duration.ofSeconds(10));
      assertEquals(200, bot.event("T0ZZZ", "{\"type\":\"app_uninstalled\"}").statusCode());
      assertEquals(
          200,
          bot.event("T0ZZZ", "{\"type\":\"tokens_revoked\",\"tokens\":{\"bot\":[\"UBOT\"]}}")
              .statusCode());
      assertEquals(1, installed(bot, "T0AAA"));
      assertEquals(1, bot.wiring.subscriptions().all().size());
    }
  }

  @Test
  @DisplayName(
      "a revoked bot token forgets the workspace, and a command from it is told to install again")
  void tokensRevokedForgetsTheWorkspace() throws Exception {
    try (SlackTestBot bot = SlackTestBot.distributed(dir, "")) {
      SlackDistributionTest.install(bot, "T0AAA", "xoxb-aaa-0000-secret");
      assertEquals(200, bot.command("T0AAA", "subscribe florida", "C0AAA", "U1").statusCode());
      bot.fake.awaitResponse(Duration.ofSeconds(10));
      bot.fake.revoke("xoxb-aaa-0000-secret");
      assertEquals(
          200,
          bot.event("T0AAA", "{\"type\":\"tokens_revoked\",\"tokens\":{\"bot\":[\"UBOTT0AAA\"]}}")
              .statusCode());
      assertEquals(0, installed(bot, "T0AAA"));
      assertEquals(0, bot.wiring.subscriptions().all().size());
      int responses = bot.fake.calls(FakeSlack.RESPONSE_PATH).size();
      HttpResponse<String> after = bot.command("T0AAA", "status florida", "C0AAA", "U1");
      // Bolt finds no installation and runs nothing; it tells the person, through the
      // response_url (no token), that the app is not installed.
      assertEquals("", after.body());
      FakeSlack.Call told =
          bot.fake.await(
              c -> c.method().equals(FakeSlack.RESPONSE_PATH) && c.body().contains("install"),
              Duration.ofSeconds(10));
      assertFalse(told.body().contains("Florida"), told.body());
      assertEquals(responses + 1, bot.fake.calls(FakeSlack.RESPONSE_PATH).size());
      assertEquals(
          0, bot.fake.calls("users.info").size() + bot.fake.calls("chat.postMessage").size());
    }
  }

  @Test
  @DisplayName(
      "a signed command naming another app than its workspace installed is refused and changes"
          + " nothing")
  void aCommandNamingAnotherAppIsRefused() throws Exception {
    try (SlackTestBot bot = SlackTestBot.distributed(dir, "")) {
      SlackDistributionTest.install(bot, "T0AAA", "xoxb-aaa-0000-secret");
      String forged =
          bot.body("T0AAA", "subscribe florida", "C0AAA", "U1")
              .replace("api_app_id=A1", "api_app_id=A0OTHER");
      HttpResponse<String> refused =
          bot.post(forged, Instant.now().getEpochSecond(), SlackTestBot.SECRET);
      assertEquals(401, refused.statusCode(), refused.body());
      String event =
          "{\"token\":\"legacy\",\"team_id\":\"T0AAA\",\"api_app_id\":\"A0OTHER\","
              + "\"event\":{\"type\":\"app_uninstalled\"},\"type\":\"event_callback\","
              + "\"event_id\":\"Ev9\",\"event_time\":"
              + Instant.now().getEpochSecond()
              + "}";
      assertEquals(401, bot.postJson(event).statusCode());
      assertEquals(1, installed(bot, "T0AAA"), "the other app's uninstall removed nothing");
      assertEquals(0, bot.wiring.subscriptions().all().size());
      assertEquals(0, bot.fake.calls("users.info").size());

      // The same command naming the installed app works.
      assertEquals(200, bot.command("T0AAA", "subscribe florida", "C0AAA", "U1").statusCode());
      bot.fake.awaitResponse(Duration.ofSeconds(10));
      assertEquals(1, bot.wiring.subscriptions().all().size());
    }
  }
}
