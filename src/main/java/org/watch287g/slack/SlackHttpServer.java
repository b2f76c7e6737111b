package org.watch287g.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code POST /slack/events} to a Bolt app on the JDK's own HTTP server, since Bolt's Jetty
 * adapter is not available in a version matching Bolt 1.51 (research/platforms.md §A).
 *
 * <p>Before Bolt sees a request: only that path and method (404, 405), a bounded body (413), and
 * the {@link ReplayGuard} (401 for a signed request seen before). Bolt then verifies the signature
 * and the timestamp (401) and runs the handlers. Requests run on a small bounded pool; when it and
 * its queue are full the server's own thread runs the request, which slows accepting new ones
 * rather than queueing without end.
 */
final class SlackHttpServer implements AutoCloseable {
  static final String PATH = "/slack/events";

  /** Slash commands and interactions are a few KiB; anything much larger is not from Slack. */
  static final int MAX_BODY = 64 * 1024;

  /** How much of a refused, oversized body is read and discarded so that the 413 arrives. */
  private static final long LINGER_BYTES = 16L * 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(SlackHttpServer.class);
  private static final String TIMESTAMP = "x-slack-request-timestamp";
  private static final String SIGNATURE = "x-slack-signature";
  private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final App app;
  private final SlackRequestParser parser;
  private final ReplayGuard replays;
  private final HttpServer server;
  private final ThreadPoolExecutor pool;
  private final AtomicLong lastWarning = new AtomicLong();

