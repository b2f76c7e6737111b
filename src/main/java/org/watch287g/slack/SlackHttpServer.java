package org.watch287g.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.web.HttpAnswer;
import org.watch287g.web.HttpCall;
import org.watch287g.web.HttpRoute;
import org.watch287g.web.PublicHttpServer;

/**
 * Serves {@code POST /slack/events} to a Bolt app, on the {@link PublicHttpServer} (which has
 * already bounded the request's size and time). In order, before Bolt sees anything:
 *
 * <ol>
 *   <li>only {@code POST} (405);
 *   <li>the signature and timestamp, checked by {@link RequestSignature} over the raw body (401):
 *       an unsigned request goes no further, so it can neither fill the replay guard nor reach
 *       Bolt's unauthenticated paths (its SSL check, its parser's logging);
 *   <li>the {@link ReplayGuard}, for verified requests only (401 for a replay; 503, with a warning,
 *       when it is full of live verified requests);
 *   <li>a form body, which is all Slack sends to this app (415).
 * </ol>
 *
 * Refusals are logged at most once a minute at WARN, the rest at debug, and never with the
 * request's content.
 */
final class SlackHttpServer implements HttpRoute, AutoCloseable {
  static final String PATH = "/slack/events";

  /** Slash commands and interactions are a few KiB; anything much larger is not from Slack. */
  static final int MAX_BODY = 64 * 1024;

  /** 200,000 pairs (about 16 MB at most) cover 600 verified requests a second for the window. */
  static final int REPLAY_CAPACITY = 200_000;

  private static final Logger log = LoggerFactory.getLogger(SlackHttpServer.class);
  private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String JSON = "application/json";

  private final App app;
  private final SlackRequestParser parser;
  private final RequestSignature signature;
  private final ReplayGuard replays;
  private final PublicHttpServer server;
  private final AtomicLong lastRefusal = new AtomicLong();
  private final AtomicLong lastFull = new AtomicLong();
  private volatile boolean events;

  /** Binds now (so a port in use fails at start-up) and serves once {@link #start} is called. */
  SlackHttpServer(
      App app,
      String signingSecret,
      String bindAddress,
      int port,
      Clock clock,
      PublicHttpServer.Limits limits,
      int replayCapacity)
      throws IOException {
    this(app, signingSecret, bindAddress, port, clock, limits, replayCapacity, SharedReplays.NONE);
  }

  /** A server whose replay guard shares its memory with other instances through {@code shared}. */
  SlackHttpServer(
      App app,
      String signingSecret,
      String bindAddress,
      int port,
      Clock clock,
      PublicHttpServer.Limits limits,
      int replayCapacity,
      SharedReplays shared)
      throws IOException {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.signature = new RequestSignature(signingSecret, clock);
    this.replays = new ReplayGuard(clock, replayCapacity, shared);
    this.server = new PublicHttpServer(bindAddress, port, limits);
    server.route(PATH, this);
  }

  /** Serves another route on the same server (the install pages); before {@link #start}. */
  void route(String path, HttpRoute route) {
    server.route(path, route);
  }

  /**
   * Also takes Events API requests (JSON): the app distributed to many workspaces subscribes to
   * {@code app_uninstalled} and {@code tokens_revoked}. One workspace's bot takes none.
   */
  void acceptEvents() {
    this.events = true;
  }

  void start() throws IOException {
    server.start();
  }

  /** The port bound, useful when 0 was asked for. */
  int port() {
    return server.port();
  }

  @Override
  public int maxBody() {
    return MAX_BODY;
  }

  @Override
  public HttpAnswer answer(HttpCall call) {
    if (!call.method().equals("POST")) {
      return HttpAnswer.text(405, "only POST").with("Allow", "POST");
    }
    String timestamp = call.header("x-slack-request-timestamp");
    String sig = call.header("x-slack-signature");
    RequestSignature.Verdict verdict = signature.check(timestamp, sig, call.body());
    if (verdict != RequestSignature.Verdict.VALID || timestamp == null || sig == null) {
      refused(verdict.reason());
      return invalid(401);
    }
    switch (replays.claim(timestamp, sig)) {
      case REPLAY -> {
        refused("a replay of a request already answered");
        return invalid(401);
      }
      case FULL -> {
        // Only verified requests get here: Slack itself, or someone with the signing secret.
        warn(
            lastFull,
            "refused a signed Slack request: {} verified requests in the last six minutes fill the"
                + " replay guard; if this is not real traffic, the signing secret has leaked:"
                + " regenerate it",
            replays.size());
        return invalid(503);
      }
      case UNAVAILABLE -> {
        warn(
            lastFull,
            "refused a signed Slack request: the database that remembers the requests answered"
                + " by every instance does not answer ({} remembered here)",
            replays.size());
        return invalid(503);
      }
      case FIRST -> {
        // go on
      }
    }
    if (!call.mediaType().equals(FORM) && !(events && call.mediaType().equals(JSON))) {
      refused("not a form body: Slack sends commands and clicks as forms (and events as JSON)");
      return invalid(415);
    }
    return bolt(call);
  }

  private HttpAnswer bolt(HttpCall call) {
    Response response;
    try {
      Request<?> request =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(call.path())
                  .queryString(QueryStringParser.toMap(call.query()))
                  .headers(new RequestHeaders(call.headers()))
                  .requestBody(new String(call.body(), StandardCharsets.UTF_8))
                  .remoteAddress(call.remoteAddress())
                  .build());
      response = app.run(request);
    } catch (Exception e) {
      // Bolt throws when it cannot start (auth.test failing); Slack shows its own error.
      log.warn("Bolt could not handle a request: {}", e.getClass().getName());
      response = Response.builder().statusCode(500).body("").build();
    }
    int status = response.getStatusCode() == null ? 500 : response.getStatusCode();
    String type = response.getContentType();
    String body = response.getBody();
    HttpAnswer answer =
        new HttpAnswer(
            status,
            type == null ? "text/plain" : type,
            body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
            Map.of());
    Map<String, List<String>> extra = response.getHeaders();
    if (extra != null) {
      for (Map.Entry<String, List<String>> h : extra.entrySet()) {
        if (!h.getValue().isEmpty() && !h.getKey().equalsIgnoreCase("content-type")) {
          answer = answer.with(h.getKey(), h.getValue().get(0));
        }
      }
    }
    return answer;
  }

  private static HttpAnswer invalid(int status) {
    return new HttpAnswer(
        status,
        "application/json",
        "{\"error\":\"invalid request\"}".getBytes(StandardCharsets.UTF_8),
        Map.of());
  }

  /** Logs a refused request (why, never what it held), at most one warning a minute. */
  private void refused(String why) {
    warn(lastRefusal, "refused a Slack request: {}", why);
  }

  /** Logs at WARN if {@code lastWarning} is over a minute ago (and then updates it), else debug. */
  private static void warn(AtomicLong lastWarning, String format, @Nullable Object argument) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if ((last == 0 || now - last > WARN_EVERY_NANOS) && lastWarning.compareAndSet(last, now)) {
      log.warn(format, argument);
    } else {
      log.debug(format, argument);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
