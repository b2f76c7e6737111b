package org.watch287g.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.jspecify.annotations.Nullable;

/**
 * A local Slack Web API (and response_url) for tests: answers {@code auth.test}, {@code
 * chat.postMessage}, {@code conversations.join}, {@code users.info} and the external file upload
 * ({@code files.getUploadURLExternal}, the bytes, {@code files.completeUploadExternal}) with {@code
 * ok:true} unless a test scripted other answers for a method, and records every call. For "Add to
 * Slack" it exchanges codes a test granted ({@code oauth.v2.access}, once each), signs each
 * workspace's token in as its own team, and refuses revoked tokens.
 *
 * <p>Why there are three fake Slacks, each for one rig: this one answers the in-process tests, each
 * of which scripts the exact answers its case needs (MockWebServer's queue per method) and also
 * speaks Socket Mode's WebSocket; {@code faults.SlackApi} is a Slack with state (channels that
 * exist or were deleted, a token that was revoked, an answer held open while the jar is killed) for
 * the fault suite, which drives the built jar for minutes; {@code bench.LimitingFakes.Slack}
 * enforces Slack's posting limits on the JDK's server at the speed the benchmarks need, where
 * MockWebServer's 40 ms per call would measure the fake. What they share (the form and JSON parsing
 * of a call) is small; merging them would make every scripted test stateful.
 */
final class FakeSlack implements AutoCloseable {
  static final String RESPONSE_PATH = "/response-url";

  /** Where {@code files.getUploadURLExternal} says to send a file's bytes. */
  static final String UPLOAD_PATH = "/upload/";

