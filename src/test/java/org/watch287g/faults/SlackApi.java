package org.watch287g.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.watch287g.testing.Latency;

/**
 * A local Slack Web API for the jar: {@code auth.test}, {@code users.info} (an admin), {@code
 * conversations.*} and {@code chat.postMessage}, which it records before answering, as Slack does
 * (a message Slack accepted is in the channel even if the answer never reaches the bot). A test can
 * make it hold the next answer open, or answer with a platform fault. (Why it is not {@code
 * slack.FakeSlack}: see there.)
 */
final class SlackApi implements AutoCloseable {
  /**
   * One accepted {@code chat.postMessage}: the channel, its text and its metadata (JSON, or "").
   */
  record Post(String channel, String text, String metadata) {}

  /** What {@code chat.postMessage} answers. */
  enum Fault {
    NONE,
    /** HTTP 429 with {@code Retry-After: 1}. */
    RATE_LIMITED,
    /** HTTP 503, not recorded as accepted. */
    SERVER_ERROR,
    /** Recorded, then answered only after {@link #SLOW_MILLIS}: longer than the client waits. */
    TIMEOUT,
    /** {@code ok:false, error:token_revoked}. */
    TOKEN_REVOKED,
    /** Every call, auth.test included, answers invalid_auth: a token Slack does not know. */
    INVALID_AUTH
  }

  static final long SLOW_MILLIS = 15_000;

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<Post> posts = Collections.synchronizedList(new ArrayList<>());
  private final List<String> responses = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger refused = new AtomicInteger();
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();
  private volatile Fault fault = Fault.NONE;
  private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();
  private volatile CountDownLatch held = new CountDownLatch(1);
  private volatile Latency latency = Latency.NONE;
  private volatile boolean historyScope;
  private final AtomicInteger historyCalls = new AtomicInteger();

  SlackApi() throws IOException {
    this(0);
  }

  /** On this loopback port (0: any free one), e.g. one the bot was already told to call. */
  SlackApi(int port) throws IOException {
    server =
        HttpServer.create(
            new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 50);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  String responseUrl(String id) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
  }

  void fault(Fault f) {
    fault = f;
  }

  /** Makes every call take this delay each way. */
  SlackApi latency(Latency delay) {
    latency = delay;
    return this;
  }

  /**
   * Whether the app has {@code channels:history}: then {@code conversations.history} lists the
   * channel's posts (with their metadata when asked for); else it answers {@code missing_scope}, as
   * for an app installed without the scope (the default).
   */
  SlackApi historyScope(boolean granted) {
    historyScope = granted;
    return this;
  }

  /** How many times the bot read a channel's history. */
  int historyCalls() {
    return historyCalls.get();
  }

  /** Channels Slack no longer knows ({@code channel_not_found}). */
  Set<String> deleted() {
    return deleted;
  }

  /**
   * The next {@code chat.postMessage} is recorded as accepted, then its answer is held until {@link
   * #release}; {@link #awaitHeld} returns once it is.
   */
  void holdNext() {
    held = new CountDownLatch(1);
    hold.set(new CountDownLatch(1));
  }

  boolean awaitHeld(long seconds) throws InterruptedException {
    return held.await(seconds, TimeUnit.SECONDS);
  }

  void release() {
    CountDownLatch h = hold.getAndSet(null);
    if (h != null) {
      h.countDown();
    }
  }

  List<Post> posts() {
    synchronized (posts) {
      return List.copyOf(posts);
    }
  }

  List<Post> posts(Predicate<Post> which) {
    return posts().stream().filter(which).toList();
  }

  /** Accepted posts per channel. */
  Map<String, Integer> counts(Predicate<String> channels) {
    Map<String, Integer> n = new TreeMap<>();
    for (Post p : posts()) {
      if (channels.test(p.channel())) {
        n.merge(p.channel(), 1, Integer::sum);
      }
    }
    return n;
  }

  /** Posts refused with a fault (429, 5xx, token, deleted channel). */
  int refused() {
    return refused.get();
  }

