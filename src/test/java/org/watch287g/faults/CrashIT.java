package org.watch287g.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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
import org.watch287g.testing.Latency;
import org.watch287g.testing.NonceWindow;

/**
 * Fault 1 of issues 8 and 18: the bot killed with SIGKILL again and again during a statewide
 * fan-out to Slack and Discord channels (half each), both fakes 80 ms away, some of the kills while
 * a fake has accepted a message but not yet answered, restarted each time on the same database.
 * Sixteen messages are in flight per platform. What was in flight at a kill stays leased to the
 * dead process until its lease runs out (60 s), then goes again: Discord answers a repeated nonce
 * with the message already posted (no duplicate), Slack's is looked for in the channel's history
 * (the fake Slack grants {@code channels:history}; {@code -Dfaults.slackHistory=false} runs it
 * without, when each is sent again and the duplicates must stay within the bound). Fast form (in
 * {@code mvn verify}): 3 crashes during 150 messages; long form ({@code -Dfaults.long=true}): 20
 * during 2,000.
 */
class CrashIT {
  private static final long FIRST_GUILD = 1_200_000_000_000_000_000L;
  private static final long FIRST_CHANNEL = 1_300_000_000_000_000_000L;
  private static final int CHANNELS_PER_GUILD = 100;
  private static final int IN_FLIGHT = 16;
  private static final Duration LEASE = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  @DisplayName(
      "killed with SIGKILL at random points of a statewide fan-out with 16 in flight and restarted"
          + " each time, the bot loses no alert, repeats none on Discord (the nonce) and on Slack"
          + " no more than were in flight, and takes up what was in flight after its lease")
  void crashesLoseNothing() throws Exception {
    int total = Rig.longForm() ? 2000 : 150;
    int crashes = Rig.longForm() ? 20 : 3;
    boolean slackHistory = Boolean.parseBoolean(System.getProperty("faults.slackHistory", "true"));
    int slackChannels = total / 2;
    int discordChannels = total - slackChannels;
    long seed = Long.getLong("faults.seed", System.nanoTime());
    Random random = new Random(seed);
    Path db = dir.resolve("bot.db");
    Rig.baseline(dir, db);
    Rig.seedLouisiana(db, slackChannels);
    List<String> discordIds = seedDiscord(db, discordChannels);
    try (FakeIce ice = new FakeIce();
        SlackApi slack = new SlackApi().latency(Latency.ofMillis(80)).historyScope(slackHistory);
        FakeDiscord discord = new FakeDiscord().latency(Latency.ofMillis(80))) {
      for (int g = 0; g * CHANNELS_PER_GUILD < discordChannels; g++) {
        List<String> ids =
            discordIds.subList(
                g * CHANNELS_PER_GUILD, Math.min(discordChannels, (g + 1) * CHANNELS_PER_GUILD));
        discord.addGuild(
            Long.toString(FIRST_GUILD + g), FakeDiscord.BOT, ids.toArray(new String[0]));
      }
      Rig.publishNext(ice);
      int port = Rig.freePort();
      try (Bot bot =
          new Bot(dir, config(db, ice, slack, discord, port, slackHistory), Rig.slackEnv())
              .start()) {
        int heldSlack = 0;
        int heldDiscord = 0;
        long t0 = System.currentTimeMillis();
        for (int crash = 0; crash < crashes; crash++) {
          // A random point in this crash's share of the fan-out: the first may fall before or
          // during the transaction that queues it.
          int share = total / (crashes + 1);
          int target = crash * share + random.nextInt(share);
          Rig.await(
              Duration.ofMinutes(3),
              () -> delivered(slack) + alerts(discord).size() >= target || !bot.alive());
          assertTrue(bot.alive(), "the bot died by itself\n" + bot.tail());
          if (crash % 2 == 1) {
            // A fake records the next message as accepted and keeps the answer: killed between.
            slack.holdNext();
            discord.holdNext();
            if (slack.awaitHeld(20)) {
              heldSlack++;
            }
            if (discord.awaitHeld(20)) {
              heldDiscord++;
            }
          }
          System.out.printf(
              "crash %d at %d + %d delivered, %d ms%n",
              crash, delivered(slack), alerts(discord).size(), System.currentTimeMillis() - t0);
          bot.kill9();
          slack.release();
          discord.release();
          bot.start();
        }
        assertTrue(
            Rig.await(
                Duration.ofMinutes(6),
                () ->
                    delivered(slack) >= slackChannels
                        && alerts(discord).size() >= discordChannels
                        && pending(db) == 0),
            "every channel told within 6 minutes of the last restart\n" + bot.tail());
        Thread.sleep(3000); // anything still to come (a duplicate) arrives now
        bot.stop();

        Map<String, Integer> toldSlack = slack.counts(c -> !c.equals(Rig.ADMIN));
        Map<String, Integer> toldDiscord = alerts(discord);
        long lost = (long) slackChannels - toldSlack.size() + discordChannels - toldDiscord.size();
        int slackDuplicates = toldSlack.values().stream().mapToInt(n -> n - 1).sum();
        int discordDuplicates = toldDiscord.values().stream().mapToInt(n -> n - 1).sum();
        int bound = crashes * IN_FLIGHT;
        // Each re-send of a message Discord had taken (a nonce replay) came once the lease the
        // dead process held on it had run out: at least a lease after the first send.
        long earliestReplay = Long.MAX_VALUE;
        for (FakeDiscord.Request again : discord.replayed()) {
          String nonce = NonceWindow.enforcedNonce(again.body());
          for (FakeDiscord.Request first : discord.created()) {
            if (nonce != null && nonce.equals(NonceWindow.enforcedNonce(first.body()))) {
              earliestReplay =
                  Math.min(earliestReplay, again.receivedNanos() - first.receivedNanos());
            }
          }
        }
        System.out.printf(
            "crash faults: %d crashes (Slack held an accepted message at %d, Discord at %d),"
                + " %d messages (%d Slack, %d Discord), 16 in flight, 80 ms each way; lost %d;"
                + " duplicates on Discord %d (nonce replays %d); on Slack %d (bound %d, history"
                + " %s, %d looks); first re-send %d ms after its first send; %d ms (seed %d)%n",
            crashes,
            heldSlack,
            heldDiscord,
            total,
            slackChannels,
            discordChannels,
            lost,
            discordDuplicates,
            discord.nonceReplays(),
            slackDuplicates,
            bound,
            slackHistory ? "granted" : "not granted",
            slack.historyCalls(),
            earliestReplay == Long.MAX_VALUE ? -1 : earliestReplay / 1_000_000,
            System.currentTimeMillis() - t0,
            seed);
        assertEquals(0, lost, "alerts lost");
        assertEquals(0, discordDuplicates, "duplicates on Discord (seed " + seed + ")");
        assertTrue(
            slackDuplicates <= bound,
            slackDuplicates
                + " duplicates on Slack over "
                + crashes
                + " crashes (seed "
                + seed
                + ")");
        if (slackHistory) {
          assertEquals(0, slackDuplicates, "Slack messages in doubt are looked for first");
        }
        if (heldDiscord > 0) {
          assertTrue(
              discord.nonceReplays() >= 1,
              "the message Discord held was sent again and answered by its nonce");
        }
        if (discord.nonceReplays() > 0) {
          assertTrue(
              earliestReplay >= LEASE.minusSeconds(3).toNanos(),
              "a message in flight at a kill waits for its lease: sent again "
                  + earliestReplay / 1_000_000
                  + " ms after its first send");
        }
        assertEquals(
            total,
            Rig.count(db, "SELECT count(*) FROM outbox WHERE status = 'sent'"),
            "every outbox row is marked sent");
        assertEquals(
            0,
            Rig.count(db, "SELECT count(*) FROM outbox WHERE lease_owner IS NOT NULL"),
            "no lease left behind");
        assertTrue(
            slack.posts(p -> !p.channel().equals(Rig.ADMIN)).stream()
                .allMatch(p -> p.text().toLowerCase(Locale.ROOT).contains("beauregard")),
            "every alert is the Beauregard Parish one");
      }
    }
  }

