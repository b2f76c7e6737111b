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
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Target;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.Snapshot;
import org.watch287g.dataset.UsState;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.store.SourceCursor;
import org.watch287g.store.SourceLedger;
import org.watch287g.testing.FakeDiscord;
import org.watch287g.watch.BundledSnapshots;

/**
 * Issue 8, benchmark 2: one statewide event (Florida Highway Patrol's new agreement) to thousands
 * of channels, half Slack and half Discord, through the real bot: {@link Wiring}'s outbox, delivery
 * loop and workers (with their pacing), {@code SlackDeliverer} over Bolt's client and {@code
 * DiscordDeliverer} over JDA, against {@link LimitingFakes} that enforce the platforms' real limits
 * (Discord 50/s global and 5 per 5 s per channel; Slack about 1/s per channel, bursts of 3). Then
 * the same fakes against a naive sequential sender that obeys 429s but does not pace.
 */
final class FanoutSection {
  private static final String SECTION = "fanout";
  private static final int DISCORD_GLOBAL_PER_SECOND = 50;
  private static final int CHANNELS_PER_GUILD = 5;
  private static final long FIRST_GUILD = 1_200_000_000_000_000_000L;
  private static final long FIRST_CHANNEL = 1_300_000_000_000_000_000L;

  private FanoutSection() {}

  static void run(Figures figures, boolean quick) throws Exception {
    int channels = quick ? 1_000 : 10_000;
    bot(figures, channels);
    baseline(figures, quick ? 300 : 1_000);
  }

  private static String discordChannel(int index) {
    return Long.toString(FIRST_CHANNEL + index);
  }

  private static void bot(Figures figures, int channels) throws Exception {
    int perPlatform = channels / 2;
    int guilds = (perPlatform + CHANNELS_PER_GUILD - 1) / CHANNELS_PER_GUILD;
    Path directory = Files.createTempDirectory("bench-fanout");
    try (FakeDiscord gateway = new FakeDiscord();
        LimitingFakes.Discord discord =
            new LimitingFakes.Discord(
                gateway, DISCORD_GLOBAL_PER_SECOND, 5, Duration.ofSeconds(5));
        LimitingFakes.Slack slack = new LimitingFakes.Slack(3, Duration.ofSeconds(1))) {
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
              + "'}\n";
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
                  }
                  return null;
                });
        enqueueStatewideEvent(wiring, following);

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
        report(figures, "bot", "slack", slack, perPlatform, slackDone - start, Double.NaN);
        report(
            figures,
            "bot",
            "discord",
            discord,
            perPlatform,
            discordDone - start,
            DISCORD_GLOBAL_PER_SECOND);
      }
    }
  }

  private static void enqueueStatewideEvent(Wiring wiring, List<ChannelRef> channels)
      throws Exception {
    Publication publication =
        new SpreadsheetParser()
            .parse(BundledSnapshots.read("2026-05-18-participating.xlsx"), "2026-05-18");
    Agreement highwayPatrol =
        publication.agreements().stream()
            .filter(a -> a.state() == UsState.FL && a.agency().contains("Highway Patrol"))
            .findFirst()
            .orElseThrow();
    ChangeEvent event =
        new ChangeEvent(
            ChangeEvent.Type.NEW_AGREEMENT, ListKind.PARTICIPATING, highwayPatrol, null, Set.of());
    Instant now = Instant.now();
    String source = "https://www.ice.gov/bench/participating.xlsx";
    wiring
        .ledger()
        .keep(
            List.of(
                new SourceLedger.Kept(
                    new SourceCursor(ListKind.PARTICIPATING, source, null, null, "h", now, now),
                    new Provenance(
                        Provenance.Origin.FETCHED, source, ListKind.PARTICIPATING, now, "h"),
                    Snapshot.Status.GOOD,
                    null,
                    publication,
                    "bench")),
            List.of(new SourceLedger.Found(event, "ST:FL", channels)),
            now);
  }

  private static void report(
      Figures figures,
      String sender,
      String platform,
      LimitingFakes.Counted fake,
      int expected,
      long elapsedNanos,
      double allowedPerSecond) {
    String name = sender + ", " + platform + ": ";
    int delivered = fake.perChannel.size();
    int lost = expected - delivered;
    double limitedShare = 100.0 * fake.limited.get() / Math.max(1, fake.requests.get());
    double rate = fake.acceptedPerSecond();
    String how =
        String.format(
            "%,d channels; %,d requests, %,d answered 429; %.1f s until the outbox was empty",
            expected, fake.requests.get(), fake.limited.get(), elapsedNanos / 1e9);
    boolean bot = sender.equals("bot");
    if (bot) {
      figures.add(SECTION, name + "lost", lost, "alerts", "0", lost == 0, how);
      figures.add(
          SECTION,
          name + "requests answered 429",
          limitedShare,
          "%",
          "< 1%",
          limitedShare < 1,
          how);
      figures.context(
          SECTION, name + "duplicates (counted by the fake)", fake.duplicates(), "alerts", how);
    } else {
      figures.context(SECTION, name + "lost", lost, "alerts", how);
      figures.context(SECTION, name + "requests answered 429", limitedShare, "%", how);
    }
    figures.context(SECTION, name + "throughput", rate, "msg/s", how);
    if (Double.isFinite(allowedPerSecond)) {
      // The fastest the fake allows: a burst of the limit each second, so N messages need
      // ceil(N / limit) - 1 seconds from the first to the last. Compared span to span, so that the
      // first burst does not flatter a short run.
      int accepted = fake.accepted.get();
      double fastestSeconds = Math.ceil(accepted / allowedPerSecond) - 1;
      double actualSeconds = (fake.lastAcceptedNanos.get() - fake.firstAcceptedNanos.get()) / 1e9;
      double share = 100 * fastestSeconds / actualSeconds;
      String allowed =
          String.format(
              "%,d accepted from first to last in %.2f s; the limit of %s/s allows %.0f s",
              accepted, actualSeconds, Figures.format(allowedPerSecond), fastestSeconds);
      if (bot) {
        figures.add(
            SECTION,
            name + "share of allowed throughput",
            share,
            "%",
            ">= 90%",
            share >= 90,
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
      report(figures, "naive sequential", "slack", slack, perPlatform, slackNanos, Double.NaN);
      report(
          figures,
          "naive sequential",
          "discord",
          discord,
          perPlatform,
          discordNanos,
          DISCORD_GLOBAL_PER_SECOND);
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
