package org.watch287g.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.watch287g.Wiring;
import org.watch287g.alerts.ChannelOptions;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Target;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.UsState;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.store.SourceCursor;
import org.watch287g.store.SourceLedger;
import org.watch287g.testing.FakeDiscord;
import org.watch287g.testing.Latency;
import org.watch287g.watch.BundledSnapshots;

/**
 * Issue 8, benchmark 2: one statewide event (Florida Highway Patrol's new agreement) to thousands
 * of channels, half Slack and half Discord, through the real bot: {@link Wiring}'s outbox, delivery
 * loop and workers (with their pacing), {@code SlackDeliverer} over Bolt's client and {@code
 * DiscordDeliverer} over JDA, against {@link LimitingFakes} that enforce the platforms' real limits
 * (Discord 50/s global and 5 per 5 s per channel; Slack about 1/s per channel, bursts of 3), 80 ms
 * away each way (issue 18: a real network's round trip, give or take 8 ms). The bot as configured
 * ({@code alerts.inFlight} 16) and, in the same run, with one message in flight per platform (the
 * worker before issue 18). Then the same fakes against a naive sequential sender that obeys 429s
 * but does not pace.
 */
final class FanoutSection {
  private static final String SECTION = "fanout";
  private static final int DISCORD_GLOBAL_PER_SECOND = 50;
  private static final int CHANNELS_PER_GUILD = 5;
  private static final long FIRST_GUILD = 1_200_000_000_000_000_000L;
  private static final long FIRST_CHANNEL = 1_300_000_000_000_000_000L;

  private FanoutSection() {}

  /** The platforms' distance: 80 ms each way, give or take 8. */
  static final Latency WAN = Latency.ofMillis(80);

  static void run(Figures figures, boolean quick) throws Exception {
    int channels = quick ? 1_000 : 10_000;
    bot(figures, "bot", channels, 1, IN_FLIGHT);
    // The same, one message in flight per platform: fewer channels, the rate is what compares.
    bot(figures, "one in flight", quick ? 300 : 1_000, 1, 1);
    // A busy day: a state signs several agreements in one publication, and channels that raised
    // their digest threshold get each as its own message, so each channel's own limit binds.
    bot(figures, "bot, busy channels", quick ? 100 : 400, BUSY_ALERTS, IN_FLIGHT);
    baseline(figures, quick ? 300 : 1_000);
  }

  /** The configuration's default. */
  private static final int IN_FLIGHT = org.watch287g.config.AlertsConfig.DEFAULT_IN_FLIGHT;

  /** Alerts per channel in the busy-channels run: one Slack allows a message a second. */
  private static final int BUSY_ALERTS = 8;

  private static String discordChannel(int index) {
    return Long.toString(FIRST_CHANNEL + index);
  }

