package org.watch287g.faults;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sends {@code /287g} slash commands to the jar's Slack endpoint as Slack does, signed or not. */
final class SlackCommands {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final int port;
  private final SlackApi slack;
  private int n;

  SlackCommands(int port, SlackApi slack) {
    this.port = port;
    this.slack = slack;
  }

  /** A reply: the HTTP status and the body the bot answered with. */
  record Reply(int status, String body) {}

  /** The form body Slack sends for {@code /287g text} typed in a channel. */
  String body(String text, String channel) {
    return body(text, channel, slack.responseUrl(channel + "-" + ++n));
  }

  /** The same, naming another response_url. */
  String body(String text, String channel, String responseUrl) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "x");
    form.put("team_id", "T1");
    form.put("team_domain", "faults");
    form.put("channel_id", channel);
    form.put("channel_name", channel.toLowerCase(java.util.Locale.ROOT));
    form.put("user_id", "U1");
    form.put("user_name", "organizer");
    form.put("command", "/287g");
    form.put("text", text);
    form.put("api_app_id", "A1");
    form.put("trigger_id", "1.2.3");
    form.put("response_url", responseUrl);
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** Signed with the right secret, now. */
  Reply send(String text, String channel) throws IOException, InterruptedException {
    return sendSigned(body(text, channel));
  }

  /** Posts a body signed with the right secret, now. */
  Reply sendSigned(String body) throws IOException, InterruptedException {
    long ts = Instant.now().getEpochSecond();
    return post(
        body,
        Map.of(
            "X-Slack-Request-Timestamp", "" + ts, "X-Slack-Signature", sign(Rig.SECRET, ts, body)));
  }

  static String sign(String secret, long ts, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "v0="
          + HexFormat.of()
              .formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  Reply post(String body, Map<String, String> headers) throws IOException, InterruptedException {
    return post(HttpRequest.BodyPublishers.ofString(body), headers);
  }

  Reply post(HttpRequest.BodyPublisher body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(body);
    headers.forEach(b::header);
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body());
  }

  /** Whether the endpoint answers at all (the bot is up). */
  boolean listening() {
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(
          new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
