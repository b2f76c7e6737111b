package org.watch287g.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Target;
import org.watch287g.dataset.UsState;
import org.watch287g.store.Database;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.testing.FakeDiscord;
import org.watch287g.testing.FakeIce;

/**
 * Fault 3 of issue 8 on Discord: the packaged jar with Discord on {@link FakeDiscord} (the real JDA
 * client against Discord's wire protocol; Slack off) fanning out the 2025-05-19 publication
 * (Beauregard Parish, Louisiana, signs) to channels following Louisiana, while Discord answers 429s
 * with its real bodies and headers, 5xx, 403 Missing Access, 404 Unknown Channel, or 401.
 */
class DiscordFaultsIT {
  private static final String GUILD = "1200000000000000001";
  private static final String ADMIN = "1300000000000000900";
  private static final String DENIED = "1300000000000000403";
  private static final String GONE = "1300000000000000404";
  private static final int LIVE = 6;
  private static final String MESSAGES = "/api/v10/channels/";

  @TempDir Path dir;

  private Path db() {
    return dir.resolve("bot.db");
  }

  private static String live(int i) {
    return Long.toString(1300000000000000100L + i);
  }

  private static String[] liveChannels() {
    String[] ids = new String[LIVE];
    for (int i = 0; i < LIVE; i++) {
      ids[i] = live(i);
    }
    return ids;
  }

  /** The channel a {@code POST /channels/{id}/messages} goes to, or null for another request. */
  private static @Nullable String target(FakeDiscord.Request r) {
    if (!r.method().equals("POST")
        || !r.path().startsWith(MESSAGES)
        || !r.path().endsWith("/messages")) {
      return null;
    }
    return r.path().substring(MESSAGES.length(), r.path().length() - "/messages".length());
  }

  /** Alerts the fake accepted, per channel (the admin channel's notices left out). */
  private static Map<String, Integer> alerts(FakeDiscord discord) {
    Map<String, Integer> n = new TreeMap<>();
    for (FakeDiscord.Request r : discord.created()) {
      String channel = target(r);
      if (channel != null
          && !channel.equals(ADMIN)
          && r.body().toLowerCase(Locale.ROOT).contains("beauregard")) {
        n.merge(channel, 1, Integer::sum);
      }
    }
    return n;
  }

  /** Notices the fake accepted in the admin channel. */
  private static List<String> notices(FakeDiscord discord) {
    return discord.created().stream()
        .filter(r -> ADMIN.equals(target(r)))
        .map(FakeDiscord.Request::body)
        .toList();
  }

  /** Subscribes these channels of {@link #GUILD} to the whole of Louisiana, in the database. */
  private void seed(String... channels) {
    try (Database d = Database.open(db(), Duration.ofSeconds(10))) {
      SubscriptionRepository subs = new SubscriptionRepository(d);
      for (String c : channels) {
        subs.follow(
            new ChannelRef("discord", GUILD, c), Target.state(UsState.LA), Instant.now(), "seed");
      }
    }
  }

  /** The jar's config: Discord on the fake, Slack off, the given ICE page, no admin port. */
  private String config(FakeIce ice, FakeDiscord discord) {
    return "{\"storage\":{\"path\":\""
        + db()
        + "\"},\"source\":{\"pageUrl\":\""
        + ice.pageUrl()
        + "\",\"pollInterval\":\"PT1S\"},\"admin\":{\"enabled\":false},"
        + "\"discord\":{\"token\":\"faults.discord.token\",\"apiUrl\":\""
        + discord.apiUrl()
        + "\",\"gatewayUrl\":\""
        + discord.gatewayUrl()
        + "\",\"adminChannel\":\""
        + ADMIN
        + "\"}}";
  }

  private static FakeDiscord discord() throws Exception {
    FakeDiscord discord = new FakeDiscord();
    String[] channels = new String[LIVE + 3];
    System.arraycopy(liveChannels(), 0, channels, 0, LIVE);
    channels[LIVE] = DENIED;
    channels[LIVE + 1] = GONE;
    channels[LIVE + 2] = ADMIN;
    discord.addGuild(GUILD, FakeDiscord.BOT, channels);
    return discord;
  }

  private static void awaitReady(FakeDiscord discord, Bot bot) throws InterruptedException {
    assertTrue(
        Rig.await(Duration.ofMinutes(1), () -> discord.identifies() > 0),
        "the bot connects to the gateway\n" + bot.tail());
  }

  private long dead() {
    return Rig.count(db(), "SELECT count(*) FROM outbox WHERE status = 'dead'");
  }

  private long pending(String channel) {
    return Rig.count(
        db(),
        "SELECT count(*) FROM outbox WHERE channel = '" + channel + "' AND status = 'pending'");
  }

