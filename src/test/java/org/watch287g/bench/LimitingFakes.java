package org.watch287g.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.watch287g.testing.FakeDiscord;
import org.watch287g.testing.Latency;
import org.watch287g.testing.NonceWindow;

/**
 * Local stand-ins for Slack's Web API and Discord's REST API that enforce the platforms' posting
 * limits and refuse faster requests as the platforms do (429, their bodies and headers). On the
 * JDK's HTTP server with TCP_NODELAY: MockWebServer adds ~40 ms a call on loopback (Nagle meeting
 * delayed ACKs), which would measure the fake rather than the bot. A {@link Latency} makes each
 * call take a real network's round trip: the request travels (then the limits count it and the
 * message is accepted), then the answer travels.
 */
final class LimitingFakes {
  private LimitingFakes() {}

  /** What a fake saw. */
  abstract static class Counted implements AutoCloseable {
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger limited = new AtomicInteger();

    /** Every channel that got a message, with how many: duplicates show as counts above 1. */
    final Map<String, AtomicInteger> perChannel = new ConcurrentHashMap<>();

    /** When each channel's first message was accepted ({@code nanoTime}). */
    final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();

    final AtomicLong firstAcceptedNanos = new AtomicLong();
    final AtomicLong lastAcceptedNanos = new AtomicLong();
    final HttpServer server;
    final Latency latency;

    Counted(Latency latency) throws IOException {
      this.latency = latency;
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
      // A thread per call in flight: with latency, calls overlap as they do at the platform.
      server.setExecutor(Executors.newCachedThreadPool());
    }

    void accepted(String channel) {
      long now = System.nanoTime();
      firstAcceptedNanos.compareAndSet(0, now);
      lastAcceptedNanos.set(now);
      accepted.incrementAndGet();
      perChannel.computeIfAbsent(channel, unused -> new AtomicInteger()).incrementAndGet();
      acceptedAt.putIfAbsent(channel, now);
    }

    /** Messages beyond the {@code expected} each channel should have had. */
    int duplicates(int expected) {
      return perChannel.values().stream().mapToInt(n -> Math.max(0, n.get() - expected)).sum();
    }

    /** Messages each channel got, counting at most the {@code expected} it should have had. */
    int deliveredOnce(int expected) {
      return perChannel.values().stream().mapToInt(n -> Math.min(expected, n.get())).sum();
    }

    /** Accepted messages per second, from the first accepted to the last. */
    double acceptedPerSecond() {
      double seconds = (lastAcceptedNanos.get() - firstAcceptedNanos.get()) / 1e9;
      return seconds <= 0 ? Double.NaN : (accepted.get() - 1) / seconds;
    }

