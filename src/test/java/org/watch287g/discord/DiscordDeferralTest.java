package org.watch287g.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.commands.ChannelSettings;
import org.watch287g.commands.CommandService;
import org.watch287g.commands.PublishedLists;
import org.watch287g.config.DiscordConfig;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Snapshot;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.CountyQuery;
import org.watch287g.geo.Gazetteer;
import org.watch287g.store.Database;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.testing.FakeDiscord;

/**
 * An answer that takes longer than Discord's patience: the interaction is deferred at once (type 5)
 * and the answer arrives as an edit of the original response.
 */
class DiscordDeferralTest {
  static final String GUILD = "1200000000000000001";
  static final String CHANNEL = "1300000000000000101";

  /**
   * Opened by the test: until then, reading a channel's settings blocks, like a locked database.
   */
  final CountDownLatch settingsReadable = new CountDownLatch(1);

  @TempDir Path dir;
  FakeDiscord discord;
  DiscordPlatform platform;

  /**
   * A channel's settings that cannot be read until the test says so, as a database stuck behind a
   * lock: every other call goes to the real repository. A proxy, so that it keeps up with the
   * interface.
   */
  ChannelSettings gated(ChannelSettings real) {
    InvocationHandler slowOptions =
        (proxy, method, args) -> {
          if (method.getName().equals("options") && !settingsReadable.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never opened the gate");
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (ChannelSettings)
        Proxy.newProxyInstance(
            ChannelSettings.class.getClassLoader(),
            new Class<?>[] {ChannelSettings.class},
            slowOptions);
  }

  /** Settings in a new database of their own. */
  static ChannelSettings realSettings(Path dir) {
    return new SubscriptionRepository(Database.open(dir.resolve("bot.db"), Duration.ofSeconds(2)));
  }

  /** Nothing published yet. */
  static final class NoLists implements PublishedLists {
    @Override
    public Optional<Snapshot> latestGood(ListKind kind) {
      return Optional.empty();
    }

    @Override
    public List<RecordedChange> recentChanges(UsState state, int limit) {
      return List.of();
    }
  }

  @BeforeEach
  void start() throws Exception {
    discord = new FakeDiscord();
    discord.addGuild(GUILD, FakeDiscord.BOT, CHANNEL);
    CountyQuery places = new CountyQuery(Gazetteer.bundled());
    CommandService commands =
        new CommandService(
            places,
            Gazetteer.bundled(),
            AgencyResolver.bundled(),
            new NoLists(),
            gated(realSettings(dir)),
            Clock.systemUTC());
    DiscordConfig config =
        new DiscordConfig(
            "test.discord.token",
            URI.create(discord.apiUrl()),
            URI.create(discord.gatewayUrl()),
            "");
    platform = new DiscordPlatform(config, commands, places, guild -> {});
    platform.start();
    discord.awaitIdentified(Duration.ofSeconds(10));
    discord.await(
        r -> r.method().equals("PUT") && r.path().endsWith("/commands"), Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    settingsReadable.countDown();
    platform.close();
    discord.close();
  }

  @Test
  @DisplayName("an answer still being worked on is deferred privately, then sent as an edit")
  void aSlowAnswerIsDeferredThenSentAsAnEdit() throws Exception {
    String id = "1700000000000000001";
    discord.dispatch(
        "INTERACTION_CREATE",
        FakeDiscord.interaction(
            id, 2, GUILD, CHANNEL, "status", Map.of("county", "harris tx"), false));

    FakeDiscord.Request callback = discord.awaitCallback(id, Duration.ofSeconds(10));
    boolean answeredBeforeDeferring = settingsReadable.getCount() == 0;
    settingsReadable.countDown();
    FakeDiscord.Request edit =
        discord.await(
            r ->
                r.path()
                    .equals(
                        "/api/v10/webhooks/"
                            + FakeDiscord.APP_ID
                            + "/tok"
                            + id
                            + "/messages/@original"),
            Duration.ofSeconds(10));

    assertFalse(answeredBeforeDeferring, "the answer could not be ready before the deferral");
    assertEquals(5, callback.json().path("type").asInt(), "deferred");
    assertEquals(64, callback.json().path("data").path("flags").asInt() & 64, "privately");
    assertEquals("PATCH", edit.method());
    JsonNode embeds = edit.json().path("embeds");
    assertTrue(
        embeds.toString().toLowerCase(Locale.ROOT).contains("harris county, tx"),
        embeds.toString());
  }
}
