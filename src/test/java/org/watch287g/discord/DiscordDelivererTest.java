package org.watch287g.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.Wiring;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Deliverer;
import org.watch287g.alerts.DeliveryResult;
import org.watch287g.alerts.Notice;
import org.watch287g.alerts.OutboxKey;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.testing.FakeDiscord;

/**
 * The deliverer with the real JDA against the fake Discord: what each of Discord's answers becomes.
 * Each test posts to its own channel, so scripted answers do not meet.
 */
class DiscordDelivererTest {
  static final String GUILD = "1200000000000000001";
  static final Duration WAIT = Duration.ofSeconds(10);

  static FakeDiscord discord;
  static Wiring wiring;
  static Deliverer deliverer;

  @BeforeAll
  static void start() throws Exception {
    discord = new FakeDiscord();
    String[] channels = new String[12];
    for (int i = 0; i < channels.length; i++) {
      channels[i] = channel(i);
    }
    discord.addGuild(GUILD, FakeDiscord.BOT, channels);
    Path dir = Files.createTempDirectory("discord-deliverer");
    String yaml = "storage: {path: '" + dir.resolve("bot.db") + "'}\n" + discord.botSettings();
    Config config = new ConfigLoader(Map.of()).parse(yaml, "test config");
    wiring = new Wiring(config, Clock.systemUTC());
    DiscordPlatform platform = wiring.discord().orElseThrow();
    deliverer = platform.deliverer();
    platform.start();
    discord.awaitIdentified(WAIT);
    discord.await(r -> r.method().equals("PUT") && r.path().endsWith("/commands"), WAIT);
  }

  @AfterAll
  static void stop() {
    wiring.close();
    discord.close();
  }

  static String channel(int i) {
    return "130000000000000100" + i;
  }

  static ChannelRef ref(int i) {
    return new ChannelRef("discord", GUILD, channel(i));
  }

  static String messages(int i) {
    return "/api/v10/channels/" + channel(i) + "/messages";
  }

  static long posts(int i) {
    return discord.requests().stream()
        .filter(r -> r.method().equals("POST") && r.path().equals(messages(i)))
        .count();
  }

  @Test
  @DisplayName("a connected bot reports no problem")
  void aConnectedBotReportsNoProblem() {
    assertEquals(java.util.Optional.empty(), wiring.discord().orElseThrow().problem());
  }

  @Test
  @org.junit.jupiter.api.DisplayName(
      "an outbox alert sent again (after a crash) carries the same nonce with enforce_nonce, and"
          + " Discord answers with the message already posted: the channel sees it once")
  void aResentOutboxAlertIsPostedOnce() {
    OutboxKey first = new OutboxKey(4242, null);
    OutboxKey again = new OutboxKey(4242, java.time.Instant.now());

    DeliveryResult sent = deliverer.deliver(ref(11), DiscordRenderTest.beauregard(), first);
    DeliveryResult resent = deliverer.deliver(ref(11), DiscordRenderTest.beauregard(), again);

    assertInstanceOf(DeliveryResult.Sent.class, sent);
    assertInstanceOf(DeliveryResult.Sent.class, resent, "the message already there counts as sent");
    List<FakeDiscord.Request> tries =
        discord.requests().stream()
            .filter(r -> r.method().equals("POST") && r.path().equals(messages(11)))
            .toList();
    assertEquals(2, tries.size());
    for (FakeDiscord.Request r : tries) {
      assertEquals(DiscordDeliverer.nonce(first), r.json().path("nonce").asText());
      assertTrue(r.json().path("enforce_nonce").asBoolean(), r.body());
      assertTrue(r.json().path("nonce").asText().length() <= 25);
    }
    assertEquals(
        1,
        discord.created().stream().filter(r -> r.path().equals(messages(11))).count(),
        "posted once");
  }

  @Test
  @DisplayName("an accepted alert is sent as one post to the channel")
  void anAcceptedAlertIsSentAsOnePostToTheChannel() {
    DeliveryResult result = deliverer.deliver(ref(0), DiscordRenderTest.beauregard());

    assertInstanceOf(DeliveryResult.Sent.class, result);
    assertEquals(1, posts(0));
  }

  @Test
  @DisplayName("a 429 is handed to the core with discords delay and the next try is sent")
  void a429IsHandedToTheCoreWithDiscordsDelayAndTheNextTryIsSent() {
    discord.script("POST", messages(1), FakeDiscord.rateLimited(1.5));

    DeliveryResult first = deliverer.deliver(ref(1), DiscordRenderTest.beauregard());
    DeliveryResult second = deliverer.deliver(ref(1), DiscordRenderTest.beauregard());

    DeliveryResult.RetryAfter wait = assertInstanceOf(DeliveryResult.RetryAfter.class, first);
    assertTrue(
        wait.delay().compareTo(Duration.ofSeconds(1)) >= 0
            && wait.delay().compareTo(Duration.ofSeconds(3)) <= 0,
        wait.toString());
    assertInstanceOf(DeliveryResult.Sent.class, second);
    assertEquals(2, posts(1), "JDA did not retry on its own: the core decides when");
  }

  @Test
  @DisplayName("a 403 missing access makes the channel unavailable")
  void a403MissingAccessMakesTheChannelUnavailable() {
    discord.script("POST", messages(2), FakeDiscord.error(403, 50001, "Missing Access"));

    DeliveryResult result = deliverer.deliver(ref(2), DiscordRenderTest.beauregard());

    DeliveryResult.Unavailable u = assertInstanceOf(DeliveryResult.Unavailable.class, result);
    assertTrue(u.reason().contains("50001"), u.reason());
  }

