package org.watch287g.bench;

import com.slack.api.app_backend.SlackSignature;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watch287g.Wiring;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Target;
import org.watch287g.config.AlertsConfig;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.dataset.UsState;

/**
 * Issue 19: one bot that many Slack workspaces installed through "Add to Slack", through the real
 * {@link Wiring}: its install pages, Bolt with each workspace's own token from the store (sealed
 * with {@code WATCH287G_SECRET_KEY}), the outbox and the delivery workers, against {@link
 * LimitingFakes.Slack} (about a message a second per channel, 80 ms away each way) that also checks
 * that every post carries its own workspace's token.
 *
 * <ul>
 *   <li>install to first alert: a workspace installs through the pages, a person types {@code /287g
 *       subscribe florida}, a publication with a Florida agreement is kept (handed to the ledger:
 *       the poll interval is not counted), until its alert reaches the fake;
 *   <li>1,000 workspaces (100 with {@code --quick}) installed through the pages, 10 channels each
 *       following Florida: the heap they add, and a restart's time to its first answered command;
 *   <li>a statewide event to all 10,000 channels: time, throughput, 429s, lost, duplicates, tokens.
 * </ul>
 */
final class WorkspacesSection {
  private static final String SECTION = "workspaces";
  private static final String SIGNING = "bench-signing-secret";
  private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
  private static final int CHANNELS_PER_WORKSPACE = 10;
  private static final Pattern STATE = Pattern.compile("state=([A-Za-z0-9_-]{20,})");

  private WorkspacesSection() {}

  static void run(Figures figures, boolean quick) throws Exception {
    firstAlert(figures);
    many(figures, quick ? 100 : 1_000);
  }

  private static String team(int i) {
    return String.format("T%07d", i);
  }

  private static String channel(String team, int i) {
    return "C" + team + "N" + i;
  }

  private static Config config(Path directory, LimitingFakes.Slack slack) throws Exception {
    String yaml =
        "storage: {path: '"
            + directory.resolve("bot.db")
            + "'}\n"
            + "slack: {clientId: '111.222', clientSecret: bench-client-secret, signingSecret: "
            + SIGNING
            + ", port: 0, apiUrl: '"
            + slack.apiUrl()
            + "', redirectUri: 'https://bot.example.org/slack/oauth_redirect'}\n"
            + "source: {pageUrl: 'http://127.0.0.1:9/287g', pollInterval: PT6H, retries: 0}\n"
            + "admin: {enabled: false}\n";
    return new ConfigLoader(Map.of(ConfigLoader.SECRET_KEY, KEY)).parse(yaml, "bench config");
  }

