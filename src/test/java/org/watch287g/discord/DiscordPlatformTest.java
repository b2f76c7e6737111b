package org.watch287g.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.Wiring;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Subscription;
import org.watch287g.alerts.Target;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.testing.FakeDiscord;
import org.watch287g.testing.FakeIce;
import org.watch287g.watch.BundledSnapshots;

/**
 * The real JDA client, through the bot's own wiring, against a local fake Discord (REST and
 * gateway) and a fake ICE site: registration, every subcommand, autocomplete, permissions, leaving
 * a guild, and an alert from a publication change to a posted message.
 */
class DiscordPlatformTest {
  static final String GUILD = "1200000000000000001";
  static final String LOCKED_GUILD = "1200000000000000011";
  static final String LEAVING_GUILD = "1200000000000000021";
  static final Duration WAIT = Duration.ofSeconds(10);

  static final AtomicLong ids = new AtomicLong(1700000000000000000L);
  static FakeDiscord discord;
  static FakeIce ice;
  static Wiring wiring;
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    discord = new FakeDiscord();
    // Channels ...101 to ...120 in the main guild: one or two per test, so tests do not meet.
    List<String> channels = new ArrayList<>();
    for (int i = 101; i <= 120; i++) {
      channels.add("1300000000000000" + i);
    }
    discord.addGuild(GUILD, FakeDiscord.BOT, channels.toArray(new String[0]));
    discord.addGuild(LOCKED_GUILD, FakeDiscord.VIEW_CHANNEL, "1300000000000000201");
    discord.addGuild(LEAVING_GUILD, FakeDiscord.BOT, "1300000000000000301");
    ice = new FakeIce();
    dir = Files.createTempDirectory("discord-test");
    String yaml =
        "storage: {path: '"
            + dir.resolve("bot.db")
            + "'}\n"
            + "source: {pageUrl: '"
            + ice.pageUrl()
            + "', pollInterval: PT1H}\n"
            + "admin: {enabled: false}\n"
            + discord.botSettings();
    Config config = new ConfigLoader(Map.of()).parse(yaml, "test config");
    wiring = new Wiring(config, Clock.systemUTC());
    // Started as the jar starts it: Discord, bundled lists, delivery and the poller (of a fake
    // ICE).
    wiring.start();
    discord.awaitIdentified(WAIT);
    // Registration is the last thing on READY: once it is seen, the guilds are cached.
    discord.await(r -> r.method().equals("PUT") && r.path().endsWith("/commands"), WAIT);
  }

  @AfterAll
  static void stop() throws Exception {
    wiring.close();
    discord.close();
    ice.close();
  }

  static String channel(int n) {
    return "1300000000000000" + n;
  }

  /** Sends a command and returns its callback's JSON. */
  static JsonNode command(String channel, String sub, Map<String, Object> options, boolean manager)
      throws InterruptedException {
    return command(GUILD, channel, sub, options, manager);
  }

  static JsonNode command(
      String guild, String channel, String sub, Map<String, Object> options, boolean manager)
      throws InterruptedException {
    String id = Long.toString(ids.incrementAndGet());
    discord.dispatch(
        "INTERACTION_CREATE",
        FakeDiscord.interaction(id, 2, guild, channel, sub, options, manager));
    return discord.awaitCallback(id, WAIT).json();
  }

  /** Everything a reply says, lower-cased: its embeds' descriptions. */
  static String text(JsonNode callback) {
    StringBuilder out = new StringBuilder();
    for (JsonNode e : callback.path("data").path("embeds")) {
      out.append(e.path("title").asText("")).append('\n');
      out.append(e.path("description").asText("")).append('\n');
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  static boolean ephemeral(JsonNode callback) {
    return (callback.path("data").path("flags").asInt(0) & 64) != 0;
  }

  static Set<String> follows(String guild, String channel) {
    return wiring
        .subscriptions()
        .find(new ChannelRef("discord", guild, channel))
        .map(Subscription::targets)
        .orElse(Set.of())
        .stream()
        .map(Target::code)
        .collect(Collectors.toSet());
  }

  @Test
  @DisplayName("the command is registered once by a bulk overwrite that hides nothing from members")
  void theCommandIsRegisteredOnceByABulkOverwriteThatHidesNothingFromMembers() {
    List<FakeDiscord.Request> registrations =
        discord.requests().stream()
            .filter(r -> r.path().matches("/api/v10/applications/\\d+/(guilds/\\d+/)?commands"))
            .filter(r -> !r.method().equals("GET"))
            .toList();
    assertEquals(1, registrations.size(), discord.summary().toString());
    assertEquals("PUT", registrations.get(0).method());
    JsonNode commands = registrations.get(0).json();
    assertEquals(1, commands.size());
    JsonNode command = commands.get(0);
    assertEquals("287g", command.path("name").asText());
    List<String> subs = new ArrayList<>();
    command.path("options").forEach(o -> subs.add(o.path("name").asText()));
    assertEquals(SlashCommandTest.SUBCOMMANDS, subs);
    JsonNode perms = command.path("default_member_permissions");
    assertTrue(perms.isMissingNode() || perms.isNull(), "no default permissions: " + perms);
    JsonNode county = command.path("options").get(0).path("options").get(0);
    assertEquals("county", county.path("name").asText());
    assertTrue(county.path("autocomplete").asBoolean());
    JsonNode language = command.path("options").get(4).path("options").get(0);
    assertEquals(2, language.path("choices").size());
    assertTrue(command.path("description").asText().length() <= 100);
  }

  @Test
  @DisplayName("status is answered privately about the county asked")
  void statusIsAnsweredPrivatelyAboutTheCountyAsked() throws Exception {
    JsonNode reply = command(channel(101), "status", Map.of("county", "harris tx"), false);

    assertEquals(4, reply.path("type").asInt());
    assertTrue(ephemeral(reply));
    assertTrue(text(reply).contains("harris county, tx"), text(reply));
  }

  @Test
  @DisplayName("status TX csv is answered with the whole list of Texas attached as a CSV file")
  void statusCsvAttachesTheFile() throws Exception {
    String id = Long.toString(ids.incrementAndGet());
    discord.dispatch(
        "INTERACTION_CREATE",
        FakeDiscord.interaction(
            id, 2, GUILD, channel(101), "status", Map.of("county", "TX csv"), false));
    String body = discord.awaitCallback(id, WAIT).body();

    // The bot serves the lists bundled in the jar (its fake ICE page links none): 2026-05-18's.
    String file = "287g-TX-2026-05-18.csv";
    assertTrue(body.contains("name=\"files[0]\"; filename=\"" + file + "\""), body);
    assertTrue(body.contains("list,agency,state,model,signed,moa"), body);
    assertTrue(body.contains("\r\nin force,"), "the file holds Texas's agreements: " + body);
    assertTrue(body.contains("\"attachments\":[{\"filename\":\"" + file + "\""), body);
    assertTrue(body.contains("attached as " + file), body);
  }

  @Test
  @DisplayName("status shared is shown to the channel")
  void statusSharedIsShownToTheChannel() throws Exception {
    JsonNode reply =
        command(channel(101), "status", Map.of("county", "48201", "share", true), false);

    assertFalse(ephemeral(reply));
    assertTrue(text(reply).contains("harris county, tx"), text(reply));
  }

  @Test
  @DisplayName("a member without manage channels cannot subscribe")
  void aMemberWithoutManageChannelsCannotSubscribe() throws Exception {
    JsonNode reply = command(channel(102), "subscribe", Map.of("county", "travis tx"), false);

    assertTrue(ephemeral(reply));
    assertTrue(text(reply).contains("manage channels"), text(reply));
    assertEquals(Set.of(), follows(GUILD, channel(102)));
  }

  @Test
  @DisplayName(
      "a manager picks a role the bot cannot mention, or @everyone: refused privately and nothing"
          + " stored; a mentionable role is stored and confirmed; no role turns it off")
  void mentionChecksTheRole() throws Exception {
    String ch = channel(119);
    ChannelRef ref = new ChannelRef("discord", GUILD, ch);
    String quiet = FakeDiscord.quietRole(GUILD);
    String loud = FakeDiscord.mentionableRole(GUILD);

    JsonNode refused =
        command(ch, "mention", Map.of("role", new FakeDiscord.RoleOption(quiet)), true);
    assertTrue(ephemeral(refused));
    assertTrue(text(refused).contains("i cannot ping the role quiet-team"), text(refused));
    assertEquals("", wiring.subscriptions().options(ref).mention());
    JsonNode everyone =
        command(ch, "mention", Map.of("role", new FakeDiscord.RoleOption(GUILD)), true);
    assertTrue(text(everyone).contains("never ping @everyone"), text(everyone));
    assertEquals("", wiring.subscriptions().options(ref).mention());

    JsonNode stored =
        command(ch, "mention", Map.of("role", new FakeDiscord.RoleOption(loud)), true);
    assertFalse(ephemeral(stored), text(stored));
    assertEquals("role:" + loud, wiring.subscriptions().options(ref).mention());
    assertEquals(0, stored.path("data").path("allowed_mentions").path("roles").size());

    command(ch, "mention", Map.of(), true);
    assertEquals("", wiring.subscriptions().options(ref).mention());
  }

  @Test
  @DisplayName("a member with manage channels subscribes and the channel sees it")
  void aMemberWithManageChannelsSubscribesAndTheChannelSeesIt() throws Exception {
    JsonNode reply = command(channel(103), "subscribe", Map.of("county", "travis tx"), true);

    assertFalse(ephemeral(reply), "a change to what the channel hears is confirmed to the channel");
    assertTrue(text(reply).contains("travis county"), text(reply));
    assertEquals(Set.of("48453"), follows(GUILD, channel(103)));
  }

  @Test
  @DisplayName("list unsubscribe language and help are answered")
  void listUnsubscribeLanguageAndHelpAreAnswered() throws Exception {
    String ch = channel(104);
    command(ch, "subscribe", Map.of("county", "harris tx"), true);

    assertTrue(text(command(ch, "list", Map.of(), false)).contains("harris county"));
    JsonNode spanish = command(ch, "language", Map.of("value", "es"), true);
    assertTrue(text(spanish).contains("español"), text(spanish));
    JsonNode unsubscribed = command(ch, "unsubscribe", Map.of("county", "48201"), true);
    assertTrue(text(unsubscribed).contains("harris"), text(unsubscribed));
    assertEquals(Set.of(), follows(GUILD, ch));
    JsonNode help = command(ch, "help", Map.of(), false);
    assertTrue(ephemeral(help));
    assertTrue(text(help).contains("subscribe"), text(help));
  }

  @Test
  @DisplayName(
      "pending, models and digest are set on Discord as on Slack, from choices, and list shows"
          + " them")
  void pendingModelsAndDigestWorkOnDiscord() throws Exception {
    String ch = channel(106);
    command(ch, "subscribe", Map.of("county", "harris tx"), true);

    command(ch, "pending", Map.of("value", "off"), true);
    command(ch, "models", Map.of("value", "jem,tfm"), true);
    command(ch, "digest", Map.of("value", 12), true);
    String list = text(command(ch, "list", Map.of(), false));

    assertTrue(list.contains("12"), list);
    assertTrue(list.contains("jem") && list.contains("tfm") && !list.contains("wso"), list);
    JsonNode refused = command(ch, "digest", Map.of("value", 3), false);
    assertTrue(text(refused).contains("manage channels"), text(refused));
  }

  @Test
  @DisplayName("a member without manage channels cannot unsubscribe either")
  void aMemberWithoutManageChannelsCannotUnsubscribeEither() throws Exception {
    String ch = channel(105);
    command(ch, "subscribe", Map.of("county", "harris tx"), true);

    JsonNode reply = command(ch, "unsubscribe", Map.of("county", "harris tx"), false);

    assertTrue(text(reply).contains("manage channels"), text(reply));
    assertEquals(Set.of("48201"), follows(GUILD, ch));
  }

  @Test
  @DisplayName("autocomplete offers harris county for harr")
  void autocompleteOffersHarrisCountyForHarr() throws Exception {
    String id = Long.toString(ids.incrementAndGet());
    discord.dispatch(
        "INTERACTION_CREATE",
        FakeDiscord.interaction(
            id, 4, GUILD, channel(106), "status", Map.of("county", "harr"), false));

    JsonNode reply = discord.awaitCallback(id, WAIT).json();

    assertEquals(8, reply.path("type").asInt());
    JsonNode choices = reply.path("data").path("choices");
    assertTrue(choices.size() >= 1 && choices.size() <= 25, choices.toString());
    boolean harris = false;
    for (JsonNode c : choices) {
      assertTrue(c.path("name").asText().length() <= 100);
      harris |=
          c.path("name").asText().equals("Harris County, TX")
              && c.path("value").asText().equals("48201");
    }
    assertTrue(harris, choices.toString());
  }

  @Test
  @DisplayName("subscribing where the bot cannot post says which permissions are missing")
  void subscribingWhereTheBotCannotPostSaysWhichPermissionsAreMissing() throws Exception {
    String ch = "1300000000000000201";

    JsonNode reply = command(LOCKED_GUILD, ch, "subscribe", Map.of("county", "travis tx"), true);

    assertTrue(ephemeral(reply));
    String text = text(reply);
    assertTrue(text.contains("send messages") && text.contains("embed links"), text);
    assertFalse(text.contains("view channel"), "the bot can view: " + text);
    assertEquals(Set.of(), follows(LOCKED_GUILD, ch));
  }

  @Test
  @DisplayName("leaving a guild forgets what its channels followed")
  void leavingAGuildForgetsWhatItsChannelsFollowed() throws Exception {
    String ch = "1300000000000000301";
    command(LEAVING_GUILD, ch, "subscribe", Map.of("county", "travis tx"), true);
    command(channel(107), "subscribe", Map.of("county", "travis tx"), true);
    assertEquals(Set.of("48453"), follows(LEAVING_GUILD, ch));

    discord.removeFromGuild(LEAVING_GUILD);

    long end = System.nanoTime() + WAIT.toNanos();
    while (!follows(LEAVING_GUILD, ch).isEmpty() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertEquals(Set.of(), follows(LEAVING_GUILD, ch));
    assertEquals(Set.of("48453"), follows(GUILD, channel(107)), "another guild keeps its own");
  }

  @Test
  @DisplayName("a new publication reaches the following channel as an embed within discords limits")
  void aNewPublicationReachesTheFollowingChannelAsAnEmbedWithinDiscordsLimits() throws Exception {
    String beauregard = channel(110);
    String oregon = channel(111);
    ice.publish(
        "05162025am",
        BundledSnapshots.read("2025-05-16-participating.xlsx"),
        BundledSnapshots.read("2025-05-15-pending.xlsx"));
    wiring.pollCycle().run();
    command(beauregard, "subscribe", Map.of("county", "beauregard parish la"), true);
    command(oregon, "subscribe", Map.of("county", "multnomah or"), true);
    ice.publish(
        "05192025am",
        BundledSnapshots.read("2025-05-19-participating.xlsx"),
        BundledSnapshots.read("2025-05-19-pending.xlsx"));
    wiring.pollCycle().run();

    FakeDiscord.Request post =
        discord.await(
            r ->
                r.method().equals("POST")
                    && r.path().equals("/api/v10/channels/" + beauregard + "/messages"),
            Duration.ofSeconds(20));

    JsonNode message = post.json();
    String all = message.toString().toLowerCase(Locale.ROOT);
    assertTrue(all.contains("beauregard"), all);
    assertEquals(List.of(), Limits.problems(message), all);
    Thread.sleep(1_500);
    assertTrue(
        discord.requests().stream().noneMatch(r -> r.path().contains("/channels/" + oregon + "/")),
        "nothing changed in Multnomah County");
  }
}
