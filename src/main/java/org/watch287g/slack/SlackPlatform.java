package org.watch287g.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.socket_mode.SocketModeClient;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.commands.CommandService;
import org.watch287g.config.ConfigException;
import org.watch287g.config.SlackConfig;

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

  private final SlackConfig config;
  private final Slack slack;
  private final MethodsClient methods;
  private final App app;
  private final SlackDeliverer deliverer;
  private final ThreadPoolExecutor slow;
  private final Clock clock;
  private volatile @Nullable String botUserId;
  private @Nullable SlackHttpServer http;
  private @Nullable SocketModeApp socket;

  public SlackPlatform(SlackConfig config, CommandService commands, Clock clock) {
    this.config = config;
    this.clock = clock;
    com.slack.api.SlackConfig sdk = new com.slack.api.SlackConfig();
    sdk.setMethodsEndpointUrlPrefix(config.apiUrl().toString());
    // Stats would start metrics threads and extra auth.test calls this bot has no use for.
    sdk.setStatsEnabled(false);
    this.slack = Slack.getInstance(sdk);
    this.methods = slack.methods(config.botToken());
    AppConfig.AppConfigBuilder app =
        AppConfig.builder().slack(slack).singleTeamBotToken(config.botToken());
    if (!config.signingSecret().isEmpty()) {
      app.signingSecret(config.signingSecret());
    }
    this.app = new App(app.build());
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
            methods,
            slow,
            () -> Optional.ofNullable(botUserId),
            new ResponseUrls(config.apiUrl(), SlackConfig.SLACK_API));
    this.app.command(SlashCommands.COMMAND, slash::handle);
    // The alert buttons are links; Slack still tells the app of each click, which wants an ack.
    this.app.blockAction(Pattern.compile("link-.*"), (req, ctx) -> ctx.ack());
    // "Did you mean" buttons run the command for the place chosen.
    this.app.blockAction(
        Pattern.compile(Pattern.quote(SlashCommands.CHOICE) + "\\d+"), slash::choose);
    this.deliverer = new SlackDeliverer(methods);
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
   * What keeps Slack from working now, for a readiness check: the token refused or unchecked, or
   * nothing serving {@code /287g}. Empty when signed in and serving.
   */
  public synchronized Optional<String> problem() {
    if (botUserId == null) {
      return Optional.of("Slack has not accepted the bot token (auth.test)");
    }
    if (http == null && socket == null) {
      return Optional.of("Slack is not serving /287g (not started)");
    }
    return Optional.empty();
  }

  /**
   * Checks the token with {@code auth.test} (a failure is logged; Bolt checks again on the first
   * request), then serves: Socket Mode when an app token is set, else HTTP.
   *
   * @throws ConfigException when the HTTP port cannot be bound or Socket Mode cannot connect, so
   *     that {@code run} stops with the key to fix
   */
  public synchronized void start() {
    checkToken();
    if (config.socketMode()) {
      try {
        SocketModeApp s =
            new SocketModeApp(config.appToken(), SocketModeClient.Backend.JavaWebSocket, app);
        s.startAsync();
        socket = s;
        log.info("Slack: connected by Socket Mode");
      } catch (Exception e) {
        throw new ConfigException(
            "slack.appToken",
            "cannot connect to Slack by Socket Mode (" + e.getMessage() + ")",
            "check SLACK_APP_TOKEN (an xapp- token with connections:write) and the network");
      }
      return;
    }
    try {
      SlackHttpServer server =
          new SlackHttpServer(
              app, config.signingSecret(), config.bindAddress(), config.port(), clock);
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

  private void checkToken() {
    try {
      AuthTestResponse r = methods.authTest(req -> req);
      if (r.isOk()) {
        botUserId = r.getUserId();
        log.info("Slack: signed in to workspace {} as bot user {}", r.getTeamId(), r.getUserId());
        app.start();
      } else {
        log.error(
            "Slack refused the bot token (auth.test: {}); check SLACK_BOT_TOKEN", r.getError());
      }
    } catch (Exception e) {
      log.error("cannot check the Slack bot token (auth.test): {}", e.toString());
    }
  }

  /** Stops serving and the SDK's threads, within a few seconds. */
  @Override
  public synchronized void close() {
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