    int port() {
      return server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /**
   * Slack's Web API: {@code chat.postMessage} at about one message per second per channel with
   * short bursts (a bucket of {@code burst} refilling one per {@code interval}); faster ones get
   * 429 with {@code Retry-After: 1} and {@code {"ok":false,"error":"ratelimited"}}. Every other
   * method answers ok.
   */
  static final class Slack extends Counted {
    /**
     * "Add to Slack": {@code oauth.v2.access} exchanges any code {@code bench-<team>} for the token
     * {@code xoxb-bench-<team>} of workspace {@code <team>}; {@code auth.test} answers the team of
     * the token it carries.
     */
    static final String CODE = "bench-";

    /** Posts whose token was not their channel's workspace's ({@link #teamOfChannel}). */
    final AtomicInteger wrongToken = new AtomicInteger();

    /** When set, the workspace each channel belongs to, to check the token of every post. */
    volatile java.util.function.Function<String, String> teamOfChannel = channel -> "";

    private final Map<String, double[]> buckets = new HashMap<>();
    private final int burst;
    private final long intervalNanos;

    Slack(int burst, Duration interval) throws IOException {
      this(burst, interval, Latency.NONE);
    }

    Slack(int burst, Duration interval, Latency latency) throws IOException {
      super(latency);
      this.burst = burst;
      this.intervalNanos = interval.toNanos();
      server.createContext("/", this::handle);
      server.start();
    }

    String apiUrl() {
      return "http://127.0.0.1:" + port() + "/api/";
    }

    private void handle(HttpExchange exchange) throws IOException {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      latency.travel();
      String path = exchange.getRequestURI().getPath();
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
      String team =
          token.startsWith("xoxb-bench-") ? token.substring("xoxb-bench-".length()) : "T1";
      if (path.endsWith("oauth.v2.access")) {
        String code = formField(body, "code");
        latency.travel();
        if (!code.startsWith(CODE)) {
          send(exchange, 200, "{\"ok\":false,\"error\":\"invalid_code\"}");
          return;
        }
        String installed = code.substring(CODE.length());
        send(
            exchange,
            200,
            "{\"ok\":true,\"app_id\":\"A1\",\"authed_user\":{\"id\":\"U0INSTALLER\"},"
                + "\"scope\":\"chat:write,commands\",\"token_type\":\"bot\","
                + "\"access_token\":\"xoxb-bench-"
                + installed
                + "\",\"bot_user_id\":\"UBOT\",\"team\":{\"id\":\""
                + installed
                + "\",\"name\":\"Bench\"},\"is_enterprise_install\":false}");
        return;
      }
      if (!path.endsWith("chat.postMessage")) {
        latency.travel();
        send(
            exchange,
            200,
            "{\"ok\":true,\"team_id\":\"" + team + "\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}");
        return;
      }
      requests.incrementAndGet();
      String channel = formField(body, "channel");
      String owner = teamOfChannel.apply(channel);
      if (!owner.isEmpty() && !owner.equals(team)) {
        wrongToken.incrementAndGet();
      }
      long now = System.nanoTime();
      boolean allowed;
      synchronized (buckets) {
        // [tokens, last refill]: a bucket per channel, starting full.
        double[] bucket = buckets.computeIfAbsent(channel, unused -> new double[] {burst, now});
        bucket[0] = Math.min(burst, bucket[0] + (now - bucket[1]) / (double) intervalNanos);
        bucket[1] = now;
        allowed = bucket[0] >= 1;
        if (allowed) {
          bucket[0] -= 1;
        }
      }
      if (allowed) {
        accepted(channel);
        latency.travel();
        send(exchange, 200, "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1.2\"}");
      } else {
        limited.incrementAndGet();
        latency.travel();
        exchange.getResponseHeaders().set("Retry-After", "1");
        send(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
      }
    }

    private static String formField(String body, String name) {
      for (String pair : java.util.regex.Pattern.compile("&").splitAsStream(body).toList()) {
        if (pair.startsWith(name + "=")) {
          return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
        }
      }
      return "";
    }
  }

  /**
   * Discord's REST API for {@code POST /channels/{id}/messages}: at most {@code global} requests
   * per second for the bot and 5 per 5 seconds per channel (fixed windows, as Discord's buckets
   * reset), refusing the rest with 429, Discord's body and {@code X-RateLimit-*} headers. Every
   * other request (login, commands) is passed to {@link FakeDiscord}, which also serves the
   * gateway.
   */
  static final class Discord extends Counted {
    private static final Set<String> PASSED_HEADERS = Set.of("content-type", "authorization");

    private final URI upstream;
    private final HttpClient client = HttpClient.newHttpClient();
    private final int globalPerSecond;
    private final int perChannelLimit;
    private final long channelWindowNanos;
    private final Map<String, long[]> channelWindows = new HashMap<>();
    private final long[] globalWindow = {0, 0};
    private final AtomicLong messageIds = new AtomicLong(1_400_000_000_000_000_000L);
    private final NonceWindow nonces = new NonceWindow(NonceWindow.DEFAULT);

    Discord(FakeDiscord upstream, int globalPerSecond, int perChannel, Duration channelWindow)
        throws IOException {
      this(upstream, globalPerSecond, perChannel, channelWindow, Latency.NONE);
    }

    Discord(
        FakeDiscord upstream,
        int globalPerSecond,
        int perChannel,
        Duration channelWindow,
        Latency latency)
        throws IOException {
      super(latency);
      this.upstream = URI.create(upstream.apiUrl());
      this.globalPerSecond = globalPerSecond;
      this.perChannelLimit = perChannel;
      this.channelWindowNanos = channelWindow.toNanos();
      server.createContext("/", this::handle);
      server.start();
    }

    String apiUrl() {
      return "http://127.0.0.1:" + port() + "/api/v10/";
    }

    private void handle(HttpExchange exchange) throws IOException {
      String path = exchange.getRequestURI().getPath();
      byte[] body = exchange.getRequestBody().readAllBytes();
      latency.travel();
      if (!(exchange.getRequestMethod().equals("POST")
          && path.matches("/api/v10/channels/\\d+/messages"))) {
        pass(exchange, body);
        return;
      }
      requests.incrementAndGet();
      String channel = path.substring("/api/v10/channels/".length(), path.lastIndexOf("/messages"));
      long now = System.nanoTime();
      String refusal = null;
      long resetNanos = 0;
      int remaining;
      synchronized (channelWindows) {
        if (now - globalWindow[0] >= 1_000_000_000L) {
          globalWindow[0] = now;
          globalWindow[1] = 0;
        }
        long[] window = channelWindows.computeIfAbsent(channel, unused -> new long[] {now, 0});
        if (now - window[0] >= channelWindowNanos) {
          window[0] = now;
          window[1] = 0;
        }
        if (globalWindow[1] >= globalPerSecond) {
          refusal = "global";
          resetNanos = globalWindow[0] + 1_000_000_000L - now;
        } else if (window[1] >= perChannelLimit) {
          refusal = "channel";
          resetNanos = window[0] + channelWindowNanos - now;
        } else {
          globalWindow[1]++;
          window[1]++;
        }
        remaining = (int) Math.max(0, perChannelLimit - window[1]);
        resetNanos = refusal == null ? window[0] + channelWindowNanos - now : resetNanos;
      }
      String resetAfter = String.format(java.util.Locale.ROOT, "%.3f", resetNanos / 1e9);
      var headers = exchange.getResponseHeaders();
      headers.set("X-RateLimit-Limit", Integer.toString(perChannelLimit));
      headers.set("X-RateLimit-Remaining", Integer.toString(remaining));
      headers.set("X-RateLimit-Reset-After", resetAfter);
      headers.set(
          "X-RateLimit-Reset",
          String.format(
              java.util.Locale.ROOT,
              "%.3f",
              System.currentTimeMillis() / 1000.0 + resetNanos / 1e9));
      headers.set("X-RateLimit-Bucket", "bench-channel-" + channel);
      if (refusal == null) {
        String text = new String(body, StandardCharsets.UTF_8);
        String id;
        synchronized (nonces) {
          // Discord's nonce rule: the same nonce again within the window gets the message
          // already created, and posts nothing.
          String existing = nonces.existing(text);
          id = existing == null ? Long.toString(messageIds.incrementAndGet()) : existing;
          if (existing == null) {
            nonces.created(text, id);
            accepted(channel);
          }
        }
        latency.travel();
        send(exchange, 200, message(channel, id));
        return;
      }
      limited.incrementAndGet();
      latency.travel();
      boolean global = refusal.equals("global");
      headers.set(
          "Retry-After", Long.toString(Math.max(1, (resetNanos + 999_999_999L) / 1_000_000_000L)));
      if (global) {
        headers.set("X-RateLimit-Global", "true");
        headers.set("X-RateLimit-Scope", "global");
      } else {
        headers.set("X-RateLimit-Scope", "user");
      }
      send(
          exchange,
          429,
          "{\"message\":\"You are being rate limited.\",\"retry_after\":"
              + resetAfter
              + ",\"global\":"
              + global
              + "}");
    }

    /** Sends answered with the message already created (a repeated nonce). */
    int nonceReplays() {
      return nonces.replays();
    }

    private String message(String channel, String id) {
      return "{\"id\":\""
          + id
          + "\",\"channel_id\":\""
          + channel
          + "\",\"content\":\"\",\"type\":0,\"author\":{\"id\":\""
          + FakeDiscord.SELF_ID
          + "\",\"username\":\"watch287g\",\"discriminator\":\"0000\",\"avatar\":null,"
          + "\"global_name\":\"watch287g\",\"bot\":true},"
          + "\"timestamp\":\"2026-01-01T00:00:00+00:00\",\"embeds\":[],\"attachments\":[],"
          + "\"mentions\":[],\"mention_roles\":[],\"pinned\":false,\"tts\":false}";
    }

    /** Relays a request to {@link FakeDiscord} and its answer back. */
    private void pass(HttpExchange exchange, byte[] body) throws IOException {
      URI target =
          upstream.resolve(exchange.getRequestURI().toString().replaceFirst("^/api/v10/", ""));
      HttpRequest.Builder request =
          HttpRequest.newBuilder(target)
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (PASSED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                  values.forEach(value -> request.header(name, value));
                }
              });
      HttpResponse<byte[]> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      response
          .headers()
          .firstValue("content-type")
          .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
      byte[] answer = response.body();
      latency.travel();
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    }
  }
}