  /** Subscribes {@code n} Discord channels to the whole of Louisiana; returns their IDs. */
  private static List<String> seedDiscord(Path db, int n) {
    List<String> ids = new ArrayList<>();
    try (Database d = Database.open(db, Duration.ofSeconds(10))) {
      SubscriptionRepository subs = new SubscriptionRepository(d);
      for (int i = 0; i < n; i++) {
        String id = Long.toString(FIRST_CHANNEL + i);
        ids.add(id);
        subs.follow(
            new ChannelRef("discord", Long.toString(FIRST_GUILD + i / CHANNELS_PER_GUILD), id),
            Target.state(UsState.LA),
            Instant.now(),
            "seed");
      }
    }
    return ids;
  }

  /** Slack over HTTP and Discord, both on their fakes; 16 in flight; history looks unthrottled. */
  private static String config(
      Path db, FakeIce ice, SlackApi slack, FakeDiscord discord, int port, boolean history) {
    String slackOnly = Rig.config(db, ice, slack, port, "PT1S");
    return slackOnly.substring(0, slackOnly.length() - 2)
        + ",\"historyPerMinute\":"
        + (history ? 50 : 0)
        + "},\"discord\":{\"token\":\"faults.discord.token\",\"apiUrl\":\""
        + discord.apiUrl()
        + "\",\"gatewayUrl\":\""
        + discord.gatewayUrl()
        + "\"},\"alerts\":{\"inFlight\":"
        + IN_FLIGHT
        + "}}";
  }

  private static int delivered(SlackApi slack) {
    return slack.counts(c -> !c.equals(Rig.ADMIN)).size();
  }

  /** The Beauregard alerts Discord posted, per channel. */
  private static Map<String, Integer> alerts(FakeDiscord discord) {
    Map<String, Integer> n = new TreeMap<>();
    for (FakeDiscord.Request r : discord.created()) {
      if (r.body().toLowerCase(Locale.ROOT).contains("beauregard")) {
        String path = r.path();
        n.merge(
            path.substring("/api/v10/channels/".length(), path.length() - "/messages".length()),
            1,
            Integer::sum);
      }
    }
    return n;
  }

  private static long pending(Path db) {
    return Rig.count(db, "SELECT count(*) FROM outbox WHERE status <> 'sent'");
  }
}
