package org.watch287g.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.alerts.Deliverer;
import org.watch287g.alerts.LimitShare;
import org.watch287g.commands.CommandService;
import org.watch287g.config.DiscordConfig;
import org.watch287g.geo.CountyQuery;
import org.watch287g.ops.Reconnect;

/**
 * The Discord bot: JDA's shard manager, built by {@link #start} and shut down by {@link #close},
 * and the {@link Deliverer} that posts through it.
 *
 * <p>Light by design: {@code createLight} with no intents (JDA still asks for GUILDS, which needs
 * no approval), so it caches guilds, their channels and roles, and the bot's own member: what
 * permission checks and posting need. No member cache, no chunking, no presence, no message
 * content: no privileged intent.
 *
 * <p>JDA runs listeners on the thread that read the event, the gateway's, by default; here they run
 * on a small pool of our own ({@code setEventPool}), shared by every shard, so a slow database
 * cannot stall heartbeats.
 *
 * <p><b>Shards.</b> Discord requires a bot in 2,500 servers or more to split its gateway into
 * shards, each carrying the servers whose {@code (guild_id >> 22) % shards} is its number. The bot
 * runs the number Discord recommends ({@code GET /gateway/bot}), or {@code discord.shards}; this
 * process runs the shards of {@code discord.shardRange} (all by default). A small bot has one
 * shard: one session, as before sharding. Each shard is a JDA client of its own with its own cache,
 * so interactions, joins and leaves come from the shard of their server, and the deliverer looks a
 * channel up in the shard of its server.
 *
 * <p><b>Several instances.</b> Each shard is owned by one instance ({@link ShardOwnership}: a lock
 * per shard on PostgreSQL). An instance starts the shards of its range it owns, checks every {@link
 * #OWNERSHIP_CHECK} that it still owns them, stops one it lost, and takes one nobody owns: a dead
 * instance's shards are taken over within that check and a login. Alone (SQLite) every shard of the
 * range is this instance's and nothing is checked.
 */
