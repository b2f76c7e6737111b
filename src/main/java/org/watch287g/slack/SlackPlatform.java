package org.watch287g.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.socket_mode.SocketModeClient;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.commands.CommandService;
import org.watch287g.config.ConfigException;
import org.watch287g.config.SlackConfig;
import org.watch287g.ops.Reconnect;
import org.watch287g.web.PublicHttpServer;

/**
 * Slack for the bot: one Bolt app answering {@code /287g}, reached over HTTP ({@code POST
 * /slack/events} on {@code slack.port}, loopback unless {@code slack.bindAddress} says otherwise:
 * put a TLS proxy in front) or, when {@code slack.appToken} is set, over Socket Mode; and the
 * {@link SlackDeliverer} that posts alerts.
 *
 * <p>Built by {@code Wiring}, started and closed by {@code run}. Tokens and the signing secret go
 * to the SDK only; nothing here logs them.
 */
public final class SlackPlatform implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackPlatform.class);

  private final SharedReplays replays;
  private final SlackConfig config;
  private final Slack slack;
  private final MethodsClient methods;
  private final @Nullable Installations installations;
  private final App app;
  private final SlackDeliverer deliverer;
  private final ThreadPoolExecutor slow;
  private final Clock clock;
  private volatile @Nullable String botUserId;
  private @Nullable SlackHttpServer http;
  private @Nullable SocketModeApp socket;
  private final Reconnect connect;
  private volatile Consumer<String> onRefused = reason -> {};
  private volatile boolean closed;
  private volatile String refusedBecause = "";
  private boolean started;
  private @Nullable Thread retrying;

  /** Errors by which Slack refuses a token, as {@link SlackDeliverer} also reads them. */
  private static final Set<String> REFUSED =
      Set.of("invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired");

  /** One workspace's bot, with {@code slack.botToken}. */
  public SlackPlatform(SlackConfig config, CommandService commands, Clock clock) {
    this(config, commands, clock, SharedReplays.NONE, null);
  }

  /**
   * @param replays where a request any instance answered already is remembered (several instances
   *     behind a load balancer); {@link SharedReplays#NONE} for this process alone
   * @param installed where the workspaces that installed the app are kept, when {@code
   *     slack.clientId} is set ("Add to Slack"); null for one workspace's {@code slack.botToken}
   */
  public SlackPlatform(
      SlackConfig config,
      CommandService commands,
      Clock clock,
      SharedReplays replays,
      @Nullable InstallationStore installed) {
    this.replays = replays;
    this.config = config;
    this.clock = clock;
    com.slack.api.SlackConfig sdk = new com.slack.api.SlackConfig();
    sdk.setMethodsEndpointUrlPrefix(config.apiUrl().toString());
    // Stats would start metrics threads and extra auth.test calls this bot has no use for.
    sdk.setStatsEnabled(false);
    this.slack = Slack.getInstance(sdk);
    AppConfig.AppConfigBuilder app = AppConfig.builder().slack(slack);
    if (config.multiWorkspace()) {
      if (installed == null) {
        throw new IllegalArgumentException("slack.clientId is set: installations need a store");
      }
      this.installations =
          new Installations(
              installed,
              slack,
              config.distribution().clientId(),
              config.distribution().clientSecret(),
              clock);
      this.methods = slack.methods();
      app.clientId(config.distribution().clientId())
          .clientSecret(config.distribution().clientSecret())
          .scope(config.distribution().scopes())
          // Bolt checks each workspace's token with auth.test; once in a while is enough.
          .authTestCacheEnabled(true);
    } else {
      this.installations = null;
      this.methods = slack.methods(config.botToken());
      app.singleTeamBotToken(config.botToken());
    }
    if (!config.signingSecret().isEmpty()) {
      app.signingSecret(config.signingSecret());
    }
    // Every request Bolt runs came through SlackHttpServer, which checked the same signature over
    // the same bytes (RequestSignature) before anything read it; Bolt's second check (a new Mac and
    // String.format per byte) was a seventh of the CPU of a /287g answer (issue 22's profile).
    // Socket Mode requests are never signed.
    app.requestVerificationEnabled(false);
    this.app = new App(app.build());
    WorkspaceClients clients;
    if (installations != null) {
      this.app.service(installations);
      this.app.use(this::sameApp);
      clients = installations;
      // A workspace that uninstalls, or revokes the bot's token, is forgotten at once.
      this.app.event(
          AppUninstalledEvent.class,
          (req, ctx) -> {
            forget(req.getTeamId(), "uninstalled the app");
            return ctx.ack();
          });
      this.app.event(
          TokensRevokedEvent.class,
          (req, ctx) -> {
            TokensRevokedEvent.Tokens tokens = req.getEvent().getTokens();
            if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
              forget(req.getTeamId(), "revoked the bot's token");
            }
            return ctx.ack();
          });
    } else {
      MethodsClient single = methods;
      clients = team -> single;
    }
    AtomicInteger n = new AtomicInteger();
    this.slow =
        new ThreadPoolExecutor(
            2,
            2,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(100),
            r -> {
              Thread t = new Thread(r, "slack-command-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    SlashCommands slash =
        new SlashCommands(
            commands,
            config.subscribePermission(),
            clients,
            slow,
            () -> Optional.ofNullable(botUserId),
            new ResponseUrls(config.apiUrl(), SlackConfig.SLACK_API));
    this.app.command(SlashCommands.COMMAND, slash::handle);
    // The alert buttons are links; Slack still tells the app of each click, which wants an ack.
    this.app.blockAction(Pattern.compile("link-.*"), (req, ctx) -> ctx.ack());
    // "Did you mean" buttons run the command for the place chosen.
    this.app.blockAction(
        Pattern.compile(Pattern.quote(SlashCommands.CHOICE) + "\\d+"), slash::choose);
    this.app.blockAction(SlashCommands.MAP_BUTTON, slash::choose);
    this.deliverer =
        installations == null
            ? new SlackDeliverer(methods, SlackDeliverer.RATE_LIMITS, config.historyPerMinute())
            : new SlackDeliverer(
                clients,
                SlackDeliverer.RATE_LIMITS,
                config.historyPerMinute(),
                team -> forget(team, "has a token Slack refuses"));
    this.connect =
        Reconnect.of(
            config.socketMode() ? "Slack sign-in and Socket Mode" : "Slack sign-in",
            String.valueOf(config.apiUrl().getHost()),
            m -> log.warn("Slack: {}", m));
    // While sign-in is still being retried for a network failure, alerts wait uncounted.
    this.deliverer.holdWhile(this::waitingForSignIn);
  }

  /**
   * Forgets a workspace (its installation, channels, subscriptions, pending alerts) in one
   * transaction: no token of it is used again.
   */
  private void forget(@Nullable String team, String why) {
    Installations i = installations;
    if (team == null || i == null) {
      return;
    }
    if (i.store().remove(team)) {
      log.info(
          "Slack: workspace {} {}: its channels, subscriptions and alerts are removed", team, why);
    } else {
      log.info("Slack: workspace {} {}, but it was not installed: nothing to remove", team, why);
    }
  }

  /**
   * Refuses a request that names another app than the one its workspace installed. The signature
   * already proves Slack sent it for this app's signing secret; this catches a payload whose {@code
   * api_app_id} disagrees with the installation (two apps sharing a secret, or a crafted body), so
   * one app's workspace can never drive another's commands with the token it finds.
   */
  private Response sameApp(Request<?> req, Response resp, MiddlewareChain chain) throws Exception {
    Installations i = installations;
    String team = req.getContext().getTeamId();
    String named = apiAppId(req);
    if (i != null && team != null && named != null) {
      Optional<String> installed = i.appId(team);
      if (installed.isPresent() && !installed.get().isEmpty() && !installed.get().equals(named)) {
        log.warn(
            "Slack: refused a request of workspace {} naming app {}, not the app it installed",
            team,
            named.length() > 40 ? named.substring(0, 40) + "..." : named);
        return Response.builder()
            .statusCode(401)
            .contentType("text/plain")
            .body("This request is for another app.")
            .build();
      }
    }
    return chain.next(req);
  }

  /** The {@code api_app_id} a request names, or null when it names none. */
  private static @Nullable String apiAppId(Request<?> req) {
    if (req instanceof SlashCommandRequest command) {
      return command.getPayload().getApiAppId();
    }
    if (req instanceof BlockActionRequest action) {
      return action.getPayload().getApiAppId();
    }
    if (req instanceof EventRequest event) {
      try {
        JsonElement id =
            JsonParser.parseString(event.getRequestBodyAsString())
                .getAsJsonObject()
                .get("api_app_id");
        return id == null || !id.isJsonPrimitive() ? null : id.getAsString();
      } catch (RuntimeException e) {
        return null; // Bolt refuses a body it cannot read on its own.
      }
    }
    return null;
  }

  /** Why the bot is not signed in yet while sign-in is being retried; null otherwise. */
  private @Nullable String waitingForSignIn() {
    if (botUserId != null || connect.refusal() != null) {
      return null;
    }
    String failure = connect.failure();
    return failure == null ? null : "not signed in to Slack yet: " + failure;
  }

  /** Posts alerts, digests and notices to Slack channels. */
  public SlackDeliverer deliverer() {
    return deliverer;
  }

  /**
   * The channel configured for operator notices ({@code slack.adminChannel}), if any, as the core
   * names admin channels ({@link ChannelRef#admin}): only its ID is used to post.
   */
  public Optional<ChannelRef> adminChannel() {
    return config.adminChannel().isEmpty()
        ? Optional.empty()
        : Optional.of(ChannelRef.admin(SlackDeliverer.PLATFORM, config.adminChannel()));
  }

  /**
   * What keeps Slack from working now, for a readiness check: a token refused, the connection still
   * being retried (and why), or nothing serving {@code /287g}. Empty when signed in and serving.
   */
  public synchronized Optional<String> problem() {
    String refusal = connect.refusal();
    if (refusal != null) {
      return Optional.of(refusal);
    }
    String failure = connect.failure();
    if (installations != null) {
      // Each workspace signs in with its own token, request by request: nothing global to fail.
      return http == null && socket == null
          ? Optional.of("Slack is not serving /287g (not started)")
          : Optional.empty();
    }
    if (botUserId == null) {
      return Optional.of(
          failure == null
              ? "Slack has not accepted the bot token (auth.test)"
              : "cannot sign in to Slack yet, retrying: " + failure);
    }
    if (http == null && socket == null) {
      return Optional.of(
          failure == null
              ? "Slack is not serving /287g (not started)"
              : "cannot connect to Slack by Socket Mode yet, retrying: " + failure);
    }
    return Optional.empty();
  }

  /**
   * What to do when Slack refuses a token for good (an admin notice), given the reason; set before
   * {@link #start}.
   */
  public void onTokenRefused(Consumer<String> action) {
    this.onRefused = action;
  }

  /**
   * Serves {@code /287g}: over HTTP at once (a port that cannot be bound stops {@code run}), and
   * signs in with {@code auth.test} then, with an app token, connects by Socket Mode. The first try
   * is made here; a network or server failure is tried again in the background with backoff ({@link
   * Reconnect}) while the rest of the bot runs. Only a refused token stops trying.
   *
   * @throws ConfigException when the HTTP port cannot be bound, so that {@code run} stops with the
   *     key to fix
   */
  public synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    if (!config.socketMode() || installations != null) {
      // With "Add to Slack", the install pages are served over HTTP even in Socket Mode.
      serveHttp();
    }
    if (installations != null && !config.socketMode()) {
      app.start();
      return;
    }
    retrying = connect.start("slack-connect", this::connectOnce, this::connected);
  }

  private void connected(Reconnect.Outcome outcome) {
    if (outcome == Reconnect.Outcome.REFUSED) {
      String reason = String.valueOf(connect.refusal());
      log.error(
          "Slack is off: {}; alerts to Slack are held until it is fixed and restarted", reason);
      onRefused.accept(refusedBecause);
    }
  }

  /** One try: auth.test until it has worked, then in Socket Mode the socket. */
  private void connectOnce() throws Exception {
    if (closed) {
      throw new InterruptedException("closed");
    }
    if (botUserId == null && installations == null) {
      signIn();
    }
    if (config.socketMode()) {
      openSocket();
    }
  }

  private void signIn() throws Exception {
    AuthTestResponse r;
    try {
      r = methods.authTest(req -> req);
    } catch (SlackApiException e) {
      String error = e.getError() == null ? null : e.getError().getError();
      if (error != null && refuses(error)) {
        throw refused("bot", "auth.test", error, "check SLACK_BOT_TOKEN");
      }
      throw e;
    }
    if (!r.isOk()) {
      if (refuses(r.getError())) {
        throw refused("bot", "auth.test", r.getError(), "check SLACK_BOT_TOKEN");
      }
      throw new IllegalStateException("auth.test: " + r.getError());
    }
    botUserId = r.getUserId();
    log.info("Slack: signed in to workspace {} as bot user {}", r.getTeamId(), r.getUserId());
    app.start();
  }

  /**
   * Asks for a socket URL first ({@code apps.connections.open}) so that a refused app token is told
   * apart from a network failure, then lets the SDK connect.
   */
  private void openSocket() throws Exception {
    AppsConnectionsOpenResponse open =
        slack.methods().appsConnectionsOpen(r -> r.token(config.appToken()));
    if (!open.isOk()) {
      if (refuses(open.getError())) {
        throw refused(
            "app",
            "apps.connections.open",
            open.getError(),
            "check SLACK_APP_TOKEN (an xapp- token with connections:write)");
      }
      throw new IllegalStateException("apps.connections.open: " + open.getError());
    }
    SocketModeApp s =
        new SocketModeApp(config.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
    try {
      s.startAsync();
    } catch (Exception e) {
      closeQuietly(s);
      throw e;
    }
    synchronized (this) {
      if (closed) {
        closeQuietly(s);
        throw new InterruptedException("closed");
      }
      socket = s;
    }
    log.info("Slack: connected by Socket Mode");
  }

  /**
   * A refusal: the message for the log and readiness; the short reason, kept for the notice.
   *
   * @param token "bot" or "app"
   */
  private Reconnect.Refused refused(String token, String call, String error, String fix) {
    refusedBecause =
        (token.equals("bot") ? "" : "the " + token + " token: ") + call + " answered " + error;
    return new Reconnect.Refused(
        "Slack refused the " + token + " token (" + call + ": " + error + "); " + fix);
  }

  /** The errors by which Slack refuses a token: trying it again cannot help. */
  static boolean refuses(@Nullable String error) {
    return error != null && REFUSED.contains(error);
  }

  private static void closeQuietly(SocketModeApp s) {
    try {
      s.close();
    } catch (Exception e) {
      log.debug("closing a Socket Mode client that did not start: {}", e.toString());
    }
  }

  private void serveHttp() {
    try {
      SlackHttpServer server =
          new SlackHttpServer(
              app,
              config.signingSecret(),
              config.bindAddress(),
              config.port(),
              clock,
              PublicHttpServer.Limits.defaults(),
              SlackHttpServer.REPLAY_CAPACITY,
              replays);
      Installations i = installations;
      if (i != null) {
        OAuthPages pages = new OAuthPages(config.distribution(), i.store(), slack, clock);
        server.route(OAuthPages.INSTALL, pages);
        server.route(OAuthPages.REDIRECT, pages);
        server.acceptEvents();
      }
      server.start();
      http = server;
      log.info(
          "Slack: serving POST {} on {}:{}",
          SlackHttpServer.PATH,
          config.bindAddress(),
          server.port());
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(
          "slack.port",
          "cannot listen on "
              + config.bindAddress()
              + ":"
              + config.port()
              + " ("
              + e.getMessage()
              + ")",
          "choose another slack.port, stop what uses this one, or fix slack.bindAddress");
    }
  }

  /** The HTTP port being served (for tests that ask for port 0); empty in Socket Mode. */
  public synchronized Optional<Integer> port() {
    SlackHttpServer server = http;
    return server == null ? Optional.empty() : Optional.of(server.port());
  }

  /** Stops serving and the SDK's threads, within a few seconds. */
  @Override
  public synchronized void close() {
    closed = true;
    Thread t = retrying;
    if (t != null) {
      t.interrupt();
    }
    SlackHttpServer server = http;
    if (server != null) {
      server.close();
      http = null;
    }
    SocketModeApp s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (Exception e) {
        log.warn("Slack Socket Mode did not stop cleanly: {}", e.toString());
      }
      socket = null;
    }
    app.stop();
    slow.shutdown();
    try {
      if (!slow.awaitTermination(2, TimeUnit.SECONDS)) {
        slow.shutdownNow();
      }
    } catch (InterruptedException e) {
      slow.shutdownNow();
      Thread.currentThread().interrupt();
    }
    try {
      slack.close();
    } catch (Exception e) {
      log.debug("closing the Slack client: {}", e.toString());
    }
  }
}