  /** Install, subscribe and a publication, until the workspace's first alert is posted. */
  private static void firstAlert(Figures figures) throws Exception {
    Path directory = Files.createTempDirectory("bench-workspaces-first");
    HttpClient http = HttpClient.newHttpClient();
    try (LimitingFakes.Slack slack =
            new LimitingFakes.Slack(3, Duration.ofSeconds(1), FanoutSection.WAN);
        Wiring wiring = new Wiring(config(directory, slack), Clock.systemUTC())) {
      wiring.slack().orElseThrow().start();
      wiring.deliveries().start();
      int port = wiring.slack().orElseThrow().port().orElseThrow();
      String team = team(1);
      String channel = channel(team, 0);
      long start = System.nanoTime();
      install(http, port, team);
      long installed = System.nanoTime();
      HttpResponse<String> subscribed =
          command(http, port, slack.apiUrl() + "response", team, channel, "subscribe florida");
      if (subscribed.statusCode() != 200) {
        throw new IllegalStateException("subscribe answered " + subscribed.statusCode());
      }
      long following = System.nanoTime();
      FanoutSection.enqueueStatewideEvents(
          wiring, List.of(new ChannelRef("slack", team, channel)), 1);
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (!slack.perChannel.containsKey(channel) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      long posted = System.nanoTime();
      String how =
          String.format(
              "install pages + oauth.v2.access %.0f ms, /287g subscribe %.0f ms, publication kept"
                  + " to alert posted %.0f ms; the fake Slack 80 ms away each way",
              (installed - start) / 1e6, (following - installed) / 1e6, (posted - following) / 1e6);
      figures.context(SECTION, "install to first alert", (posted - start) / 1e6, "ms", how);
    }
  }

  private static void many(Figures figures, int workspaces) throws Exception {
    Path directory = Files.createTempDirectory("bench-workspaces");
    HttpClient http = HttpClient.newHttpClient();
    try (LimitingFakes.Slack slack =
        new LimitingFakes.Slack(3, Duration.ofSeconds(1), FanoutSection.WAN)) {
      slack.teamOfChannel =
          channel -> channel.indexOf('N') > 1 ? channel.substring(1, channel.indexOf('N')) : "";
      Config config = config(directory, slack);
      List<ChannelRef> following = new ArrayList<>();
      double heapBefore;
      double heapAfter;
      long[] installs = new long[workspaces];
      try (Wiring wiring = new Wiring(config, Clock.systemUTC())) {
        wiring.slack().orElseThrow().start();
        int port = wiring.slack().orElseThrow().port().orElseThrow();
        heapBefore = usedHeapAfterGc();
        for (int w = 0; w < workspaces; w++) {
          long s = System.nanoTime();
          install(http, port, team(w));
          installs[w] = System.nanoTime() - s;
          for (int c = 0; c < CHANNELS_PER_WORKSPACE; c++) {
            following.add(new ChannelRef("slack", team(w), channel(team(w), c)));
          }
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
        heapAfter = usedHeapAfterGc();
      }
      Arrays.sort(installs);
      figures.context(
          SECTION,
          "one install through the pages, p50",
          installs[installs.length / 2] / 1e6,
          "ms",
          String.format(
              "%,d workspaces installed one after another (install page, then the redirect that"
                  + " exchanges the code and seals the token); p99 %.0f ms",
              workspaces, installs[(int) (installs.length * 0.99)] / 1e6));
      figures.context(
          SECTION,
          "heap the workspaces add",
          (heapAfter - heapBefore) / 1e6,
          "MB",
          String.format(
              "used heap after a full GC, in the bench's JVM, before installing and after %,d"
                  + " workspaces with %,d channels following Florida (%.1f MB before)",
              workspaces, following.size(), heapBefore / 1e6));

      // A restart with them all: until the last workspace's command is answered.
      long start = System.nanoTime();
      try (Wiring wiring = new Wiring(config, Clock.systemUTC())) {
        wiring.slack().orElseThrow().start();
        int port = wiring.slack().orElseThrow().port().orElseThrow();
        String last = team(workspaces - 1);
        HttpResponse<String> answer =
            command(
                http,
                port,
                slack.apiUrl() + "response",
                last,
                channel(last, 0),
                "status miami-dade fl");
        long answered = System.nanoTime();
        figures.context(
            SECTION,
            "restart to first answered command",
            (answered - start) / 1e6,
            "ms",
            String.format(
                "a new Wiring on the database of %,d workspaces, Slack started, until the last"
                    + " workspace's /287g status is answered (HTTP %d); in the bench's warm JVM",
                workspaces, answer.statusCode()));

        FanoutSection.enqueueStatewideEvents(wiring, following, 1);
        long fanout = System.nanoTime();
        wiring.deliveries().start();
        long deadline = fanout + Duration.ofMinutes(10).toNanos();
        while (wiring.outbox().depth("slack") > 0 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        long done = System.nanoTime();
        int expected = following.size();
        int lost = expected - slack.deliveredOnce(1);
        int duplicates = slack.duplicates(1);
        double rate = slack.acceptedPerSecond();
        int inFlight = AlertsConfig.DEFAULT_IN_FLIGHT;
        // With one alert per channel no Slack limit binds (a message a second per channel): the
        // bound is the bot's own window, alerts.inFlight posts at a time, each a round trip.
        double roundTrip = 2 * 80 / 1000.0;
        double ceiling = inFlight / roundTrip;
        String how =
            String.format(
                "%,d channels in %,d workspaces; %,d requests, %,d answered 429, %,d posted with"
                    + " another workspace's token; %.1f s until the outbox was empty; the bot's"
                    + " window of %d posts in flight over an 80 ms-each-way network allows %.0f"
                    + " msg/s",
                expected,
                workspaces,
                slack.requests.get(),
                slack.limited.get(),
                slack.wrongToken.get(),
                (done - fanout) / 1e9,
                inFlight,
                ceiling);
        figures.add(SECTION, "statewide fan-out: lost", lost, "alerts", "0", lost == 0, how);
        figures.add(
            SECTION,
            "statewide fan-out: duplicates",
            duplicates,
            "alerts",
            "0",
            duplicates == 0,
            how);
        figures.add(
            SECTION,
            "statewide fan-out: posts with another workspace's token",
            slack.wrongToken.get(),
            "posts",
            "0",
            slack.wrongToken.get() == 0,
            how);
        figures.context(SECTION, "statewide fan-out: throughput", rate, "msg/s", how);
        figures.context(
            SECTION,
            "statewide fan-out: share of the in-flight window's throughput",
            100 * rate / ceiling,
            "%",
            how);
      }
    }
  }

  private static double usedHeapAfterGc() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** Installs {@code team} through the bot's own pages, as an admin's browser does. */
  private static void install(HttpClient http, int port, String team) throws Exception {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/install"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher state = STATE.matcher(page.body());
    if (page.statusCode() != 200 || !state.find()) {
      throw new IllegalStateException("install page: HTTP " + page.statusCode());
    }
    HttpResponse<String> done =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/slack/oauth_redirect?code="
                            + LimitingFakes.Slack.CODE
                            + team
                            + "&state="
                            + state.group(1)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (done.statusCode() != 200) {
      throw new IllegalStateException("install of " + team + ": HTTP " + done.statusCode());
    }
  }

  /** {@code /287g <text>} typed in {@code channel} of {@code team}, signed as Slack signs it. */
  private static HttpResponse<String> command(
      HttpClient http, int port, String responseUrl, String team, String channel, String text)
      throws Exception {
    String body =
        "token=legacy&team_id="
            + team
            + "&team_domain=bench&channel_id="
            + channel
            + "&channel_name=watch&user_id=U1&user_name=someone&command=%2F287g&text="
            + URLEncoder.encode(text, StandardCharsets.UTF_8)
            + "&api_app_id=A1&is_enterprise_install=false"
            + "&response_url="
            + URLEncoder.encode(responseUrl, StandardCharsets.UTF_8)
            + "&trigger_id=1.1";
    String ts = String.valueOf(Instant.now().getEpochSecond());
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", new SlackSignature.Generator(SIGNING).generate(ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