public final class DiscordPlatform implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DiscordPlatform.class);
  private static final Duration POST_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration SHUTDOWN = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How often an instance sharing the shards checks which it owns. */
  static final Duration OWNERSHIP_CHECK = Duration.ofSeconds(5);

  private final DiscordConfig config;
  private final InteractionListener listener;
  private final DiscordDeliverer deliverer;
  private final ShardOwnership ownership;
  private final ExecutorService events = pool("discord-events", 4);
  private final ExecutorService work = pool("discord-answers", 4);

  /**
   * Where JDA sends its REST requests, one bucket at a time each blocking on its HTTP call; JDA's
   * own is a cached pool that grew to 63 threads under 50 concurrent /287g status interactions and
   * a fan-out in ./bench footprint; with this one the bot's stacks took 12.8 MB, not 19 (NMT). 16
   * is the deliveries a platform has in flight by default (alerts.inFlight) and answers beyond them
   * wait their turn for milliseconds; idle threads end after 10 s.
   */
  private final ExecutorService rest = elastic("discord-rest", 16);

  private volatile @Nullable ShardManager shards;
  private volatile boolean tokenRefused;
  private volatile @Nullable String misfit;
  private final Reconnect login;
  private volatile Consumer<String> onRefused = reason -> {};
  private volatile boolean closed;
  private boolean started;
  private @Nullable Thread retrying;
  private @Nullable ScheduledExecutorService checker;

  /** The shards of this process's range, once logged in. */
  private volatile List<Integer> range = List.of();

  /** The shards this instance runs (asked the manager to start), by the checker's thread. */
  private final Set<Integer> running = java.util.Collections.synchronizedSet(new TreeSet<>());

  /** The shard this instance last gave up for another, until one took it; the checker's. */
  private @Nullable Integer gaveUp;

  private int checksSinceGivenUp;

  /** No shard is given up before this ({@code nanoTime}); the checker's. */
  private long holdReleasesUntil = System.nanoTime();

  /** Checks after which a shard given up and taken by nobody is taken back. */
  static final int TAKE_BACK_AFTER = 3;

  /**
   * How long nothing is given up after a shard was taken back: the instance that wanted it is gone,
   * and its heartbeat still says it wants one until it falls silent.
   */
  static final Duration RELEASE_HOLD = Duration.ofSeconds(25);

  /**
   * Alone: every shard of the range is this instance's.
   *
   * @param forgetGuild removes the subscriptions of a guild the bot has left, given its ID
   */
  public DiscordPlatform(
      DiscordConfig config,
      CommandService commands,
      CountyQuery places,
      Consumer<String> forgetGuild) {
    this(config, commands, places, forgetGuild, ShardOwnership.alone());
  }

  /**
   * @param forgetGuild removes the subscriptions of a guild the bot has left, given its ID
   * @param ownership which shards this instance may run
   */
  public DiscordPlatform(
      DiscordConfig config,
      CommandService commands,
      CountyQuery places,
      Consumer<String> forgetGuild,
      ShardOwnership ownership) {
    this.config = config;
    this.ownership = ownership;
    this.listener = new InteractionListener(commands, places, forgetGuild, work);
    this.deliverer =
        new DiscordDeliverer(() -> shards, () -> tokenRefused, POST_TIMEOUT, ownership.shared());
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
   * This instance's part of Discord's global rate limit (the bot's, whichever instance posts): the
   * shards it runs of all of them, since it posts only to their servers. Nothing while it runs no
   * shard and others may; alone and not yet logged in, the whole (nothing goes out before login).
   */
  public LimitShare limitShare() {
    ShardManager manager = shards;
    if (manager == null) {
      return ownership.shared() ? new LimitShare(0, 1) : LimitShare.WHOLE;
    }
    int total = manager.getShardsTotal();
    return new LimitShare(Math.min(running.size(), total), total);
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
   * Logs in (a REST call that checks the token and learns the recommended shard count) and connects
   * this instance's shards to the gateway in the background. The first try is made here; when it
   * fails for a network error or a server error, the login is tried again in the background with
   * backoff ({@link Reconnect}) while the rest of the bot runs. Only a refused token, or a shard
   * range past the shards there are, leaves Discord off.
   */
  public synchronized void start() {
    if (shards != null || started) {
      return;
    }
    started = true;
    retrying = login.start("discord-login", this::logIn, this::loggedIn);
  }

  private void loggedIn(Reconnect.Outcome outcome) {
    if (outcome != Reconnect.Outcome.REFUSED) {
      return;
    }
    String unfit = misfit;
    if (unfit != null) {
      log.error("Discord is off: {}", unfit);
      onRefused.accept(unfit);
      return;
    }
    tokenRefused = true;
    log.error(
        "Discord is off: Discord refused the bot token (DISCORD_TOKEN); reset it in the"
            + " Developer Portal and restart. Alerts to Discord are held until then.");
    onRefused.accept("Discord answered 401 to the bot token at login");
  }

  /** What {@code GET /gateway/bot} says: how many shards, how many may identify at once. */
  record GatewayBot(int shards, int concurrency) {}

  /**
   * One login: learns the shard count, takes the shards this instance owns, and builds the shard
   * manager, whose first shard checks the token before connecting to the gateway.
   */
  private void logIn() throws Exception {
    if (closed) {
      throw new InterruptedException("closed");
    }
    GatewayBot bot = gatewayBot();
    int total = config.shards() > 0 ? config.shards() : bot.shards();
    if (!config.shardRange().fits(total)) {
      misfit =
          "discord.shardRange "
              + config.shardRange()
              + " names shards past the "
              + total
              + " Discord recommends (numbered 0 to "
              + (total - 1)
              + "): set discord.shards to the total of every process's shards, or change the range";
      throw new Reconnect.Refused(misfit);
    }
    List<Integer> mine = config.shardRange().of(total);
    List<Integer> owned = new ArrayList<>();
    for (int shard : mine) {
      if (ownership.owns(shard)) {
        owned.add(shard);
      }
    }
    String gateway = config.gatewayUrl().toString();
    ShardManager manager =
        DefaultShardManagerBuilder.createLight(config.token(), EnumSet.noneOf(GatewayIntent.class))
            .setShardsTotal(total)
            .setShards(owned)
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

                  // The shard manager asks this before its first shard connects: answered from
                  // the login's own GET /gateway/bot, with the configured gateway, not Discord's.
                  @Override
                  public ShardedGateway getShardedGateway(JDA api) {
                    return new ShardedGateway(gateway, total, bot.concurrency());
                  }
                })
            // Plain JSON frames: the GUILDS intent brings little, and proxies and test fakes
            // can read it.
            .setCompression(Compression.NONE)
            // RunCommand's hook closes the bot in order: polling, deliveries, then this.
            .setEnableShutdownHook(false)
            .setEventPool(events, false)
            .setRateLimitElastic(rest, false)
            .addEventListeners(listener)
            .build(false);
    try {
      if (!owned.isEmpty()) {
        // Builds the first shard here (its token check, GET /users/@me), queues the others.
        manager.login();
      }
    } catch (RuntimeException e) {
      manager.shutdown();
      // The first shard's GET /users/@me is the token's second check.
      if (e instanceof InvalidTokenException
          || e.getCause() instanceof InvalidTokenException
          || (e instanceof ErrorResponseException r && r.getResponse().code == 401)) {
        throw refused();
      }
      throw e;
    }
    synchronized (this) {
      if (closed) {
        manager.shutdown();
        throw new InterruptedException("closed");
      }
      range = mine;
      running.addAll(owned);
      shards = manager;
      if (ownership.shared()) {
        ScheduledExecutorService check =
            Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "discord-shard-owner");
                  t.setDaemon(true);
                  return t;
                });
        // checkOwnership catches what it can: a task that threw would stop its schedule.
        var unused =
            check.scheduleWithFixedDelay(
                this::checkOwnership,
                OWNERSHIP_CHECK.toMillis(),
                OWNERSHIP_CHECK.toMillis(),
                TimeUnit.MILLISECONDS);
        checker = check;
      }
    }
    log.info(
        "Discord: {} shards in all; this process runs {} (its range: {}): connecting to {}",
        total,
        owned.isEmpty() ? "none (another instance owns them)" : owned,
        config.shardRange().all() ? "all" : mine,
        gateway);
  }

  /**
   * Asks Discord how many shards it recommends, checking the token: the shard manager needs the
   * total before its first shard, and this instance must know it to take the shards' locks.
   */
  private GatewayBot gatewayBot() throws IOException, InterruptedException, Reconnect.Refused {
    URI url = config.apiUrl().resolve("gateway/bot");
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bot " + config.token())
                .header("User-Agent", "DiscordBot (watch287g, 1)")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() == 401) {
      throw refused();
    }
    if (answer.statusCode() != 200) {
      throw new IOException("GET /gateway/bot answered " + answer.statusCode());
    }
    JsonNode body = JSON.readTree(answer.body());
    int recommended = body.path("shards").asInt(1);
    int concurrency = body.path("session_start_limit").path("max_concurrency").asInt(1);
    return new GatewayBot(Math.max(1, recommended), Math.max(1, concurrency));
  }

  /**
   * Stops the shards this instance no longer owns (another instance took them after this one's lock
   * went), takes those of its range nobody runs (their owner died), and spreads the shards over the
   * instances alive, by these rules in order:
   *
   * <ol>
   *   <li>A shard this instance runs whose lock it lost is stopped at once.
   *   <li>A shard it gave up (rule 4) that no instance took within {@link #TAKE_BACK_AFTER} checks
   *       is taken back: the instance that wanted one is gone. Nothing is given up for {@link
   *       #RELEASE_HOLD} after that, the time its heartbeat takes to fall silent.
   *   <li>A shard nobody runs is taken, unless this instance runs its fair part already and another
   *       instance waits for a shard: that one takes it. So a dead instance's shards are taken over
   *       within a check, by whoever has room, or by anyone when nobody waits.
   *   <li>Running more than its fair part while another instance waits for a shard, it gives one up
   *       (its highest), one per check, for that instance to take.
   *   <li>Running fewer than its fair part, it says how many more it wants (heard at the others'
   *       next beat).
   * </ol>
   *
   * The fair part is the shards divided by the instances alive, rounded up. Only a process whose
   * range is every shard (the default) spreads; one given a range runs what is free in it.
   */
  private void checkOwnership() {
    ShardManager manager = shards;
    if (manager == null || closed) {
      return;
    }
    int total = manager.getShardsTotal();
    boolean spread = range.size() == total;
    int fair = spread ? ownership.fairPart(total) : range.size();
    boolean othersWait = spread && ownership.othersWant();
    for (int shard : range) {
      if (closed) {
        return;
      }
      try {
        if (running.contains(shard)) {
          if (!ownership.owns(shard)) {
            running.remove(shard);
            manager.shutdown(shard);
            ownership.release(shard);
            log.warn(
                "Discord: this instance lost shard {} (its lock went with its database session):"
                    + " stopped it; the instance that holds the lock runs it",
                shard);
          }
          continue;
        }
        Integer given = gaveUp;
        if (given != null && given == shard) {
          if (++checksSinceGivenUp < TAKE_BACK_AFTER) {
            continue;
          }
          gaveUp = null;
          if (ownership.owns(shard)) {
            holdReleasesUntil = System.nanoTime() + RELEASE_HOLD.toNanos();
            start(manager, shard, "took back shard {}: no instance took it");
          }
          continue;
        }
        if (othersWait && running.size() >= fair) {
          continue;
        }
        if (ownership.owns(shard)) {
          start(manager, shard, "took over shard {}, which no instance ran: starting it");
        }
      } catch (RuntimeException e) {
        log.warn("Discord: cannot check who runs shard {}: {}", shard, e.toString());
      }
    }
    if (!spread) {
      return;
    }
    if (othersWait
        && running.size() > fair
        && gaveUp == null
        && System.nanoTime() - holdReleasesUntil >= 0) {
      int shard;
      synchronized (running) {
        shard = java.util.Collections.max(running);
      }
      running.remove(shard);
      manager.shutdown(shard);
      ownership.release(shard);
      gaveUp = shard;
      checksSinceGivenUp = 0;
      log.info(
          "Discord: gave shard {} up for an instance running fewer than its part ({} of {} here)",
          shard,
          running.size(),
          fair);
    }
    ownership.want(Math.max(0, fair - running.size()));
  }

  private void start(ShardManager manager, int shard, String message) {
    running.add(shard);
    manager.start(shard);
    log.info("Discord: " + message, shard);
  }

  /** Discord refused the token: the one login failure not worth retrying. */
  static Reconnect.Refused refused() {
    return new Reconnect.Refused("Discord refused the bot token");
  }

  /**
   * What keeps the bot from working now, for a readiness check: the token refused, the login still
   * being retried (and why), or a shard of this instance not connected (JDA reconnects by itself),
   * naming the shard. Empty when every shard this instance runs is connected.
   */
  public Optional<String> problem() {
    if (tokenRefused) {
      return Optional.of("Discord refused the bot token");
    }
    String unfit = misfit;
    if (unfit != null) {
      return Optional.of(unfit);
    }
    ShardManager manager = shards;
    if (manager == null) {
      String failure = login.failure();
      return Optional.of(
          failure == null
              ? "the Discord bot is not running"
              : "cannot log in to Discord yet, retrying: " + failure);
    }
    List<String> problems = new ArrayList<>();
    int total = manager.getShardsTotal();
    List<Integer> mine;
    synchronized (running) {
      mine = List.copyOf(running);
    }
    for (int shard : mine) {
      JDA client = manager.getShardById(shard);
      JDA.Status status = client == null ? JDA.Status.INITIALIZING : client.getStatus();
      if (status != JDA.Status.CONNECTED) {
        String state = status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        problems.add(
            total == 1
                ? "the Discord gateway is not connected (" + state + ")"
                : "Discord shard " + shard + " of " + total + " is not connected (" + state + ")");
      }
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  /** The shard manager, once logged in; null before {@link #start} or after a failed login. */
  @Nullable ShardManager shards() {
    return shards;
  }

  /** The shards this instance runs now. */
  public Set<Integer> runningShards() {
    synchronized (running) {
      return Set.copyOf(running);
    }
  }

  /** Disconnects, waiting at most a few seconds for requests in flight, and gives up its shards. */
  @Override
  public synchronized void close() {
    closed = true;
    Thread t = retrying;
    if (t != null) {
      t.interrupt();
    }
    ScheduledExecutorService check = checker;
    if (check != null) {
      check.shutdownNow();
      try {
        check.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    ShardManager manager = shards;
    shards = null;
    if (manager != null) {
      List<JDA> clients = new ArrayList<>(manager.getShards());
      manager.shutdown();
      long end = System.nanoTime() + SHUTDOWN.toNanos();
      try {
        for (JDA client : clients) {
          Duration left = Duration.ofNanos(Math.max(0, end - System.nanoTime()));
          if (!client.awaitShutdown(left)) {
            client.shutdownNow();
            if (!client.awaitShutdown(Duration.ofSeconds(2))) {
              log.warn("Discord: a shard did not stop within {}", SHUTDOWN.plusSeconds(2));
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        clients.forEach(JDA::shutdownNow);
      }
    }
    running.clear();
    // After the sessions end: another instance that takes a shard now does not share it.
    ownership.close();
    events.shutdownNow();
    // As JDA ends its own: a request already sent finishes (or times out) rather than being cut.
    rest.shutdown();
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

  /** Up to {@code threads} threads, made when work comes and ended when idle for 10 s. */
  private static ExecutorService elastic(String name, int threads) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            10,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, name + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