  /** The shortest time between two refused posts to the same channel. */
  private static long minGapMillis(Map<String, List<Long>> at) {
    long min = Long.MAX_VALUE;
    for (List<Long> times : at.values()) {
      List<Long> sorted = times.stream().sorted().toList();
      for (int i = 1; i < sorted.size(); i++) {
        min = Math.min(min, (sorted.get(i) - sorted.get(i - 1)) / 1_000_000);
      }
    }
    return min;
  }

  /** What the fake answers alert posts with, phase by phase. */
  private enum Phase {
    STORM,
    BURST,
    CALM
  }

  @Test
  @DisplayName(
      "Discord answering a storm of 429s, then a burst of 5xx, with one channel's access taken"
          + " away and another deleted: the bot keeps running, gives up on nothing, tells each"
          + " live channel exactly once when Discord recovers, holds the unreachable channels'"
          + " alerts and names them in the admin channel")
  void stormBurstAndUnreachableChannels() throws Exception {
    Rig.baseline(dir, db());
    seed(liveChannels());
    seed(DENIED, GONE);
    Set<String> liveSet = Set.of(liveChannels());
    AtomicInteger limited = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger refusedAccess = new AtomicInteger();
    AtomicReference<Phase> phase = new AtomicReference<>(Phase.STORM);
    Set<String> unreachable = ConcurrentHashMap.newKeySet();
    unreachable.addAll(List.of(DENIED, GONE));
    Map<String, List<Long>> limitedAt = new ConcurrentHashMap<>();
    try (FakeIce ice = new FakeIce();
        FakeDiscord discord = discord()) {
      discord.fault(
          r -> {
            String channel = target(r);
            if (channel == null) {
              return null;
            }
            if (channel.equals(DENIED) && unreachable.contains(DENIED)) {
              refusedAccess.incrementAndGet();
              return FakeDiscord.error(403, 50001, "Missing Access");
            }
            if (channel.equals(GONE) && unreachable.contains(GONE)) {
              refusedAccess.incrementAndGet();
              return FakeDiscord.error(404, 10003, "Unknown Channel");
            }
            if (!liveSet.contains(channel)) {
              return null;
            }
            return switch (phase.get()) {
              case STORM -> {
                limited.incrementAndGet();
                limitedAt
                    .computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>())
                    .add(r.receivedNanos());
                yield FakeDiscord.bucketRateLimited(0.5);
              }
              case BURST -> {
                // Discord's 5xx alternate: a 500 JDA hands back at once, a 503 it retries itself.
                int n = failed.incrementAndGet();
                yield n % 2 == 0
                    ? FakeDiscord.error(503, 0, "503: Service Unavailable")
                    : FakeDiscord.error(500, 0, "500: Internal Server Error");
              }
              case CALM -> null;
            };
          });
      Rig.publishNext(ice);
      try (Bot bot = new Bot(dir, config(ice, discord), Map.of()).start()) {
        awaitReady(discord, bot);
        // The storm: every live channel told to wait, again and again.
        assertTrue(
            Rig.await(Duration.ofMinutes(1), () -> limited.get() >= 4 * LIVE),
            "the bot tries through the 429 storm\n" + bot.tail());
        assertTrue(bot.alive(), "still running through the 429 storm\n" + bot.tail());
        assertEquals(Map.of(), alerts(discord), "nothing accepted during the storm");
        assertEquals(0, dead(), "nothing given up during the storm\n" + bot.tail());
        long minGapMillis = minGapMillis(limitedAt);
        assertTrue(
            minGapMillis >= 450,
            "each channel waits Discord's retry_after (0.5 s) before trying again: "
                + minGapMillis
                + " ms");

        // The 5xx burst.
        phase.set(Phase.BURST);
        assertTrue(
            Rig.await(Duration.ofMinutes(1), () -> failed.get() >= 2 * LIVE),
            "the bot retries through the 5xx burst\n" + bot.tail());
        assertTrue(bot.alive(), "still running through the 5xx burst\n" + bot.tail());
        assertEquals(0, dead(), "nothing given up during the 5xx burst\n" + bot.tail());

        // Discord recovers.
        phase.set(Phase.CALM);
        assertTrue(
            Rig.await(Duration.ofMinutes(1), () -> alerts(discord).size() >= LIVE),
            "every live channel told once Discord recovers\n" + bot.tail());
        Thread.sleep(1000);
        Map<String, Integer> told = alerts(discord);
        assertEquals(liveSet, told.keySet(), told.toString());
        assertTrue(told.values().stream().allMatch(n -> n == 1), "exactly once each: " + told);
        assertEquals(0, dead(), "no alert given up on\n" + bot.tail());
        assertTrue(bot.alive(), "still running\n" + bot.tail());

        // The unreachable channels: paused, their alerts held, the operator told which.
        assertEquals(1, pending(DENIED), "the alert to the channel without access is held");
        assertEquals(1, pending(GONE), "the alert to the deleted channel is held");
        assertEquals(
            2,
            Rig.count(db(), "SELECT count(*) FROM channel WHERE paused_at IS NOT NULL"),
            "both unreachable channels paused");
        assertTrue(
            Rig.await(
                Duration.ofSeconds(10),
                () ->
                    notices(discord).stream().anyMatch(b -> b.contains(DENIED))
                        && notices(discord).stream().anyMatch(b -> b.contains(GONE))),
            "the admin channel names both unreachable channels: " + notices(discord));
        int attemptsAtPaused = refusedAccess.get();
        assertTrue(
            attemptsAtPaused <= 4,
            "a paused channel is left alone, not retried: " + attemptsAtPaused + " posts");

        // Access comes back to one of them, and an organizer subscribes it again there.
        unreachable.remove(DENIED);
        discord.dispatch(
            "INTERACTION_CREATE",
            FakeDiscord.interaction(
                "1700000000000000001",
                2,
                GUILD,
                DENIED,
                "subscribe",
                Map.of("county", "louisiana"),
                true));
        assertTrue(
            Rig.await(Duration.ofSeconds(30), () -> alerts(discord).containsKey(DENIED)),
            "the held alert reaches the channel once it is subscribed again\n" + bot.tail());
        Thread.sleep(1000);
        assertEquals(1, alerts(discord).get(DENIED), "once: " + alerts(discord));
        assertEquals(1, pending(GONE), "the deleted channel's alert is still held");
        System.out.printf(
            "discord faults: %d 429s (retry_after 0.5 s, X-RateLimit-* headers; shortest retry"
                + " %d ms) then %d 5xx (500/503): bot alive, %d live channels told exactly once"
                + " each, 0 dead; 403 Missing Access (50001) and 404 Unknown Channel (10003): %d"
                + " posts, both channels paused with 1 alert held each, admin channel told (%d"
                + " notices); access restored + /287g subscribe: held alert delivered once%n",
            limited.get(),
            minGapMillis,
            failed.get(),
            told.size(),
            attemptsAtPaused,
            notices(discord).size());
      }
    }
  }

  @Test
  @DisplayName(
      "Discord answering 401 (a revoked token): the bot keeps running, holds every alert without"
          + " hammering Discord, says the token is refused, and delivers everything once after a"
          + " restart with a working token")
  void revokedToken() throws Exception {
    Rig.baseline(dir, db());
    seed(liveChannels());
    AtomicInteger refused = new AtomicInteger();
    try (FakeIce ice = new FakeIce();
        FakeDiscord discord = discord()) {
      MockResponse unauthorized = FakeDiscord.error(401, 0, "401: Unauthorized");
      discord.fault(
          r -> {
            if (target(r) == null) {
              return null;
            }
            refused.incrementAndGet();
            return unauthorized;
          });
      Rig.publishNext(ice);
      try (Bot bot = new Bot(dir, config(ice, discord), Map.of()).start()) {
        awaitReady(discord, bot);
        assertTrue(
            Rig.await(
                Duration.ofMinutes(1),
                () -> bot.log().toLowerCase(Locale.ROOT).contains("refuses the bot")),
            "the log says Discord refuses the token\n" + bot.tail());
        Thread.sleep(2000);
        assertTrue(bot.alive(), "still running\n" + bot.tail());
        int attempts = refused.get();
        assertTrue(
            attempts <= 3,
            "Discord is left alone after the refusal, not hammered: " + attempts + " posts");
        assertEquals(
            LIVE,
            Rig.count(db(), "SELECT count(*) FROM outbox WHERE status = 'pending'"),
            "every alert held\n" + bot.tail());
        assertEquals(0, dead());

        // The operator puts a new token in the configuration and restarts.
        discord.fault(null);
        bot.stop();
        bot.start();
        assertTrue(
            Rig.await(Duration.ofMinutes(1), () -> alerts(discord).size() >= LIVE),
            "every channel told after the restart\n" + bot.tail());
        Thread.sleep(1000);
        Map<String, Integer> told = alerts(discord);
        assertTrue(told.values().stream().allMatch(n -> n == 1), "exactly once each: " + told);
        String line =
            bot.log()
                .lines()
                .filter(l -> l.toLowerCase(Locale.ROOT).contains("refuses the bot"))
                .findFirst()
                .orElse("");
        System.out.printf(
            "discord faults: 401 on posting: %d posts before the platform was held, %d alerts"
                + " held, logged \"%s\"; all %d delivered once after a restart%n",
            attempts, LIVE, line.strip(), told.size());
      }
    }
  }
}