  private static void bot(
      Figures figures, String sender, int channels, int alertsPerChannel, int inFlight)
      throws Exception {
    int perPlatform = channels / 2;
    int guilds = (perPlatform + CHANNELS_PER_GUILD - 1) / CHANNELS_PER_GUILD;
    Path directory = Files.createTempDirectory("bench-fanout");
    try (FakeDiscord gateway = new FakeDiscord();
        LimitingFakes.Discord discord =
            new LimitingFakes.Discord(
                gateway, DISCORD_GLOBAL_PER_SECOND, 5, Duration.ofSeconds(5), WAN);
        LimitingFakes.Slack slack = new LimitingFakes.Slack(3, Duration.ofSeconds(1), WAN)) {
      for (int guild = 0; guild < guilds; guild++) {
        String[] ids = new String[CHANNELS_PER_GUILD];
        for (int i = 0; i < CHANNELS_PER_GUILD; i++) {
          ids[i] = discordChannel(guild * CHANNELS_PER_GUILD + i);
        }
        gateway.addGuild(Long.toString(FIRST_GUILD + guild), FakeDiscord.BOT, ids);
      }
      String yaml =
          "storage: {path: '"
              + directory.resolve("bot.db")
              + "'}\n"
              + "slack: {botToken: xoxb-bench, signingSecret: bench-secret, port: 0, apiUrl: '"
              + slack.apiUrl()
              + "'}\n"
              + "discord: {token: 'bench.discord.token', apiUrl: '"
              + discord.apiUrl()
              + "', gatewayUrl: '"
              + gateway.gatewayUrl()
              + "'}\n"
              + "alerts: {inFlight: "
              + inFlight
              + "}\n";
      Config config = new ConfigLoader(Map.of()).parse(yaml, "bench config");
      try (Wiring wiring = new Wiring(config, Clock.systemUTC())) {
        List<ChannelRef> following = new ArrayList<>();
        for (int i = 0; i < perPlatform; i++) {
          following.add(new ChannelRef("slack", "T1", "C" + (100_000 + i)));
          following.add(
              new ChannelRef(
                  "discord",
                  Long.toString(FIRST_GUILD + i / CHANNELS_PER_GUILD),
                  discordChannel(i)));
        }
        wiring
            .database()
            .transaction(
                connection -> {
                  for (ChannelRef channel : following) {
                    wiring
                        .subscriptions()
                        .follow(channel, Target.state(UsState.FL), Instant.EPOCH, null);
                    if (alertsPerChannel > 1) {
                      wiring
                          .subscriptions()
                          .setOptions(
                              channel,
                              ChannelOptions.defaults().withDigestThreshold(alertsPerChannel),
                              Instant.EPOCH);
                    }
                  }
                  return null;
                });
        enqueueStatewideEvents(wiring, following, alertsPerChannel);

        wiring.discord().orElseThrow().start();
        gateway.awaitIdentified(Duration.ofSeconds(60));
        gateway.await(
            r -> r.method().equals("PUT") && r.path().endsWith("/commands"), Duration.ofMinutes(2));

        long start = System.nanoTime();
        wiring.deliveries().start();
        long slackDone = 0;
        long discordDone = 0;
        long deadline = start + Duration.ofMinutes(10).toNanos();
        while ((slackDone == 0 || discordDone == 0) && System.nanoTime() < deadline) {
          Thread.sleep(100);
          if (slackDone == 0 && wiring.outbox().depth("slack") == 0) {
            slackDone = System.nanoTime();
          }
          if (discordDone == 0 && wiring.outbox().depth("discord") == 0) {
            discordDone = System.nanoTime();
          }
        }
        int messages = perPlatform * alertsPerChannel;
        // Slack allows a channel about a message a second (its bursts are undocumented, so the
        // bot does not count on them): k messages to a channel need k - 1 seconds. With one
        // message per channel no Slack limit binds.
        double slackFastest = alertsPerChannel > 1 ? alertsPerChannel - 1 : Double.NaN;
        report(
            figures,
            sender,
            "slack",
            slack,
            messages,
            alertsPerChannel,
            slackDone - start,
            slackFastest);
        // Discord: 50 a second for the bot, and 5 per 5 s for each channel.
        double discordFastest =
            Math.max(
                Math.ceil(messages / (double) DISCORD_GLOBAL_PER_SECOND) - 1,
                (Math.ceil(alertsPerChannel / 5.0) - 1) * 5);
        report(
            figures,
            sender,
            "discord",
            discord,
            messages,
            alertsPerChannel,
            discordDone - start,
            discordFastest);
      }
    }
  }

  /**
   * Queues {@code count} new Florida agreements (the first is the Highway Patrol, statewide) to
   * every channel, as one publication.
   */
  static void enqueueStatewideEvents(Wiring wiring, List<ChannelRef> channels, int count)
      throws Exception {
    Publication publication =
        new SpreadsheetParser()
            .parse(BundledSnapshots.read("2026-05-18-participating.xlsx"), "2026-05-18");
    List<Agreement> florida =
        publication.agreements().stream()
            .filter(a -> a.state() == UsState.FL)
            .sorted(
                java.util.Comparator.comparing(
                    (Agreement a) -> !a.agency().contains("Highway Patrol")))
            .limit(count)
            .toList();
    List<SourceLedger.Found> found = new ArrayList<>();
    for (Agreement agreement : florida) {
      found.add(
          new SourceLedger.Found(
              new ChangeEvent(
                  ChangeEvent.Type.NEW_AGREEMENT,
                  ListKind.PARTICIPATING,
                  agreement,
                  null,
                  Set.of()),
              "ST:FL",
              channels));
    }
    Instant now = Instant.now();
    String source = "https://www.ice.gov/bench/participating.xlsx";
    wiring
        .ledger()
        .keep(
            List.of(
                SourceLedger.Judged.good(
                    new SourceLedger.Arrival(
                        new SourceCursor(ListKind.PARTICIPATING, source, null, null, "h", now, now),
                        new Provenance(
                            Provenance.Origin.FETCHED, source, ListKind.PARTICIPATING, now, "h"),
                        publication,
                        "bench"))),
            found,
            now);
  }