  /** Bodies the bot posted to response URLs (delayed command replies). */
  List<String> responses() {
    synchronized (responses) {
      return List.copyOf(responses);
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (path.startsWith("/response/")) {
        responses.add(path + " " + body);
        send(ex, 200, "ok");
        return;
      }
      Map<String, String> form = form(body);
      String method = path.substring(path.lastIndexOf('/') + 1);
      latency.travel();
      if (fault == Fault.INVALID_AUTH) {
        refused.incrementAndGet();
        send(ex, 200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
        return;
      }
      switch (method) {
        case "auth.test" ->
            send(
                ex, 200, "{\"ok\":true,\"team_id\":\"T1\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}");
        case "users.info" ->
            send(
                ex,
                200,
                "{\"ok\":true,\"user\":{\"id\":\"U1\",\"is_admin\":true,\"is_owner\":true}}");
        case "chat.postMessage" -> post(ex, form);
        case "conversations.history" -> history(ex, form);
        default -> {
          String ch = form.getOrDefault("channel", "C0");
          send(
              ex,
              200,
              "{\"ok\":true,\"channel\":{\"id\":\""
                  + ch
                  + "\",\"is_channel\":true,\"is_member\":true,\"is_archived\":false}}");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the bot went away mid-answer (killed): nothing to answer
    }
  }

  private void post(HttpExchange ex, Map<String, String> form)
      throws IOException, InterruptedException {
    String channel = form.getOrDefault("channel", "");
    Fault f = fault;
    if (deleted.contains(channel)) {
      refused.incrementAndGet();
      send(ex, 200, "{\"ok\":false,\"error\":\"channel_not_found\"}");
      return;
    }
    switch (f) {
      case RATE_LIMITED -> {
        refused.incrementAndGet();
        ex.getResponseHeaders().add("Retry-After", "1");
        send(ex, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
        return;
      }
      case SERVER_ERROR -> {
        refused.incrementAndGet();
        send(ex, 503, "{\"ok\":false,\"error\":\"service_unavailable\"}");
        return;
      }
      case TOKEN_REVOKED -> {
        refused.incrementAndGet();
        send(ex, 200, "{\"ok\":false,\"error\":\"token_revoked\"}");
        return;
      }
      default -> {}
    }
    posts.add(new Post(channel, form.getOrDefault("text", ""), form.getOrDefault("metadata", "")));
    CountDownLatch h = hold.get();
    if (h != null) {
      held.countDown();
      h.await(120, TimeUnit.SECONDS);
    }
    if (f == Fault.TIMEOUT) {
      Thread.sleep(SLOW_MILLIS);
    }
    send(ex, 200, "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1.2\"}");
  }

  /**
   * {@code conversations.history}: the channel's posts, newest first; see {@link #historyScope}.
   */
  private void history(HttpExchange ex, Map<String, String> form) throws IOException {
    historyCalls.incrementAndGet();
    if (!historyScope) {
      send(
          ex,
          200,
          "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"channels:history\","
              + "\"provided\":\"chat:write,commands,channels:join,users:read\"}");
      return;
    }
    String channel = form.getOrDefault("channel", "");
    boolean metadata = "1".equals(form.get("include_all_metadata"));
    List<Post> all = posts();
    StringBuilder messages = new StringBuilder();
    for (int i = all.size() - 1; i >= 0; i--) {
      Post p = all.get(i);
      if (!p.channel().equals(channel)) {
        continue;
      }
      if (messages.length() > 0) {
        messages.append(',');
      }
      messages
          .append("{\"type\":\"message\",\"bot_id\":\"B1\",\"ts\":\"")
          .append(1_700_000_000 + i)
          .append(".000100\",\"text\":\"alert\"");
      if (metadata && !p.metadata().isEmpty()) {
        messages.append(",\"metadata\":").append(p.metadata());
      }
      messages.append('}');
    }
    send(ex, 200, "{\"ok\":true,\"messages\":[" + messages + "],\"has_more\":false}");
  }

  private void send(HttpExchange ex, int code, String body) throws IOException {
    latency.travel();
    sendNow(ex, code, body);
  }

  private static void sendNow(HttpExchange ex, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  static Map<String, String> form(String body) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : body.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        m.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    pool.shutdownNow();
  }
}