  /** One recorded call: the method (or the response_url path) and its decoded parameters. */
  record Call(String method, Map<String, String> params, String body, @Nullable String auth) {
    /** The blocks posted, parsed, when the call had any. */
    @Nullable JsonElement blocks() {
      String b = params.get("blocks");
      return b == null ? null : JsonParser.parseString(b);
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  private final List<byte[]> uploads = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
  private volatile String usersInfo = user(false);
  private final List<String> socketReplies = Collections.synchronizedList(new ArrayList<>());
  private final List<String> envelopes = new ArrayList<>();
  private volatile @Nullable WebSocket socket;

  /** "Add to Slack": codes Slack would hand out, each good for one {@code oauth.v2.access}. */
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();

  /** Each installed workspace's bot token, and the team it signs in as. */
  private final Map<String, String> teamsByToken = new ConcurrentHashMap<>();

  /** Tokens revoked: every call with one is answered {@code token_revoked}. */
  private final java.util.Set<String> revoked = ConcurrentHashMap.newKeySet();

  /** Refresh tokens not used yet, and the workspace each renews (token rotation). */
  private final Map<String, String> refreshable = new ConcurrentHashMap<>();

  private final java.util.concurrent.atomic.AtomicInteger renewals =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * What one code, once exchanged, installs; {@code expiresIn} seconds > 0 when the app rotates
   * tokens (the answer then carries a refresh token).
   */
  private record Grant(String team, String name, String token, String installer, int expiresIn) {}

  FakeSlack() throws IOException {
    this(0);
  }

  /** On this loopback port (0: any free one), e.g. one the bot was already told to call. */
  FakeSlack(int port) throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer(request);
          }
        });
    server.start(java.net.InetAddress.getLoopbackAddress(), port);
  }

  /** The Web API base to configure as {@code slack.apiUrl}. */
  String apiUrl() {
    return server.url("/api/").toString();
  }

  String responseUrl() {
    return server.url(RESPONSE_PATH).toString();
  }

  /** The next calls of {@code method} get these answers, in order; then {@code ok:true} again. */
  FakeSlack script(String method, MockResponse... responses) {
    scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(responses));
    return this;
  }

  /**
   * Lets {@code code} be exchanged once by {@code oauth.v2.access} for {@code token}, a bot token
   * of workspace {@code team} installed by {@code installer}; a second exchange is {@code
   * invalid_code}, as at Slack.
   */
  FakeSlack grant(String code, String team, String token, String installer) {
    grants.put(code, new Grant(team, "Workspace " + team, token, installer, 0));
    return this;
  }

  /**
   * The same for an app with token rotation on: the token expires {@code expiresIn} seconds after
   * the exchange, and comes with a refresh token good for one renewal ({@code oauth.v2.access} with
   * {@code grant_type=refresh_token}), which gives a new token and a new refresh token, as at
   * Slack.
   */
  FakeSlack grantRotating(String code, String team, String token, String installer, int expiresIn) {
    grants.put(code, new Grant(team, "Workspace " + team, token, installer, expiresIn));
    return this;
  }

  /** Revokes a token: every later call with it is refused {@code token_revoked}. */
  FakeSlack revoke(String token) {
    revoked.add(token);
    return this;
  }

  /** The bot token a call carried ({@code Authorization: Bearer}), or "" without one. */
  static String token(Call call) {
    String auth = call.auth();
    return auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()) : "";
  }

  /** Makes {@code users.info} describe an admin, or not. */
  FakeSlack userIsAdmin(boolean admin) {
    usersInfo = user(admin);
    return this;
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse error(String code) {
    return json(200, "{\"ok\":false,\"error\":\"" + code + "\"}");
  }

  static MockResponse rateLimited(int seconds) {
    return new MockResponse.Builder()
        .code(429)
        .addHeader("Retry-After", String.valueOf(seconds))
        .addHeader("Content-Type", "application/json")
        .body("{\"ok\":false,\"error\":\"ratelimited\"}")
        .build();
  }

  /** The bytes of every file uploaded to {@link #UPLOAD_PATH}, as sent. */
  List<byte[]> uploads() {
    synchronized (uploads) {
      return List.copyOf(uploads);
    }
  }

  List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  List<Call> calls(String method) {
    return calls().stream().filter(c -> c.method().equals(method)).toList();
  }

  /** Waits up to {@code timeout} for a call that matches. */
  Call await(Predicate<Call> wanted, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      for (Call c : calls()) {
        if (wanted.test(c)) {
          return c;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no such call within " + timeout + "; calls: " + calls());
  }

  Call awaitResponse(Duration timeout) throws InterruptedException {
    return await(c -> c.method().equals(RESPONSE_PATH), timeout);
  }

  /**
   * Socket Mode: sends an envelope to the bot's open socket, or keeps it for the next connection
   * (which gets Slack's {@code hello} first).
   */
  FakeSlack envelope(String json) {
    synchronized (envelopes) {
      WebSocket open = socket;
      if (open != null) {
        open.send(json);
      } else {
        envelopes.add(json);
      }
    }
    return this;
  }

  /** What the bot sent back over the socket (acknowledgements with their payloads). */
  List<String> socketReplies() {
    synchronized (socketReplies) {
      return List.copyOf(socketReplies);
    }
  }

  private MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/link")) {
      return new MockResponse.Builder()
          .webSocketUpgrade(
              new WebSocketListener() {
                @Override
                public void onOpen(WebSocket socket, Response response) {
                  socket.send(
                      "{\"type\":\"hello\",\"num_connections\":1,"
                          + "\"connection_info\":{\"app_id\":\"A1\"}}");
                  synchronized (envelopes) {
                    envelopes.forEach(socket::send);
                    envelopes.clear();
                    FakeSlack.this.socket = socket;
                  }
                }

                @Override
                public void onMessage(WebSocket socket, String text) {
                  socketReplies.add(text);
                }
              })
          .build();
    }
    String method = path.startsWith("/api/") ? path.substring("/api/".length()) : path;
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    if (path.startsWith(UPLOAD_PATH) && request.getBody() != null) {
      uploads.add(request.getBody().toByteArray());
    }
    // A file's bytes (an image) are no form: recorded whole in uploads instead.
    Map<String, String> params = path.startsWith(UPLOAD_PATH) ? Map.of() : form(body);
    Call call = new Call(method, params, body, request.getHeaders().get("Authorization"));
    calls.add(call);
    String bearer = token(call);
    if (revoked.contains(bearer)) {
      return error("token_revoked");
    }
    Deque<MockResponse> queue = scripted.get(method);
    if (queue != null) {
      MockResponse next = queue.poll();
      if (next != null) {
        return next;
      }
    }
    if (method.equals("oauth.v2.access")) {
      return exchange(params);
    }
    return switch (method) {
      case "auth.test" ->
          json(
              200,
              "{\"ok\":true,\"team_id\":\""
                  + teamsByToken.getOrDefault(bearer, "T1")
                  + "\",\"user_id\":\"UBOT\",\"bot_id\":\"B1\"}");
      case "chat.postMessage" -> json(200, "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.2\"}");
      case "users.info" -> json(200, usersInfo);
      case "conversations.history" -> json(200, history(form(body)));
      case "files.getUploadURLExternal" ->
          json(
              200,
              "{\"ok\":true,\"upload_url\":\""
                  + server.url(UPLOAD_PATH + "F1")
                  + "\",\"file_id\":\"F1\"}");
      case "files.completeUploadExternal" ->
          json(200, "{\"ok\":true,\"files\":[{\"id\":\"F1\",\"title\":\"list\"}]}");
      case "apps.connections.open" ->
          json(
              200,
              "{\"ok\":true,\"url\":\""
                  + server.url("/link").toString().replace("http:", "ws:")
                  + "\"}");
      default -> json(200, "{\"ok\":true}");
    };
  }

  /**
   * {@code oauth.v2.access}: a granted code, once, for its workspace's bot token; or, with {@code
   * grant_type=refresh_token}, a refresh token, once, for a new token of its workspace.
   */
  private MockResponse exchange(Map<String, String> params) {
    if ("refresh_token".equals(params.get("grant_type"))) {
      String team = refreshable.remove(params.getOrDefault("refresh_token", ""));
      if (team == null) {
        return error("invalid_refresh_token");
      }
      int n = renewals.incrementAndGet();
      String token = "xoxe.xoxb-renewed-" + n + "-" + team;
      String refresh = "xoxe-1-refresh-" + n + "-" + team;
      teamsByToken.put(token, team);
      refreshable.put(refresh, team);
      return json(
          200,
          "{\"ok\":true,\"app_id\":\"A1\",\"scope\":\"chat:write,commands\","
              + "\"token_type\":\"bot\",\"access_token\":\""
              + token
              + "\",\"refresh_token\":\""
              + refresh
              + "\",\"expires_in\":43200,\"bot_user_id\":\"UBOT"
              + team
              + "\",\"team\":{\"id\":\""
              + team
              + "\"}}");
    }
    Grant g = grants.remove(params.getOrDefault("code", ""));
    if (g == null) {
      return error("invalid_code");
    }
    teamsByToken.put(g.token(), g.team());
    String rotation = "";
    if (g.expiresIn() > 0) {
      String refresh = "xoxe-1-refresh-0-" + g.team();
      refreshable.put(refresh, g.team());
      rotation = "\"refresh_token\":\"" + refresh + "\",\"expires_in\":" + g.expiresIn() + ",";
    }
    return json(
        200,
        "{\"ok\":true,\"app_id\":\"A1\",\"authed_user\":{\"id\":\""
            + g.installer()
            + "\"},\"scope\":\"chat:write,commands\",\"token_type\":\"bot\","
            + rotation
            + "\"access_token\":\""
            + g.token()
            + "\",\"bot_user_id\":\"UBOT"
            + g.team()
            + "\",\"team\":{\"id\":\""
            + g.team()
            + "\",\"name\":\""
            + g.name()
            + "\"},\"enterprise\":null,\"is_enterprise_install\":false}");
  }

  /**
   * {@code conversations.history} as Slack answers it: the messages posted to the channel so far,
   * newest first, with their metadata only when {@code include_all_metadata} was asked for.
   */
  private String history(Map<String, String> params) {
    String channel = params.getOrDefault("channel", "");
    boolean metadata =
        "1".equals(params.get("include_all_metadata"))
            || "true".equals(params.get("include_all_metadata"));
    List<String> messages = new ArrayList<>();
    List<Call> posts = calls("chat.postMessage");
    for (int i = posts.size() - 1; i >= 0; i--) {
      Call post = posts.get(i);
      if (!channel.equals(post.params().get("channel"))) {
        continue;
      }
      String meta = post.params().get("metadata");
      messages.add(
          "{\"type\":\"message\",\"ts\":\""
              + (1_700_000_000 + i)
              + ".000100\",\"bot_id\":\"B1\",\"text\":\"alert\""
              + (metadata && meta != null ? ",\"metadata\":" + meta : "")
              + "}");
    }
    return "{\"ok\":true,\"messages\":[" + String.join(",", messages) + "],\"has_more\":false}";
  }

  private static String user(boolean admin) {
    return "{\"ok\":true,\"user\":{\"id\":\"U1\",\"is_admin\":"
        + admin
        + ",\"is_owner\":false,\"is_primary_owner\":false}}";
  }

  /** Form parameters; a JSON body (response_url) gives none. */
  static Map<String, String> form(String body) {
    Map<String, String> params = new LinkedHashMap<>();
    if (body.startsWith("{")) {
      return params;
    }
    for (String pair : body.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  @Override
  public void close() {
    WebSocket open = socket;
    if (open != null) {
      open.close(1000, "bye");
    }
    server.close();
  }
}