  private static void report(
      Figures figures,
      String sender,
      String platform,
      LimitingFakes.Counted fake,
      int expected,
      int perChannel,
      long elapsedNanos,
      double fastestSeconds) {
    String name = sender + ", " + platform + ": ";
    int lost = expected - fake.deliveredOnce(perChannel);
    int duplicates = fake.duplicates(perChannel);
    double limitedShare = 100.0 * fake.limited.get() / Math.max(1, fake.requests.get());
    double rate = fake.acceptedPerSecond();
    String how =
        String.format(
            "%,d messages to %,d channels; %,d requests, %,d answered 429; %.1f s until the"
                + " outbox was empty; %s",
            expected,
            fake.perChannel.size(),
            fake.requests.get(),
            fake.limited.get(),
            elapsedNanos / 1e9,
            sender.startsWith("naive") ? "on loopback" : "80 ms each way");
    boolean bot = sender.startsWith("bot");
    if (bot) {
      figures.add(SECTION, name + "lost", lost, "alerts", "0", lost == 0, how);
      figures.add(
          SECTION,
          name + "requests answered 429",
          limitedShare,
          "%",
          "< 0.5%",
          limitedShare < 0.5,
          how);
      figures.add(
          SECTION,
          name + "duplicates (counted by the fake)",
          duplicates,
          "alerts",
          "0",
          duplicates == 0,
          how);
    } else if (sender.equals("one in flight")) {
      figures.context(SECTION, name + "lost", lost, "alerts", how);
      figures.context(SECTION, name + "requests answered 429", limitedShare, "%", how);
      figures.context(SECTION, name + "duplicates", duplicates, "alerts", how);
    } else {
      figures.context(SECTION, name + "lost", lost, "alerts", how);
      figures.context(SECTION, name + "requests answered 429", limitedShare, "%", how);
    }
    figures.context(SECTION, name + "throughput", rate, "msg/s", how);
    if (Double.isFinite(fastestSeconds)) {
      // The fastest the limits allow, from the first message to the last (a burst at the start
      // of each window): compared span to span, so that the first burst does not flatter a short
      // run.
      int accepted = fake.accepted.get();
      double actualSeconds = (fake.lastAcceptedNanos.get() - fake.firstAcceptedNanos.get()) / 1e9;
      double share = 100 * fastestSeconds / actualSeconds;
      String allowed =
          String.format(
              "%,d accepted from first to last in %.2f s; the limits allow %.0f s",
              accepted, actualSeconds, fastestSeconds);
      if (bot) {
        figures.add(
            SECTION,
            name + "share of allowed throughput",
            share,
            "%",
            ">= 95%",
            share >= 95,
            allowed);
      } else {
        figures.context(SECTION, name + "share of allowed throughput", share, "%", allowed);
      }
    }
  }

  /**
   * The naive sender: one message after another as fast as it can, waiting out each 429's {@code
   * Retry-After} before trying that message again. What a first version of any bot does.
   */
  private static void baseline(Figures figures, int channels) throws Exception {
    int perPlatform = channels / 2;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try (FakeDiscord gateway = new FakeDiscord();
        LimitingFakes.Discord discord =
            new LimitingFakes.Discord(
                gateway, DISCORD_GLOBAL_PER_SECOND, 5, Duration.ofSeconds(5));
        LimitingFakes.Slack slack = new LimitingFakes.Slack(3, Duration.ofSeconds(1))) {
      long start = System.nanoTime();
      for (int i = 0; i < perPlatform; i++) {
        naiveSend(
            http,
            HttpRequest.newBuilder(URI.create(slack.apiUrl() + "chat.postMessage"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("channel=C" + i + "&text=alert"))
                .build());
      }
      long slackNanos = System.nanoTime() - start;
      start = System.nanoTime();
      for (int i = 0; i < perPlatform; i++) {
        naiveSend(
            http,
            HttpRequest.newBuilder(
                    URI.create(discord.apiUrl() + "channels/" + discordChannel(i) + "/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"alert\"}"))
                .build());
      }
      long discordNanos = System.nanoTime() - start;
      report(figures, "naive sequential", "slack", slack, perPlatform, 1, slackNanos, Double.NaN);
      report(
          figures,
          "naive sequential",
          "discord",
          discord,
          perPlatform,
          1,
          discordNanos,
          Math.ceil(perPlatform / (double) DISCORD_GLOBAL_PER_SECOND) - 1);
    }
  }

  private static void naiveSend(HttpClient http, HttpRequest request) throws Exception {
    while (true) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 429) {
        return;
      }
      long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
      Thread.sleep(seconds * 1000);
    }
  }
}
