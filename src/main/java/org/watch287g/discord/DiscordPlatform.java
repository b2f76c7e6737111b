package org.watch287g.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.alerts.Deliverer;
import org.watch287g.commands.CommandService;
import org.watch287g.config.DiscordConfig;
import org.watch287g.geo.CountyQuery;
import org.watch287g.ops.Reconnect;

/**
 * The Discord bot: one JDA client, built by {@link #start} and shut down by {@link #close}, and the
 * {@link Deliverer} that posts through it.
 *
 * <p>Light by design: {@code createLight} with no intents (JDA still asks for GUILDS, which needs
 * no approval), so it caches guilds, their channels and roles, and the bot's own member: what
 * permission checks and posting need. No member cache, no chunking, no presence, no message
 * content: no privileged intent.
 *
 * <p>JDA runs listeners on the thread that read the event, the gateway's, by default; here they run
 * on a small pool of our own ({@code setEventPool}), so a slow database cannot stall heartbeats.
 */
public final class DiscordPlatform implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DiscordPlatform.class);
  private static final Duration POST_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration SHUTDOWN = Duration.ofSeconds(5);

  private final DiscordConfig config;
  private final InteractionListener listener;
  private final DiscordDeliverer deliverer;
  private final ExecutorService events = pool("discord-events", 4);
  private final ExecutorService work = pool("discord-answers", 4);
  private volatile @Nullable JDA jda;
  private volatile boolean tokenRefused;
  private final Reconnect login;
  private volatile Consumer<String> onRefused = reason -> {};
  private volatile boolean closed;
  private boolean started;
  private @Nullable Thread retrying;

  /**
   * @param forgetGuild removes the subscriptions of a guild the bot has left, given its ID
   */
  public DiscordPlatform(
      DiscordConfig config,
      CommandService commands,
      CountyQuery places,
      Consumer<String> forgetGuild) {
    this.config = config;
    this.listener = new InteractionListener(commands, places, forgetGuild, work);
    this.deliverer = new DiscordDeliverer(() -> jda, () -> tokenRefused, POST_TIMEOUT);
    this.login =
        Reconnect.of(
            "Discord login",
            String.valueOf(config.apiUrl().getHost()),
            m -> log.warn("Discord: {}", m));
  }

  /** The platform name alerts and subscriptions use: "discord". */
  public static String platformName() {
    return DiscordDeliverer.PLATFORM;
  }

  /** Posts alerts, digests and notices through this bot. */
  public Deliverer deliverer() {
    return deliverer;
  }

  /**
   * Discord's 401, 403 and 429 answers to the bot's posts in the last ten minutes (Discord bans the
   * bot's address at 10,000; the bot holds its posts from 2,500).
   */
  public int invalidRequests() {
    return deliverer.invalidRequests();
  }

  /**
   * What to do when Discord refuses the token for good (an admin notice), given the reason; set
   * before {@link #start}.
   */
  public void onTokenRefused(Consumer<String> action) {
    this.onRefused = action;
  }

  /**
   * Logs in (a REST call that checks the token) and connects to the gateway in the background. The
   * first try is made here; when it fails for a network error or a server error, the login is tried
   * again in the background with backoff ({@link Reconnect}) while the rest of the bot runs. Only a
   * refused token leaves Discord off.
   */
  public synchronized void start() {
    if (jda != null || started) {
      return;
    }
    started = true;
    retrying = login.start("discord-login", this::logIn, this::loggedIn);
  }

  private void loggedIn(Reconnect.Outcome outcome) {
    if (outcome == Reconnect.Outcome.REFUSED) {
      tokenRefused = true;
      log.error(
          "Discord is off: Discord refused the bot token (DISCORD_TOKEN); reset it in the"
              + " Developer Portal and restart. Alerts to Discord are held until then.");
      onRefused.accept("Discord answered 401 to the bot token at login");
    }
  }

  /** One login: builds the client, which checks the token before connecting to the gateway. */
  private void logIn() throws Exception {
    if (closed) {
      throw new InterruptedException("closed");
    }
    String gateway = config.gatewayUrl().toString();
    JDA client;
    try {
      client =
          JDABuilder.createLight(config.token(), EnumSet.noneOf(GatewayIntent.class))
              .setMemberCachePolicy(MemberCachePolicy.NONE)
              .setChunkingFilter(ChunkingFilter.NONE)
              .disableCache(EnumSet.allOf(CacheFlag.class))
              .setRestConfig(new RestConfig().setBaseUrl(config.apiUrl().toString()))
              .setSessionController(
                  new SessionControllerAdapter() {
                    @Override
                    public String getGateway() {
                      return gateway;
                    }
                  })
              // Plain JSON frames: the GUILDS intent brings little, and proxies and test fakes
              // can read it.
              .setCompression(Compression.NONE)
              // RunCommand's hook closes the bot in order: polling, deliveries, then this.
              .setEnableShutdownHook(false)
              .setEventPool(events, false)
              .addEventListeners(listener)
              .build();
    } catch (InvalidTokenException e) {
      throw refused();
    } catch (RuntimeException e) {
      if (e.getCause() instanceof InvalidTokenException) {
        throw refused();
      }
      throw e;
    }
    synchronized (this) {
      if (closed) {
        client.shutdownNow();
        throw new InterruptedException("closed");
      }
      jda = client;
    }
    log.info("Discord: connecting to {}", gateway);
  }

  /** Discord refused the token: the one login failure not worth retrying. */
  static Reconnect.Refused refused() {
    return new Reconnect.Refused("Discord refused the bot token");
  }

  /**
   * What keeps the bot from working now, for a readiness check: the token refused, the login still
   * being retried (and why), or the gateway not connected (JDA reconnects by itself). Empty when
   * connected.
   */
  public Optional<String> problem() {
    if (tokenRefused) {
      return Optional.of("Discord refused the bot token");
    }
    JDA client = jda;
    if (client == null) {
      String failure = login.failure();
      return Optional.of(
          failure == null
              ? "the Discord bot is not running"
              : "cannot log in to Discord yet, retrying: " + failure);
    }
    JDA.Status status = client.getStatus();
    return status == JDA.Status.CONNECTED
        ? Optional.empty()
        : Optional.of(
            "the Discord gateway is not connected ("
                + status.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + ")");
  }

  /** The client, once started; null before {@link #start} or after a failed login. */
  @Nullable JDA jda() {
    return jda;
  }

  /** Disconnects, waiting at most a few seconds for requests in flight. */
  @Override
  public synchronized void close() {
    closed = true;
    Thread t = retrying;
    if (t != null) {
      t.interrupt();
    }
    JDA client = jda;
    jda = null;
    if (client != null) {
      client.shutdown();
      try {
        if (!client.awaitShutdown(SHUTDOWN)) {
          client.shutdownNow();
          if (!client.awaitShutdown(Duration.ofSeconds(2))) {
            log.warn("Discord: the client did not stop within {}", SHUTDOWN.plusSeconds(2));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        client.shutdownNow();
      }
    }
    events.shutdownNow();
    work.shutdownNow();
    try {
      work.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ExecutorService pool(String name, int threads) {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, name + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    return Executors.newFixedThreadPool(threads, factory);
  }
}
