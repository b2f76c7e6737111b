package org.watch287g.slack;

import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.watch287g.Wiring;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.testing.FakeIce;

/**
 * The whole bot, built by the real {@code Wiring} with Slack on, served on a free loopback port and
 * pointed at a {@link FakeSlack}; sends slash commands signed the way Slack signs them.
 */
final class SlackTestBot implements AutoCloseable {
  static final String SECRET = "e2e-signing-secret";

  final FakeSlack fake;
  final Wiring wiring;
  final SlackPlatform slack;
  private final FakeIce ice;
  final int port;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicInteger triggers = new AtomicInteger();

  /**
   * @param dir where the database goes
   * @param slackYaml extra keys of the {@code slack} section, one per line, indented by 2
   * @param extraYaml more sections (e.g. {@code source:})
   */
  SlackTestBot(Path dir, String slackYaml, String extraYaml) throws IOException {
    this(
        dir,
        "  botToken: ${SLACK_BOT_TOKEN}\n" + slackYaml,
        extraYaml,
        Map.of("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_SIGNING_SECRET", SECRET));
  }

  /** The key that encrypts installed workspaces' tokens in {@link #distributed} bots. */
  static final String SECRET_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  static final String CLIENT_ID = "111.222";

  /**
   * A bot any number of workspaces install through "Add to Slack" (no bot token of its own).
   *
   * @param extraYaml more sections, as for the other constructor
   */
  static SlackTestBot distributed(Path dir, String extraYaml) throws IOException {
    return new SlackTestBot(
        dir,
        """
          clientId: ${SLACK_CLIENT_ID}
          clientSecret: ${SLACK_CLIENT_SECRET}
          redirectUri: https://bot.example.org/slack/oauth_redirect
        """,
        extraYaml,
        Map.of(
            "SLACK_CLIENT_ID",
            CLIENT_ID,
            "SLACK_CLIENT_SECRET",
            "client-secret",
            "SLACK_SIGNING_SECRET",
            SECRET,
            "WATCH287G_SECRET_KEY",
            SECRET_KEY));
  }

  private SlackTestBot(Path dir, String slackYaml, String extraYaml, Map<String, String> env)
      throws IOException {
    this.fake = new FakeSlack();
    this.ice = new FakeIce();
    String source =
        extraYaml.contains("source:")
            ? ""
            : "source:\n  pageUrl: " + ice.pageUrl() + "\n  pollInterval: PT1H\n  retries: 0\n";
    String admin = extraYaml.contains("admin:") ? "" : "admin:\n  enabled: false\n";
    String yaml =
        "storage:\n  path: "
            + dir.resolve("bot.db")
            + "\nslack:\n  signingSecret: ${SLACK_SIGNING_SECRET}\n"
            + "  authorizeUrl: "
            + fake.apiUrl().replace("/api/", "/oauth/v2/authorize")
            + "\n  apiUrl: "
            + fake.apiUrl()
            + "\n  port: 0\n"
            + slackYaml
            + extraYaml
            + source
            + admin;
    Config config = new ConfigLoader(env).parse(yaml, "test");
    this.wiring = new Wiring(config, Clock.systemUTC());
    // Started as the jar starts it: bundled lists, Slack, delivery and the poller (of a fake ICE).
    wiring.start();
    this.slack = wiring.slack().orElseThrow();
    this.port = slack.port().orElse(-1);
  }

  SlackTestBot(Path dir) throws IOException {
    this(dir, "", "");
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port + SlackHttpServer.PATH);
  }

  /**
   * The form body Slack sends for {@code /287g <text>} typed by {@code user} in {@code channel}.
   */
  String body(String text, String channel, String user) {
    return body("T1", text, channel, user);
  }

  /** The same, typed in workspace {@code team}. */
  String body(String team, String text, String channel, String user) {
    return "token=legacy&team_id="
        + team
        + "&team_domain=test&channel_id="
        + channel
        + "&channel_name=watch&user_id="
        + user
        + "&user_name=someone&command=%2F287g&text="
        + URLEncoder.encode(text, StandardCharsets.UTF_8)
        + "&api_app_id=A1&is_enterprise_install=false&response_url="
        + URLEncoder.encode(fake.responseUrl(), StandardCharsets.UTF_8)
        + "&trigger_id=1."
        + triggers.incrementAndGet();
  }

  /** The form body Slack sends when {@code user} clicks a button carrying {@code value}. */
  String click(String actionId, String value, String channel, String user) {
    String payload =
        "{\"type\":\"block_actions\",\"team\":{\"id\":\"T1\",\"domain\":\"t\"},"
            + "\"user\":{\"id\":\""
            + user
            + "\",\"username\":\"someone\",\"team_id\":\"T1\"},\"api_app_id\":\"A1\","
            + "\"token\":\"legacy\",\"container\":{\"type\":\"message\",\"message_ts\":\"1.2\","
            + "\"channel_id\":\""
            + channel
            + "\",\"is_ephemeral\":true},\"trigger_id\":\"1.2."
            + triggers.incrementAndGet()
            + "\",\"channel\":{\"id\":\""
            + channel
            + "\",\"name\":\"watch\"},\"response_url\":\""
            + fake.responseUrl()
            + "\",\"actions\":[{\"action_id\":\""
            + actionId
            + "\",\"block_id\":\"b\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},"
            + "\"value\":\""
            + value
            + "\",\"type\":\"button\",\"action_ts\":\"1.3\"}]}";
    return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
  }

  /** Sends {@code /287g <text>}, signed now. */
  HttpResponse<String> command(String text, String channel, String user) throws Exception {
    return post(body(text, channel, user), Instant.now().getEpochSecond(), SECRET);
  }

  /** Sends {@code /287g <text>} from workspace {@code team}, signed now. */
  HttpResponse<String> command(String team, String text, String channel, String user)
      throws Exception {
    return post(body(team, text, channel, user), Instant.now().getEpochSecond(), SECRET);
  }

  /** Sends an Events API event of workspace {@code team}, signed now. */
  HttpResponse<String> event(String team, String eventJson) throws Exception {
    return postJson(
        "{\"token\":\"legacy\",\"team_id\":\""
            + team
            + "\",\"api_app_id\":\"A1\",\"event\":"
            + eventJson
            + ",\"type\":\"event_callback\",\"event_id\":\"Ev"
            + triggers.incrementAndGet()
            + "\",\"event_time\":"
            + Instant.now().getEpochSecond()
            + "}");
  }

  /** Posts an Events API body as it is, signed now. */
  HttpResponse<String> postJson(String body) throws Exception {
    String ts = String.valueOf(Instant.now().getEpochSecond());
    return send(
        HttpRequest.newBuilder(endpoint())
            .header("Content-Type", "application/json")
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", new SlackSignature.Generator(SECRET).generate(ts, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** GETs a path of the bot's Slack server (the install pages), with its query. */
  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .GET()
            .build());
  }

  HttpResponse<String> command(String text) throws Exception {
    return command(text, "C1", "U1");
  }

  /** Posts a body signed with {@code secret} at {@code timestamp}. */
  HttpResponse<String> post(String body, long timestamp, String secret) throws Exception {
    String ts = String.valueOf(timestamp);
    String signature = new SlackSignature.Generator(secret).generate(ts, body);
    return send(
        HttpRequest.newBuilder(endpoint())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", ts)
            .header("X-Slack-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    wiring.close();
    fake.close();
    ice.close();
  }
}
