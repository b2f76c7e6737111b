package org.watch287g.discord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.Wiring;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.testing.FakeDiscord;
import org.watch287g.testing.FakeIce;

/**
 * {@code /287g map} and the map under a status on Discord, through the real JDA client against the
 * fake Discord, with the lists bundled in the jar.
 */
class DiscordMapTest {
  static final String GUILD = "1200000000000000031";
  static final String CHANNEL = "1300000000000000401";
  static final Duration WAIT = Duration.ofSeconds(20);
  static final AtomicLong ids = new AtomicLong(1700000000000500000L);

  static FakeDiscord discord;
  static FakeIce ice;
  static Wiring wiring;

  @BeforeAll
  static void start() throws Exception {
    discord = new FakeDiscord();
    discord.addGuild(GUILD, FakeDiscord.BOT, CHANNEL);
    ice = new FakeIce();
    Path dir = Files.createTempDirectory("discord-map-test");
    String yaml =
        "storage: {path: '"
            + dir.resolve("bot.db")
            + "'}\n"
            + "source: {pageUrl: '"
            + ice.pageUrl()
            + "', pollInterval: PT1H}\n"
            + discord.botSettings();
    Config config = new ConfigLoader(Map.of()).parse(yaml, "test config");
    wiring = new Wiring(config, Clock.systemUTC());
    wiring.seedBundledSnapshots();
    wiring.discord().orElseThrow().start();
    discord.awaitIdentified(WAIT);
    discord.await(r -> r.method().equals("PUT") && r.path().endsWith("/commands"), WAIT);
  }

  @AfterAll
  static void stop() throws Exception {
    wiring.close();
    discord.close();
    ice.close();
  }

  static String send(String sub, Map<String, Object> options) throws InterruptedException {
    String id = Long.toString(ids.incrementAndGet());
    discord.dispatch(
        "INTERACTION_CREATE", FakeDiscord.interaction(id, 2, GUILD, CHANNEL, sub, options, false));
    return id;
  }

  @Test
  @DisplayName(
      "map TX is answered with the PNG attached, shown by its embed through attachment://, and"
          + " described in words by the attachment's alt text")
  void mapIsAttachedAndShownInTheEmbed() throws Exception {
    String id = send("map", Map.of("county", "TX"));
    discord.awaitCallback(id, WAIT);
    String body =
        discord
            .await(r -> r.method().equals("PATCH") && r.path().contains("/tok" + id + "/"), WAIT)
            .body();

    assertTrue(body.contains("filename=\"287g-map-TX-2026-05-18.png\""), body);
    assertTrue(body.contains("\"url\":\"attachment://287g-map-TX-2026-05-18.png\""), body);
    assertTrue(body.contains("\"description\":\"Map: 287(g) agreements in Texas"), body);
    assertTrue(body.contains("387 agreements in force"), body);
    assertTrue(body.contains("Content-Type: image/png") || body.contains("PNG"), body);
  }

  @Test
  @DisplayName("status TX shows the state's map under the status, as an attachment")
  void statusShowsTheMap() throws Exception {
    String id = send("status", Map.of("county", "TX"));
    discord.awaitCallback(id, WAIT);
    String body =
        discord
            .await(r -> r.method().equals("PATCH") && r.path().contains("/tok" + id + "/"), WAIT)
            .body();

    assertTrue(body.contains("287(g) in Texas"), body.substring(0, Math.min(2000, body.length())));
    assertTrue(body.contains("attachment://287g-map-TX-2026-05-18.png"), "the map is shown");
  }

  @Test
  @DisplayName(
      "when Discord refuses the reply with its map, the text answer still comes, saying why")
  void aRefusedMapStillGivesTheText() throws Exception {
    String id = Long.toString(ids.get() + 1);
    // Discord refuses the first edit that carries the picture.
    java.util.concurrent.atomic.AtomicBoolean refused =
        new java.util.concurrent.atomic.AtomicBoolean();
    discord.fault(
        r ->
            r.method().equals("PATCH")
                    && r.path().contains("/tok" + id + "/")
                    && r.body().contains("attachment://")
                    && refused.compareAndSet(false, true)
                ? new MockResponse.Builder()
                    .code(413)
                    .addHeader("Content-Type", "application/json")
                    .body("{\"message\":\"Request entity too large\",\"code\":40005}")
                    .build()
                : null);

    send("map", Map.of("county", "harris tx"));
    FakeDiscord.Request retry;
    try {
      retry =
          discord.await(
              r -> r.path().contains("/tok" + id + "/") && r.body().contains("would not take"),
              WAIT);
    } finally {
      discord.fault(null);
    }

    assertTrue(retry.body().contains("287(g) agreements in Texas"), retry.body());
    assertFalse(retry.body().contains("attachment://"), retry.body());
  }
}