  /**
   * Tunes the JDK's HTTP server for this endpoint. Its settings are system properties read once,
   * when the first JDK server in the process starts (the admin endpoint's, too), so {@link
   * SlackPlatform} calls this when it is built, before {@code run} starts any server.
   */
  static void tuneJdkServer() {
    // The JDK server writes a response's headers and body separately and, without TCP_NODELAY,
    // Nagle's algorithm holds the body until the client's delayed ACK (~40 ms): measured, the
    // median status reply went from 52 ms to 7 ms with it set. The server reads this property
    // once, when the first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    // And a request (headers and body) must arrive within 10 s: otherwise a few clients sending
    // slowly would hold every thread of the pool. Slack sends a command in one go.
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", "10");
    }
  }

  /** Binds now (so a port in use fails at start-up) and serves once {@link #start} is called. */
  SlackHttpServer(App app, String bindAddress, int port, Clock clock) throws IOException {
    tuneJdkServer();
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    // 200,000 pairs (about 16 MB at most) cover 600 requests a second for the whole window.
    this.replays = new ReplayGuard(clock, 200_000);
    InetSocketAddress address = new InetSocketAddress(bindAddress, port);
    if (address.isUnresolved()) {
      throw new IOException("no such address: " + bindAddress);
    }
    this.server = HttpServer.create(address, 64);
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            4,
            4,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64),
            r -> {
              Thread t = new Thread(r, "slack-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    server.setExecutor(pool);
    server.createContext("/", this::exchange);
  }

  void start() {
    server.start();
  }

  /** The port bound, useful when 0 was asked for. */
  int port() {
    return server.getAddress().getPort();
  }

  private void exchange(HttpExchange ex) throws IOException {
    try (ex) {
      if (!ex.getRequestURI().getPath().equals(PATH)) {
        send(ex, 404, "text/plain", "not found");
        return;
      }
      if (!ex.getRequestMethod().equals("POST")) {
        ex.getResponseHeaders().set("Allow", "POST");
        send(ex, 405, "text/plain", "only POST");
        return;
      }
      byte @Nullable [] body = readBounded(ex);
      if (body == null) {
        refuseTooLarge(ex);
        return;
      }
      serve(ex, new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      log.debug("Slack request aborted: {}", e.toString());
    } catch (RuntimeException e) {
      log.warn("cannot answer a Slack request", e);
    }
  }

  private void serve(HttpExchange ex, String body) throws IOException {
    Map<String, List<String>> headers = new HashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    String timestamp = ex.getRequestHeaders().getFirst(TIMESTAMP);
    String signature = ex.getRequestHeaders().getFirst(SIGNATURE);
    boolean signed = timestamp != null && signature != null;
    if (signed) {
      ReplayGuard.Verdict verdict = replays.claim(timestamp, signature);
      if (verdict != ReplayGuard.Verdict.FIRST) {
        refused(verdict.name().toLowerCase(Locale.ROOT));
        int status = verdict == ReplayGuard.Verdict.FULL ? 503 : 401;
        send(ex, status, "application/json", "{\"error\":\"invalid request\"}");
        return;
      }
    }
    Response response;
    try {
      Request<?> request =
          parser.parse(
              SlackRequestParser.HttpRequest.builder()
                  .requestUri(ex.getRequestURI().getPath())
                  .queryString(QueryStringParser.toMap(ex.getRequestURI().getRawQuery()))
                  .headers(new RequestHeaders(headers))
                  .requestBody(body)
                  .remoteAddress(ex.getRemoteAddress().getAddress().getHostAddress())
                  .build());
      response = app.run(request);
    } catch (Exception e) {
      // Bolt throws when it cannot start (auth.test failing); Slack shows its own error.
      log.warn("Bolt could not handle a request: {}", e.toString());
      response = Response.builder().statusCode(500).body("").build();
    }
    int status = response.getStatusCode() == null ? 500 : response.getStatusCode();
    if (signed && status == 401) {
      replays.release(timestamp, signature);
    }
    if (status == 401) {
      refused("bad or missing signature, or stale timestamp (check slack.signingSecret)");
    }
    Map<String, List<String>> extra = response.getHeaders();
    if (extra != null) {
      extra.forEach((k, v) -> ex.getResponseHeaders().put(k, v));
    }
    String type = response.getContentType();
    send(ex, status, type == null ? "text/plain" : type, response.getBody());
  }

  /**
   * Logs a refused request: at most one warning a minute, so that a flood of forged requests cannot
   * flood the log; the rest at debug level.
   */
  private void refused(String why) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if ((last == 0 || now - last > WARN_EVERY_NANOS) && lastWarning.compareAndSet(last, now)) {
      log.warn("refused a Slack request: {}", why);
    } else {
      log.debug("refused a Slack request: {}", why);
    }
  }

  /** The body, or null when it is over {@link #MAX_BODY}; reads no more than that. */
  private static byte @Nullable [] readBounded(HttpExchange ex) throws IOException {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > MAX_BODY) {
          return null;
        }
      } catch (NumberFormatException e) {
        return null;
      }
    }
    try (InputStream in = ex.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY + 1);
      return body.length > MAX_BODY ? null : body;
    }
  }

  /**
   * Answers 413, then reads and discards what the client is still sending (up to {@link
   * #LINGER_BYTES}) before closing. Closing a socket with unread bytes makes the kernel reset the
   * connection, and the reset can arrive before the client has read the 413: it would see a dropped
   * connection instead of the reason (a "lingering close", as web servers do).
   */
  private static void refuseTooLarge(HttpExchange ex) throws IOException {
    byte[] reason = "too large".getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain");
    ex.getResponseHeaders().set("Connection", "close");
    ex.sendResponseHeaders(413, reason.length);
    OutputStream out = ex.getResponseBody();
    out.write(reason);
    out.flush();
    try (InputStream in = ex.getRequestBody()) {
      byte[] sink = new byte[16 * 1024];
      long discarded = 0;
      while (discarded < LINGER_BYTES) {
        int n = in.read(sink);
        if (n < 0) {
          break;
        }
        discarded += n;
      }
    } catch (IOException e) {
      // the client gave up first: nothing more to tell it
    }
    out.close();
  }

  private static void send(HttpExchange ex, int status, String type, @Nullable String body)
      throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** Stops accepting, gives requests in progress up to a second, then stops the pool. */
  @Override
  public void close() {
    server.stop(1);
    pool.shutdown();
    try {
      if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