  @Test
  @DisplayName("a 403 missing permissions makes the channel unavailable")
  void a403MissingPermissionsMakesTheChannelUnavailable() {
    discord.script("POST", messages(3), FakeDiscord.error(403, 50013, "Missing Permissions"));

    assertInstanceOf(
        DeliveryResult.Unavailable.class,
        deliverer.deliver(ref(3), DiscordRenderTest.beauregard()));
  }

  @Test
  @DisplayName("a 404 unknown channel makes the channel unavailable")
  void a404UnknownChannelMakesTheChannelUnavailable() {
    discord.script("POST", messages(4), FakeDiscord.error(404, 10003, "Unknown Channel"));

    assertInstanceOf(
        DeliveryResult.Unavailable.class,
        deliverer.deliver(ref(4), DiscordRenderTest.beauregard()));
  }

  @Test
  @DisplayName("a 400 invalid form body is rejected for good")
  void a400InvalidFormBodyIsRejectedForGood() {
    discord.script("POST", messages(5), FakeDiscord.error(400, 50035, "Invalid Form Body"));

    assertInstanceOf(
        DeliveryResult.Rejected.class, deliverer.deliver(ref(5), DiscordRenderTest.beauregard()));
  }

  @Test
  @DisplayName("a 500 is a transient failure")
  void a500IsATransientFailure() {
    discord.script(
        "POST",
        messages(6),
        FakeDiscord.error(500, 0, "Internal Server Error"),
        FakeDiscord.error(500, 0, "Internal Server Error"),
        FakeDiscord.error(500, 0, "Internal Server Error"),
        FakeDiscord.error(500, 0, "Internal Server Error"));

    assertInstanceOf(
        DeliveryResult.Failed.class, deliverer.deliver(ref(6), DiscordRenderTest.beauregard()));
  }

  @Test
  @DisplayName("a channel the bot cannot see is unavailable without a request")
  void aChannelTheBotCannotSeeIsUnavailableWithoutARequest() {
    long before = discord.requests().size();

    DeliveryResult result =
        deliverer.deliver(
            new ChannelRef("discord", GUILD, "1399999999999999999"),
            DiscordRenderTest.beauregard());

    assertInstanceOf(DeliveryResult.Unavailable.class, result);
    assertEquals(before, discord.requests().size());
  }

  @Test
  @DisplayName("a guild the bot is not in is unavailable")
  void aGuildTheBotIsNotInIsUnavailable() {
    DeliveryResult result =
        deliverer.deliver(
            new ChannelRef("discord", "1299999999999999999", "1399999999999999998"),
            DiscordRenderTest.beauregard());

    DeliveryResult.Unavailable u = assertInstanceOf(DeliveryResult.Unavailable.class, result);
    assertTrue(u.reason().contains("no longer in this Discord server"), u.reason());
  }

  @Test
  @DisplayName("a notice is posted to the admin channel as text")
  void aNoticeIsPostedToTheAdminChannelAsText() throws Exception {
    Notice notice =
        new Notice(Notice.Kind.SOURCE_FAILING, "source", "ICE's page has failed 3 times.");

    DeliveryResult result = deliverer.deliver(ref(7), notice);

    assertInstanceOf(DeliveryResult.Sent.class, result);
    FakeDiscord.Request post = discord.await(r -> r.path().equals(messages(7)), WAIT);
    assertTrue(post.json().path("content").asText().contains("ICE's page has failed 3 times."));
  }

  @Test
  @DisplayName(
      "an alert about an agency named with a masked link reaches discord with no such link")
  void anAlertAboutAnAgencyNamedWithAMaskedLinkReachesDiscordWithNoSuchLink() throws Exception {
    String name = DiscordRenderTest.MASKED;
    AlertMessage hostile = DiscordRenderTest.alert(name + " signed", name, 0, 0);

    DeliveryResult result = deliverer.deliver(ref(9), hostile);

    assertInstanceOf(DeliveryResult.Sent.class, result);
    FakeDiscord.Request post = discord.await(r -> r.path().equals(messages(9)), WAIT);
    List<String> links = DiscordRenderTest.links(DiscordRenderTest.markdown(post.json()));
    assertEquals(List.of(DiscordRenderTest.MOA), links, post.body());
  }

  @Test
  @DisplayName("an alert that pings reaches discord with the role as content and only it allowed")
  void anAlertThatPingsReachesDiscordWithTheRoleAsContentAndOnlyItAllowed() throws Exception {
    String role = DiscordRenderTest.ROLE;
    AlertMessage alert = DiscordRenderTest.beauregard().withMention("role:" + role);

    DeliveryResult result = deliverer.deliver(ref(10), alert);

    assertInstanceOf(DeliveryResult.Sent.class, result);
    FakeDiscord.Request post = discord.await(r -> r.path().equals(messages(10)), WAIT);
    assertEquals("<@&" + role + ">", post.json().path("content").asText(), post.body());
    var allowed = post.json().path("allowed_mentions");
    assertEquals(List.of(role), DiscordRenderTest.strings(allowed.path("roles")), post.body());
    assertEquals(0, allowed.path("parse").size(), post.body());
  }

  @Test
  @DisplayName("a 401 means the token is refused")
  void a401MeansTheTokenIsRefused() {
    discord.script("POST", messages(8), FakeDiscord.error(401, 0, "401: Unauthorized"));

    DeliveryResult.Unauthorized u =
        assertInstanceOf(
            DeliveryResult.Unauthorized.class,
            deliverer.deliver(ref(8), DiscordRenderTest.beauregard()));
    assertTrue(u.reason().endsWith(": 401: Unauthorized (0)"), "status said once: " + u.reason());
  }
}
