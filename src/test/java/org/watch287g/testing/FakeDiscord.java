package org.watch287g.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
 * A local stand-in for Discord, on one port: the REST API under {@code /api/v10/} and the gateway
 * WebSocket at {@code /gateway}, enough for the real JDA client to log in, identify, cache guilds
 * and answer interactions (research/platforms.md §C.4-C.6).
 *
 * <p>The gateway answers IDENTIFY with READY and one GUILD_CREATE per guild added with {@link
 * #addGuild} (roles, channels and the bot's own member, as Discord sends them for the GUILDS
 * intent), RESUME with op 9 (not resumable), heartbeats with ACK. Tests push dispatches with {@link
 * #dispatch} (an {@link #interaction}, a GUILD_DELETE...). REST records every request ({@link
 * #requests}) and answers what JDA needs; {@link #script} makes a path answer given responses first
 * (a 429, a 403), and {@link #fault} answers any request for as long as it is set (a storm). {@link
 * #created} lists the messages the fake accepted.
 *
 * <p>Sharding as Discord does it ({@link #shards}): {@code GET /gateway/bot} recommends that many
 * shards, each IDENTIFY names its {@code shard: [id, total]}, and each shard's session gets READY
 * and GUILD_CREATE for its guilds only, those whose {@code (guild_id >> 22) % total} is its id. A
 * dispatch about a guild (an interaction, GUILD_DELETE) goes to that guild's shard's session.
 */
public final class FakeDiscord implements AutoCloseable {
  public static final String SELF_ID = "1100000000000000001";
  public static final String APP_ID = "1100000000000000002";
  public static final String MEMBER_ID = "1500000000000000001";
  public static final String OWNER_ID = "1500000000000000099";

  /** Discord's permission bits used here. */
  public static final long MANAGE_CHANNELS = 1L << 4;

  public static final long VIEW_CHANNEL = 1L << 10;
  public static final long SEND_MESSAGES = 1L << 11;
  public static final long EMBED_LINKS = 1L << 14;
  public static final long READ_HISTORY = 1L << 16;
  public static final long SEND_IN_THREADS = 1L << 38;

  /** A plain member's permissions: everything ordinary, not Manage Channels. */
  public static final long EVERYONE = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_HISTORY;

  /** What the bot's role grants when it is set up as its invite asks. */
  public static final long BOT = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | SEND_IN_THREADS;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TS = "2025-01-01T00:00:00.000000+00:00";
  private static final String CALLBACK = "/api/v10/interactions/";

  /** One request as the fake received it. */
  public record Request(String method, String path, String body, long receivedNanos) {
    /**
     * The body as JSON (an empty object for none); for a multipart body (a message with files), its
     * {@code payload_json} part.
     */
    public JsonNode json() {
      try {
        return JSON.readTree(body.isEmpty() ? "{}" : payload());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private String payload() {
      if (!body.startsWith("--")) {
        return body;
      }
      String boundary = body.substring(0, body.indexOf("\r\n"));
      int part = body.indexOf("name=\"payload_json\"");
      if (part < 0) {
        return "{}";
      }
      int start = body.indexOf("\r\n\r\n", part) + 4;
      return body.substring(start, body.indexOf("\r\n" + boundary, start));
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
  private final List<Request> created = Collections.synchronizedList(new ArrayList<>());
  private volatile @Nullable Function<Request, @Nullable MockResponse> fault;
  private final Map<String, Request> callbacks = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Object>> guilds =
      Collections.synchronizedMap(new LinkedHashMap<>());
  private final AtomicInteger identifies = new AtomicInteger();
  private volatile CountDownLatch identified = new CountDownLatch(1);
  private volatile @Nullable Gateway gateway;
  private final Map<Integer, Gateway> sessions = new ConcurrentHashMap<>();
  private volatile int shards = 1;
  private volatile Latency latency = Latency.NONE;
  private volatile NonceWindow nonces = new NonceWindow(NonceWindow.DEFAULT);
  private final List<Request> replayed = Collections.synchronizedList(new ArrayList<>());
  private final java.util.concurrent.atomic.AtomicReference<@Nullable CountDownLatch> hold =
      new java.util.concurrent.atomic.AtomicReference<>();
  private volatile CountDownLatch held = new CountDownLatch(1);

  public FakeDiscord() throws IOException {
    this(0);
  }

  /** On this loopback port (0: any free one), e.g. one the bot was already told to call. */
  public FakeDiscord(int port) throws IOException {
    server.setServerSocketFactory(new NoDelaySockets());
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer(request);
          }
        });
    server.start(java.net.InetAddress.getLoopbackAddress(), port);
  }

  /**
   * How many shards {@code GET /gateway/bot} recommends (1 unless set); a bot that identifies with
   * another total is still served, each shard with the guilds Discord's rule gives it.
   */
  public FakeDiscord shards(int recommended) {
    if (recommended < 1) {
      throw new IllegalArgumentException("at least one shard: " + recommended);
    }
    this.shards = recommended;
    return this;
  }

  /** The bot's {@code discord:} settings (YAML, one line) for a bot that talks to this fake. */
  public String botSettings() {
    return "discord: {token: 'test.discord.token', apiUrl: '"
        + apiUrl()
        + "', gatewayUrl: '"
        + gatewayUrl()
        + "'}\n";
  }

  /** The shard a guild is on when there are {@code total}: Discord's rule. */
  public static int shardOf(String guildId, int total) {
    return (int) ((Long.parseUnsignedLong(guildId) >>> 22) % total);
  }

  /** The shards with a session now (identified and not closed), by shard id. */
  public java.util.Set<Integer> connectedShards() {
    return java.util.Set.copyOf(sessions.keySet());
  }

  /**
   * Waits until these shards, and no others, have a session (e.g. after a take-over); returns
   * whether they did within {@code timeout}.
   */
  public boolean awaitShards(java.util.Set<Integer> wanted, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (sessions.keySet().equals(wanted)) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** Makes every REST call take this delay each way (the gateway is left as it is). */
  public FakeDiscord latency(Latency delay) {
    this.latency = delay;
    return this;
  }

  /** How long a nonce is remembered (from now on; forgets those seen so far). */
  public FakeDiscord nonceWindow(Duration window) {
    this.nonces = new NonceWindow(window);
    return this;
  }

  /** How many sends repeated a nonce within the window and got the message already created. */
  public int nonceReplays() {
    return nonces.replays();
  }

  /** The sends that repeated a nonce within the window, in order. */
  public List<Request> replayed() {
    synchronized (replayed) {
      return List.copyOf(replayed);
    }
  }

  /**
   * The next message created is recorded as created, then its answer is held until {@link
   * #release}: a bot killed meanwhile never learns that Discord took it.
   */
  public void holdNext() {
    held = new CountDownLatch(1);
    hold.set(new CountDownLatch(1));
  }

  /** Whether a message is being held, waiting up to {@code seconds} for one. */
  public boolean awaitHeld(long seconds) throws InterruptedException {
    return held.await(seconds, TimeUnit.SECONDS);
  }

  /** Lets a held answer go. */
  public void release() {
    CountDownLatch h = hold.getAndSet(null);
    if (h != null) {
      h.countDown();
    }
  }

  /** The REST base URL to configure as {@code discord.apiUrl}. */
  public String apiUrl() {
    return server.url("/api/v10/").toString();
  }

  /** The gateway URL to configure as {@code discord.gatewayUrl}. */
  public String gatewayUrl() {
    return "ws://" + server.getHostName() + ":" + server.getPort() + "/gateway";
  }

  /**
   * Adds a guild the bot is in, sent at the next IDENTIFY: an {@code @everyone} role (its ID is the
   * guild's) with {@link #EVERYONE}, an "organizers" role ({@link #organizerRole}) with Manage
   * Channels, and the bot's role with {@code botPermissions}; one text channel per ID. What {@link
   * #BOT} grants and {@code botPermissions} does not is denied to the bot's role in every channel
   * (an overwrite), as a server admin would.
   */
  public void addGuild(String guildId, long botPermissions, String... textChannels) {
    List<Map<String, Object>> channels = new ArrayList<>();
    long denied = BOT & ~botPermissions;
    for (int i = 0; i < textChannels.length; i++) {
      Map<String, Object> ch = channel(textChannels[i], 0, "channel-" + i, i);
      if (denied != 0) {
        // The bot would get these from @everyone: a server admin denied them to its role here.
        ch.put(
            "permission_overwrites",
            List.of(
                Map.of(
                    "id",
                    botRole(guildId),
                    "type",
                    0,
                    "allow",
                    "0",
                    "deny",
                    Long.toString(denied))));
      }
      channels.add(ch);
    }
    guilds.put(guildId, guild(guildId, botPermissions, channels));
  }

  /** The role that grants Manage Channels in a guild added with {@link #addGuild}. */
  public static String organizerRole(String guildId) {
    return Long.toUnsignedString(Long.parseUnsignedLong(guildId) + 1);
  }

  /** A role anyone may mention, in a guild added with {@link #addGuild}. */
  public static String mentionableRole(String guildId) {
    return Long.toUnsignedString(Long.parseUnsignedLong(guildId) + 3);
  }

  /** A role only members with Mention @everyone may mention, in a guild added with addGuild. */
  public static String quietRole(String guildId) {
    return Long.toUnsignedString(Long.parseUnsignedLong(guildId) + 4);
  }

  /** A role option's value in {@link #interaction}: Discord sends its ID and the role resolved. */
  public record RoleOption(String id) {}

  private static String botRole(String guildId) {
    return Long.toUnsignedString(Long.parseUnsignedLong(guildId) + 2);
  }

  /** Waits for the bot's first IDENTIFY (READY and GUILD_CREATEs are sent right after it). */
  public void awaitIdentified(Duration timeout) throws InterruptedException {
    if (!identified.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the bot did not identify within " + timeout);
    }
  }

  /** How many times the bot identified. */
  public int identifies() {
    return identifies.get();
  }

  /**
   * Pushes a dispatch ({@code op 0}) to the connected bot: about a guild (its {@code guild_id}, or
   * the {@code id} of a GUILD_*), to the session of that guild's shard; otherwise to the session
   * that identified last.
   */
  public void dispatch(String type, Object data) {
    Gateway session = gateway;
    String guild = guildOf(type, data);
    if (guild != null && session != null && session.total > 1) {
      int shard = shardOf(guild, session.total);
      session = sessions.get(shard);
      if (session == null) {
        throw new IllegalStateException(
            "no bot connected on shard " + shard + " of guild " + guild);
      }
    }
    if (session == null) {
      throw new IllegalStateException("no bot connected");
    }
    session.dispatch(type, data);
  }

  private static @Nullable String guildOf(String type, Object data) {
    if (!(data instanceof Map<?, ?> d)) {
      return null;
    }
    Object guild = d.get("guild_id");
    if (guild == null && type.startsWith("GUILD_")) {
      guild = d.get("id");
    }
    return guild == null ? null : guild.toString();
  }

  /** The bot was removed from a guild: GUILD_DELETE without "unavailable". */
  public void removeFromGuild(String guildId) {
    dispatch("GUILD_DELETE", Map.of("id", guildId));
  }

  /**
   * An interaction as Discord sends it in a guild: the member's roles and their computed
   * permissions in the channel.
   *
   * @param type 2 for a command, 4 for autocomplete
   * @param options the subcommand's options by name (strings, integers or booleans); with type 4
   *     the first is the focused one
   * @param manager whether the member holds the organizers role (Manage Channels)
   */
  public static Map<String, Object> interaction(
      String id,
      int type,
      String guildId,
      String channelId,
      String subcommand,
      Map<String, Object> options,
      boolean manager) {
    List<Map<String, Object>> opts = new ArrayList<>();
    Map<String, Object> resolvedRoles = new LinkedHashMap<>();
    boolean first = true;
    for (Map.Entry<String, Object> o : options.entrySet()) {
      Map<String, Object> opt = new LinkedHashMap<>();
      opt.put("name", o.getKey());
      if (o.getValue() instanceof RoleOption role) {
        opt.put("type", 8);
        opt.put("value", role.id());
        resolvedRoles.put(role.id(), roleOf(guildId, role.id()));
      } else {
        opt.put(
            "type", o.getValue() instanceof Boolean ? 5 : o.getValue() instanceof Integer ? 4 : 3);
        opt.put("value", o.getValue());
      }
      if (type == 4 && first) {
        opt.put("focused", true);
      }
      first = false;
      opts.add(opt);
    }
    String perms = Long.toString(EVERYONE | (manager ? MANAGE_CHANNELS : 0));
    Map<String, Object> channel = channel(channelId, 0, "channel", 0);
    channel.put("guild_id", guildId);
    channel.put("permissions", perms);
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", MEMBER_ID);
    user.put("username", "organizer");
    user.put("discriminator", "0000");
    user.put("avatar", null);
    user.put("global_name", "Organizer");
    Map<String, Object> member = new LinkedHashMap<>();
    member.put("user", user);
    member.put("roles", manager ? List.of(organizerRole(guildId)) : List.of());
    member.put("permissions", perms);
    member.put("joined_at", TS);
    member.put("deaf", false);
    member.put("mute", false);
    member.put("flags", 0);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("application_id", APP_ID);
    d.put("type", type);
    d.put("token", "tok" + id);
    d.put("version", 1);
    d.put("guild_id", guildId);
    d.put("guild", Map.of("id", guildId, "locale", "en-US", "features", List.of()));
    d.put("channel_id", channelId);
    d.put("channel", channel);
    d.put("member", member);
    d.put("app_permissions", Long.toString(BOT));
    d.put("locale", "en-US");
    d.put("guild_locale", "en-US");
    d.put("entitlements", List.of());
    d.put("authorizing_integration_owners", Map.of("0", guildId));
    d.put("context", 0);
    d.put(
        "data",
        Map.of(
            "id",
            "1600000000000000001",
            "name",
            "287g",
            "type",
            1,
            "options",
            List.of(Map.of("name", subcommand, "type", 1, "options", opts)),
            "resolved",
            Map.of("roles", resolvedRoles)));
    return d;
  }

  /** The roles of a guild added with {@link #addGuild}, as Discord describes them. */
  private static List<Map<String, Object>> roles(String id, long botPermissions) {
    Map<String, Object> mentionable = role(mentionableRole(id), "rapid-response", 0, 3);
    mentionable.put("mentionable", true);
    return List.of(
        role(id, "@everyone", EVERYONE, 0),
        role(organizerRole(id), "organizers", MANAGE_CHANNELS, 1),
        role(botRole(id), "watch287g", botPermissions, 2),
        mentionable,
        role(quietRole(id), "quiet-team", 0, 4));
  }

  private static Map<String, Object> roleOf(String guildId, String roleId) {
    return roles(guildId, BOT).stream()
        .filter(r -> r.get("id").equals(roleId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no such role: " + roleId));
  }

  /** Every REST request so far, in order. */
  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /**
   * Forgets the requests and callbacks recorded so far: a benchmark's thousands of replies (each
   * status carries its map, about 150 KiB) would otherwise fill the heap of the JVM running it.
   */
  public void forgetRequests() {
    requests.clear();
    synchronized (callbacks) {
      callbacks.clear();
    }
  }

  /** The first request matching, waiting for it up to {@code timeout}. */
  public Request await(Predicate<Request> wanted, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      for (Request r : requests()) {
        if (wanted.test(r)) {
          return r;
        }
      }
      Thread.sleep(5);
    }
    throw new AssertionError("no such request within " + timeout + "; got " + summary());
  }

  /** The callback an interaction got, waiting for it. */
  public Request awaitCallback(String interactionId, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (callbacks) {
      while (true) {
        Request r = callbacks.get(interactionId);
        if (r != null) {
          return r;
        }
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no callback for " + interactionId + "; got " + summary());
        }
        callbacks.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** "METHOD path" of every request, for failure messages. */
  public List<String> summary() {
    return requests().stream().map(r -> r.method() + " " + r.path()).toList();
  }

  /**
   * Makes {@code METHOD path} answer these responses first, in order, then as usual. The path is
   * the encoded path, e.g. {@code /api/v10/channels/42/messages}.
   */
  public void script(String method, String path, MockResponse... responses) {
    scripted
        .computeIfAbsent(method + " " + path, k -> new ArrayDeque<>())
        .addAll(List.of(responses));
  }

  /**
   * Answers every REST request for which {@code answer} returns a response with that response,
   * before scripted and usual answers, until set again; {@code null} (or a null response) for the
   * usual answers. The request is recorded in {@link #requests} either way.
   */
  public void fault(@Nullable Function<Request, @Nullable MockResponse> answer) {
    fault = answer;
  }

  /** The {@code POST /channels/{id}/messages} the fake accepted (answered 200), in order. */
  public List<Request> created() {
    synchronized (created) {
      return List.copyOf(created);
    }
  }

  /**
   * A 429 from a route's bucket as Discord sends it: the body, {@code Retry-After}, and the {@code
   * X-RateLimit-*} headers saying the bucket is spent until {@code retryAfterSeconds} from now.
   */
  public static MockResponse bucketRateLimited(double retryAfterSeconds) {
    double reset = System.currentTimeMillis() / 1000.0 + retryAfterSeconds;
    return new MockResponse.Builder()
        .code(429)
        .addHeader("Content-Type", "application/json")
        .addHeader("Retry-After", Long.toString((long) Math.ceil(retryAfterSeconds)))
        .addHeader("X-RateLimit-Limit", "5")
        .addHeader("X-RateLimit-Remaining", "0")
        .addHeader("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f", reset))
        .addHeader("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", retryAfterSeconds))
        .addHeader("X-RateLimit-Bucket", "80c17d2f203122d936070c88c8d10f33")
        .addHeader("X-RateLimit-Scope", "user")
        .body(rateLimitBody(retryAfterSeconds))
        .build();
  }

  /** A Discord error: {@code {"message": ..., "code": ...}} with this HTTP status. */
  public static MockResponse error(int status, int code, String message) {
    return json(status, write(Map.of("message", message, "code", code)));
  }

  private static String rateLimitBody(double retryAfterSeconds) {
    return write(
        Map.of(
            "message",
            "You are being rate limited.",
            "retry_after",
            retryAfterSeconds,
            "global",
            false));
  }

  /** A 429 with Discord's headers and body. */
  public static MockResponse rateLimited(double retryAfterSeconds) {
    return new MockResponse.Builder()
        .code(429)
        .addHeader("Content-Type", "application/json")
        .addHeader("Retry-After", Long.toString((long) Math.ceil(retryAfterSeconds)))
        .addHeader("X-RateLimit-Scope", "user")
        .body(rateLimitBody(retryAfterSeconds))
        .build();
  }

  private MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/gateway")) {
      return new MockResponse.Builder().webSocketUpgrade(new Gateway()).build();
    }
    Latency delay = latency;
    delay.travel();
    MockResponse response = rest(request, path);
    delay.travel();
    return response;
  }

  private MockResponse rest(RecordedRequest request, String path) {
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    Request recorded = new Request(request.getMethod(), path, body, System.nanoTime());
    requests.add(recorded);
    if (path.startsWith(CALLBACK)) {
      String id = path.substring(CALLBACK.length(), path.indexOf('/', CALLBACK.length()));
      synchronized (callbacks) {
        callbacks.putIfAbsent(id, recorded);
        callbacks.notifyAll();
      }
    }
    Function<Request, @Nullable MockResponse> faulty = fault;
    MockResponse faulted = faulty == null ? null : faulty.apply(recorded);
    if (faulted != null) {
      return faulted;
    }
    Deque<MockResponse> queue = scripted.get(request.getMethod() + " " + path);
    if (queue != null) {
      MockResponse next = queue.poll();
      if (next != null) {
        return next;
      }
    }
    String method = request.getMethod();
    if (path.endsWith("/users/@me")) {
      return json(200, write(self()));
    }
    if (path.endsWith("/gateway/bot")) {
      return json(
          200,
          write(
              Map.of(
                  "url",
                  gatewayUrl(),
                  "shards",
                  shards,
                  "session_start_limit",
                  Map.of(
                      "total", 1000, "remaining", 1000, "reset_after", 0, "max_concurrency", 1))));
    }
    if (path.matches("/api/v10/applications/\\d+/(guilds/\\d+/)?commands")) {
      if (method.equals("GET")) {
        return json(200, "[]");
      }
      List<Object> out = new ArrayList<>();
      JsonNode commands = new Request(method, path, body, 0).json();
      int i = 0;
      for (JsonNode c : commands.isArray() ? commands : JSON.createArrayNode().add(commands)) {
        Map<String, Object> cmd = JSON.convertValue(c, new TypeReference<Map<String, Object>>() {});
        cmd.put("id", Long.toString(1600000000000000001L + i));
        cmd.put("application_id", APP_ID);
        cmd.put("version", Long.toString(1600000000000000101L + i));
        cmd.putIfAbsent("type", 1);
        cmd.putIfAbsent("options", List.of());
        cmd.putIfAbsent("default_member_permissions", null);
        cmd.putIfAbsent("nsfw", false);
        i++;
        out.add(cmd);
      }
      return json(200, write(method.equals("PUT") ? out : out.get(0)));
    }
    if (path.startsWith("/api/v10/interactions/") && path.endsWith("/callback")) {
      return new MockResponse.Builder().code(204).build();
    }
    if (path.startsWith("/api/v10/webhooks/")) {
      return json(200, write(message("1400000000000000009", "0")));
    }
    if (path.matches("/api/v10/channels/\\d+/messages") && method.equals("POST")) {
      String channel = path.substring("/api/v10/channels/".length(), path.lastIndexOf("/messages"));
      NonceWindow window = nonces;
      MockResponse response;
      synchronized (window) {
        String existing = window.existing(body);
        if (existing != null) {
          replayed.add(recorded);
          return json(200, write(message(existing, channel)));
        }
        String id = Long.toString(1400000000000000000L + requests.size());
        created.add(recorded);
        window.created(body, id);
        response = json(200, write(message(id, channel)));
      }
      CountDownLatch h = hold.getAndSet(null);
      if (h != null) {
        held.countDown();
        try {
          h.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return response;
    }
    return error(404, 0, "Unknown");
  }

  private static Map<String, Object> message(String id, String channel) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("channel_id", channel);
    m.put("content", "");
    m.put("type", 0);
    m.put("author", self());
    m.put("timestamp", "2026-01-01T00:00:00+00:00");
    m.put("embeds", List.of());
    m.put("attachments", List.of());
    m.put("mentions", List.of());
    m.put("mention_roles", List.of());
    m.put("pinned", false);
    m.put("tts", false);
    return m;
  }

  private static Map<String, Object> self() {
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("id", SELF_ID);
    u.put("username", "watch287g");
    u.put("discriminator", "0000");
    u.put("avatar", null);
    u.put("global_name", "watch287g");
    u.put("bot", true);
    u.put("verified", true);
    u.put("mfa_enabled", false);
    u.put("flags", 0);
    return u;
  }

  private static Map<String, Object> channel(String id, int type, String name, int position) {
    Map<String, Object> ch = new LinkedHashMap<>();
    ch.put("id", id);
    ch.put("type", type);
    ch.put("name", name);
    ch.put("position", position);
    ch.put("permission_overwrites", List.of());
    ch.put("nsfw", false);
    ch.put("parent_id", null);
    ch.put("topic", null);
    ch.put("last_message_id", null);
    ch.put("rate_limit_per_user", 0);
    ch.put("flags", 0);
    return ch;
  }

  private static Map<String, Object> role(String id, String name, long perms, int position) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", id);
    r.put("name", name);
    r.put("color", 0);
    Map<String, Object> colors = new LinkedHashMap<>();
    colors.put("primary_color", 0);
    colors.put("secondary_color", null);
    colors.put("tertiary_color", null);
    r.put("colors", colors);
    r.put("hoist", false);
    r.put("icon", null);
    r.put("unicode_emoji", null);
    r.put("position", position);
    r.put("permissions", Long.toString(perms));
    r.put("managed", false);
    r.put("mentionable", false);
    r.put("flags", 0);
    return r;
  }

  private static Map<String, Object> guild(
      String id, long botPermissions, List<Map<String, Object>> channels) {
    Map<String, Object> selfMember = new LinkedHashMap<>();
    selfMember.put("user", self());
    selfMember.put("roles", List.of(botRole(id)));
    selfMember.put("joined_at", TS);
    selfMember.put("deaf", false);
    selfMember.put("mute", false);
    selfMember.put("flags", 0);
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("id", id);
    g.put("name", "Guild " + id);
    g.put("icon", null);
    g.put("owner_id", OWNER_ID);
    g.put("afk_timeout", 300);
    g.put("verification_level", 0);
    g.put("default_message_notifications", 0);
    g.put("explicit_content_filter", 0);
    g.put("mfa_level", 0);
    g.put("nsfw_level", 0);
    g.put("premium_tier", 0);
    g.put("preferred_locale", "en-US");
    g.put("features", List.of());
    g.put("system_channel_flags", 0);
    g.put("max_members", 500000);
    g.put("joined_at", TS);
    g.put("large", false);
    g.put("unavailable", false);
    g.put("member_count", 3);
    g.put("roles", roles(id, botPermissions));
    g.put("channels", channels);
    g.put("threads", List.of());
    g.put("members", List.of(selfMember));
    g.put("emojis", List.of());
    g.put("stickers", List.of());
    g.put("voice_states", List.of());
    g.put("presences", List.of());
    g.put("stage_instances", List.of());
    g.put("guild_scheduled_events", List.of());
    g.put("soundboard_sounds", List.of());
    return g;
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The gateway side of one connection: one shard's session once it identified. */
  private final class Gateway extends WebSocketListener {
    private final AtomicInteger seq = new AtomicInteger();
    private volatile @Nullable WebSocket socket;
    private volatile int shard;
    private volatile int total = 1;

    @Override
    public void onOpen(WebSocket ws, Response response) {
      socket = ws;
      ws.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250},\"s\":null,\"t\":null}");
    }

    void dispatch(String type, Object data) {
      WebSocket ws = socket;
      if (ws == null) {
        throw new IllegalStateException("no bot connected");
      }
      Map<String, Object> frame = new LinkedHashMap<>();
      frame.put("op", 0);
      frame.put("s", seq.incrementAndGet());
      frame.put("t", type);
      frame.put("d", data);
      ws.send(write(frame));
    }

    @Override
    public void onMessage(WebSocket ws, String text) {
      JsonNode msg;
      try {
        msg = JSON.readTree(text);
      } catch (IOException e) {
        return;
      }
      switch (msg.path("op").asInt(-1)) {
        case 2 -> identify(msg.path("d").path("shard"));
        case 6 -> ws.send("{\"op\":9,\"d\":false,\"s\":null,\"t\":null}");
        case 1 -> ws.send("{\"op\":11}");
        default -> {}
      }
    }

    /** READY and this shard's guilds, as Discord answers IDENTIFY ({@code shard} may be absent). */
    private void identify(JsonNode shardInfo) {
      shard = shardInfo.isArray() ? shardInfo.path(0).asInt(0) : 0;
      total = shardInfo.isArray() ? Math.max(1, shardInfo.path(1).asInt(1)) : 1;
      gateway = this;
      sessions.put(shard, this);
      seq.set(0);
      List<Map<String, Object>> snapshot = new ArrayList<>();
      synchronized (guilds) {
        for (Map<String, Object> g : guilds.values()) {
          if (shardOf((String) g.get("id"), total) == shard) {
            snapshot.add(g);
          }
        }
      }
      List<Object> unavailable = new ArrayList<>();
      for (Map<String, Object> g : snapshot) {
        unavailable.add(Map.of("id", g.get("id"), "unavailable", true));
      }
      Map<String, Object> ready = new LinkedHashMap<>();
      ready.put("v", 10);
      ready.put("user", self());
      ready.put("guilds", unavailable);
      ready.put("private_channels", List.of());
      ready.put("session_id", "fake-session-" + identifies.get());
      ready.put("resume_gateway_url", gatewayUrl());
      ready.put("application", Map.of("id", APP_ID, "flags", 0));
      if (shardInfo.isArray()) {
        ready.put("shard", List.of(shard, total));
      }
      dispatch("READY", ready);
      for (Map<String, Object> g : snapshot) {
        dispatch("GUILD_CREATE", g);
      }
      identifies.incrementAndGet();
      identified.countDown();
    }

    @Override
    public void onClosing(WebSocket ws, int code, String reason) {
      forget();
      // Without this MockWebServer.close() waits for the socket and fails (platforms.md §C.4).
      ws.close(1000, null);
    }

    @Override
    public void onClosed(WebSocket ws, int code, String reason) {
      forget();
    }

    @Override
    public void onFailure(WebSocket ws, Throwable t, @Nullable Response response) {
      forget();
    }

    private void forget() {
      sessions.remove(shard, this);
    }
  }

  @Override
  public void close() {
    release();
    try {
      server.close();
    } catch (AssertionError stuck) {
      // A gateway socket of a bot killed with SIGKILL is never closed by its peer, and
      // MockWebServer gives up waiting for it after a while: its port is closed all the same.
    }
  }

  /**
   * Server sockets whose connections send at once (TCP_NODELAY), as Discord's gateway does for its
   * events. Without it the fake's gateway frames met Nagle's algorithm: a frame written while the
   * previous one was not yet acknowledged waited for the bot's kernel to acknowledge it, which it
   * delays by 40 ms when it has nothing to send back. That was the ~42 ms mode of autocomplete
   * ("fort b", "los a", "st lou", every time) in issue 22's profile: the frame sat in the fake's
   * socket before JDA could read it, while the bot's own answer took 1-4 ms.
   */
  private static final class NoDelaySockets extends javax.net.ServerSocketFactory {
    @Override
    public java.net.ServerSocket createServerSocket() throws IOException {
      return new NoDelayServerSocket();
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port) throws IOException {
      return bound(new java.net.InetSocketAddress(port), 50);
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
      return bound(new java.net.InetSocketAddress(port), backlog);
    }

    @Override
    public java.net.ServerSocket createServerSocket(
        int port, int backlog, java.net.InetAddress address) throws IOException {
      return bound(new java.net.InetSocketAddress(address, port), backlog);
    }

    private static java.net.ServerSocket bound(java.net.InetSocketAddress at, int backlog)
        throws IOException {
      java.net.ServerSocket socket = new NoDelayServerSocket();
      socket.bind(at, backlog);
      return socket;
    }
  }

  /** A server socket whose accepted connections have TCP_NODELAY set. */
  private static final class NoDelayServerSocket extends java.net.ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public java.net.Socket accept() throws IOException {
      java.net.Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
