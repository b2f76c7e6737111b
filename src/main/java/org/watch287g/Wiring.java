package org.watch287g;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.alerts.AdminNotices;
import org.watch287g.alerts.AlertComposer;
import org.watch287g.alerts.ChannelOptions;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Deliverer;
import org.watch287g.alerts.DeliveryResult;
import org.watch287g.alerts.DeliveryWorker;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.LimitShare;
import org.watch287g.alerts.Notice;
import org.watch287g.alerts.PageLinks;
import org.watch287g.alerts.RetryPolicy;
import org.watch287g.alerts.Target;
import org.watch287g.changes.PublicationGuard;
import org.watch287g.commands.CommandService;
import org.watch287g.commands.Webhooks;
import org.watch287g.config.AdminConfig;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigException;
import org.watch287g.config.StorageConfig;
import org.watch287g.config.ToolkitLoader;
import org.watch287g.config.WebConfig;
import org.watch287g.config.WebhooksConfig;
import org.watch287g.console.ConsoleDeliverer;
import org.watch287g.discord.DiscordPlatform;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.CountyQuery;
import org.watch287g.geo.Gazetteer;
import org.watch287g.ops.AdminServer;
import org.watch287g.ops.Dashboard;
import org.watch287g.ops.Metrics;
import org.watch287g.ops.Readiness;
import org.watch287g.slack.SharedReplays;
import org.watch287g.slack.SlackDeliverer;
import org.watch287g.slack.SlackPlatform;
import org.watch287g.source.SourceClient;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.store.Database;
import org.watch287g.store.EventStore;
import org.watch287g.store.Heartbeats;
import org.watch287g.store.LeaderLock;
import org.watch287g.store.PublishedRecords;
import org.watch287g.store.SeenRequests;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SourceLedger;
import org.watch287g.store.SqlOutbox;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.store.Vitals;
import org.watch287g.store.WebhookRepository;
import org.watch287g.watch.BundledSnapshots;
import org.watch287g.watch.DeliveryLoop;
import org.watch287g.watch.Importer;
import org.watch287g.watch.Ingest;
import org.watch287g.watch.InstanceHeartbeat;
import org.watch287g.watch.PollCycle;
import org.watch287g.watch.Poller;
import org.watch287g.watch.Replay;
import org.watch287g.watch.SourceHealth;
import org.watch287g.web.PlacePages;
import org.watch287g.web.PublicHttpServer;
import org.watch287g.web.WebhookDeliverer;

/**
 * The composition root: builds every object of the bot, in the order data flows through them. No
 * framework and no scanning: to find what calls what, read this file top to bottom.
 *
 * <pre>
 *   config ─► database ─► repositories
 *   source client + parser ─► poll cycle (page ─► download ─► parse ─► guard ─► diff ─► match
 *                                         ─► one transaction: snapshots + events + outbox) ─► poller
 *   outbox ─► delivery worker per platform (compose in the channel's language ─► deliverer) ─► loop
 * </pre>
 */
public final class Wiring implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Wiring.class);
  private final Config config;
  private final Clock clock;
  private final Database database;
  private final LeaderLock leaderLock;
  private final @Nullable InstanceHeartbeat heartbeat;
  private final SnapshotRepository snapshots;
  private final EventStore events;
  private final SourceLedger ledger;
  private final SubscriptionRepository subscriptions;
  private final WebhookRepository webhooks;
  private final SqlOutbox outbox;
  private final SpreadsheetParser parser;
  private final Importer importer;
  private final SourceClient source;
  private final PollCycle pollCycle;
  private final Poller poller;
  private final DeliveryWorker consoleWorker;
  private final Replay replay;
  private final DeliveryLoop deliveries;
  private final CommandService commands;
  private final AdminNotices notices;
  private final Vitals vitals;
  private final Metrics metrics;
  private final List<Readiness.PlatformCheck> platformChecks = new ArrayList<>();
  private volatile @Nullable AdminServer adminServer;

  /** Whether {@link #start()} has done what comes before "ready" ({@code /readyz} says so). */
  private volatile boolean started;

  private final @Nullable PlacePages pages;
  private @Nullable PublicHttpServer web;
  private final @Nullable DiscordPlatform discord;
  private final @Nullable SlackPlatform slack;

  /** Opens the configured database, SQLite or PostgreSQL, migrated to the current schema. */
  public static Database openDatabase(StorageConfig storage) {
    if (storage.postgres()) {
      return Database.openPostgres(
          new Database.Postgres(storage.url(), storage.user(), storage.password())
              .withEnvironmentDefaults(System.getenv()),
          storage.poolSize());
    }
    return Database.open(storage.path(), storage.busyTimeout());
  }

  /**
   * Where a notice about {@code channel} goes in its own workspace: the channel set there with
   * {@code /287g admin here}, and, for a workspace that installed the bot through "Add to Slack", a
   * direct message to whoever installed it. None for the operator's own single workspace without an
   * admin channel of its own: the operator is told then, as before.
   */
  private static List<AdminNotices.Route> workspaceRoutes(
      ChannelRef channel,
      Map<String, Deliverer> posters,
      SubscriptionRepository subscriptions,
      @Nullable SlackInstallationsInStore installed) {
    Deliverer deliverer = posters.get(channel.platform());
    if (deliverer == null || channel.workspace().isEmpty()) {
      return List.of();
    }
    List<AdminNotices.Route> routes = new ArrayList<>();
    subscriptions
        .adminChannel(channel.platform(), channel.workspace())
        .ifPresent(
            admin ->
                routes.add(
                    new AdminNotices.Route(
                        deliverer,
                        new ChannelRef(channel.platform(), channel.workspace(), admin))));
    if (installed != null && channel.platform().equals(SlackDeliverer.PLATFORM)) {
      // Slack takes a user's ID as the channel of a direct message from the app.
      installed
          .find(channel.workspace())
          .map(i -> i.installerUserId())
          .filter(user -> !user.isEmpty())
          .ifPresent(
              user ->
                  routes.add(
                      new AdminNotices.Route(
                          deliverer,
                          new ChannelRef(channel.platform(), channel.workspace(), user))));
    }
    return routes;
  }

  /**
   * On PostgreSQL, Slack's replay guard remembers the requests answered in the database, so that
   * every instance (and this one after a restart) refuses a replay; alone on SQLite, in memory.
   */
  private static SharedReplays sharedReplays(Database database, Clock clock) {
    if (database.postgres().isEmpty()) {
      return SharedReplays.NONE;
    }
    SeenRequests seen = new SeenRequests(database);
    return (digest, keepUntil) -> seen.firstSighting(digest, keepUntil, clock.instant());
  }

  /** Opens the database (migrating it) and builds everything; starts nothing. */
  public Wiring(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
    // Indexing the gazetteer's 84,000 names is most of a second of a cold JVM: done on a second
    // core while the database opens and the clients are built, the bot is ready that much sooner.
    CompletableFuture<CountyQuery> gazetteer =
        CompletableFuture.supplyAsync(Wiring::indexGazetteer, Wiring::startDaemon);
    this.database = openDatabase(config.storage());
    this.snapshots = new SnapshotRepository(database);
    this.events = new EventStore(database);
    this.ledger = new SourceLedger(database, snapshots, events);
    this.subscriptions = new SubscriptionRepository(database);
    this.webhooks = new WebhookRepository(database, subscriptions);
    this.outbox = new SqlOutbox(database, events);
    this.parser = new SpreadsheetParser();
    this.importer = new Importer(parser, snapshots, clock);
    this.source = new SourceClient(config.source());
    Ingest ingest =
        Ingest.create(
            new PublicationGuard(config.alerts().maxRemoval()),
            AgencyResolver.bundled(),
            ledger,
            snapshots,
            subscriptions);
    this.pollCycle =
        new PollCycle(
            source, parser, ingest, ledger, snapshots, config.source().pageUrl().toString(), clock);
    CountyQuery places = join(gazetteer);
    this.vitals = new Vitals(database);
    this.metrics = new Metrics(vitals, alertPlatforms(config), buildVersion());
    // Alerts and status replies link to the public pages where people can reach them.
    PageLinks pages =
        config.web().enabled() && config.web().publicUrl() != null
            ? new PageLinks(String.valueOf(config.web().publicUrl()))
            : PageLinks.NONE;
    AlertComposer composer =
        new AlertComposer(
            Gazetteer.bundled(), new ToolkitLoader().load(config.alerts().toolkit()), pages);
    ConsoleDeliverer console = new ConsoleDeliverer(System.out);
    // The platforms need the commands, and /287g test needs the platforms' deliverers: the
    // poster finds each deliverer by platform once the platforms below have registered it.
    Map<String, Deliverer> posters = new ConcurrentHashMap<>();
    posters.put(console.platform(), console);
    this.commands =
        new CommandService(
            places,
            Gazetteer.bundled(),
            AgencyResolver.bundled(),
            new PublishedRecords(snapshots, events),
            subscriptions,
            clock,
            (channel, verb, took) -> metrics.commandAnswered(channel.platform(), verb, took),
            composer,
            (channel, alert) -> {
              Deliverer deliverer = posters.get(channel.platform());
              return deliverer == null
                  ? new DeliveryResult.Rejected("no " + channel.platform() + " here")
                  : deliverer.deliver(channel, alert);
            },
            pages,
            config.webhooks().allowFromChat() ? webhooks : null);
    // The operator's webhooks are what the config file says, from this start on.
    webhooks.configure(configuredWebhooks(config.webhooks(), places), clock.instant());
    WebhookDeliverer webhookPosts =
        new WebhookDeliverer(webhooks, WebhookDeliverer.Network.internet(), clock, buildVersion());
    this.pages =
        config.web().enabled()
            ? new PlacePages(commands, places, Gazetteer.bundled(), config.web())
            : null;
    List<AdminNotices.Route> adminRoutes = new ArrayList<>();
    if (!config.slack().enabled() && !config.discord().enabled()) {
      // Trying the bot at a terminal: the operator is the person reading the console.
      adminRoutes.add(new AdminNotices.Route(console, ChannelRef.console()));
    }
    // On PostgreSQL several instances may share the database: each beats, for its share of the
    // platforms' limits and of Discord's shards.
    this.heartbeat =
        database.postgres().isPresent()
            ? new InstanceHeartbeat(
                new Heartbeats(database),
                ProcessHandle.current().pid() + "@" + java.util.UUID.randomUUID(),
                clock)
            : null;
    // Discord: one bot for every server that invites it; started by RunCommand.
    this.discord =
        config.discord().enabled()
            ? new DiscordPlatform(
                config.discord(),
                commands,
                places,
                guild -> subscriptions.forgetWorkspace(DiscordPlatform.platformName(), guild),
                // Instances sharing PostgreSQL each run the shards whose lock they hold.
                DiscordShardLocks.of(database, heartbeat))
            : null;
    if (discord != null) {
      posters.put(DiscordPlatform.platformName(), discord.deliverer());
      if (!config.discord().adminChannel().isEmpty()) {
        adminRoutes.add(
            new AdminNotices.Route(
                discord.deliverer(),
                ChannelRef.admin(DiscordPlatform.platformName(), config.discord().adminChannel())));
      }
      platformChecks.add(
          new Readiness.PlatformCheck(DiscordPlatform.platformName(), discord::problem));
    }
    // Slack: one workspace's app, or any number through "Add to Slack", over HTTP or Socket Mode;
    // started by RunCommand.
    SlackInstallationsInStore installed =
        config.slack().enabled() && config.slack().multiWorkspace()
            ? new SlackInstallationsInStore(database, config.slack().distribution().secretKey())
            : null;
    this.slack =
        !config.slack().enabled()
            ? null
            : new SlackPlatform(
                config.slack(), commands, clock, sharedReplays(database, clock), installed);
    if (slack != null) {
      posters.put(SlackDeliverer.PLATFORM, slack.deliverer());
      if (!config.slack().adminChannel().isEmpty()) {
        adminRoutes.add(
            new AdminNotices.Route(
                slack.deliverer(),
                ChannelRef.admin(SlackDeliverer.PLATFORM, config.slack().adminChannel())));
      }
      platformChecks.add(new Readiness.PlatformCheck(SlackDeliverer.PLATFORM, slack::problem));
    }
    if (discord != null) {
      metrics.gauge(
          "watch287g.discord.invalid.requests",
          "Discord's 401, 403 and 429 answers to alert posts in the last 10 minutes; Discord bans"
              + " the address at 10,000, the bot holds its posts from 2,500",
          discord::invalidRequests);
    }
    if (slack != null) {
      SlackDeliverer posts = slack.deliverer();
      String inDoubt =
          "Slack alerts in flight at a crash, since start, by what became of them: found already"
              + " posted, looked for and sent, or sent again without looking (may show twice)";
      metrics.gauge("watch287g.slack.in.doubt", inDoubt, posts::foundInHistory, "outcome", "found");
      metrics.gauge(
          "watch287g.slack.in.doubt", inDoubt, posts::resentAfterLooking, "outcome", "looked_sent");
      metrics.gauge(
          "watch287g.slack.in.doubt",
          inDoubt,
          posts::resentUnchecked,
          "outcome",
          "resent_unchecked");
    }
    this.notices =
        new AdminNotices(
            adminRoutes,
            channel -> workspaceRoutes(channel, posters, subscriptions, installed),
            text -> log.warn("admin notice: {}", text),
            AdminNotices.Limits.defaults(),
            clock);
    // A refused token is told at once, not only when an alert to that platform is held.
    if (discord != null) {
      discord.onTokenRefused(
          reason -> notices.tell(Notice.platformPaused(DiscordPlatform.platformName(), reason)));
    }
    if (slack != null) {
      slack.onTokenRefused(
          reason -> notices.tell(Notice.platformPaused(SlackDeliverer.PLATFORM, reason)));
    }
    // On PostgreSQL several instances may share the database: the one holding the lock polls,
    // and every one delivers within its share of the platforms' limits.
    this.leaderLock = LeaderLock.of(database);
    this.poller =
        database.postgres().isPresent()
            ? new Poller(
                pollCycle,
                new SourceHealth(notices, SourceHealth.FAILING_AFTER),
                config.source().pollInterval(),
                leaderLock::holds,
                Poller.STANDBY_CHECK)
            : new Poller(
                pollCycle,
                new SourceHealth(notices, SourceHealth.FAILING_AFTER),
                config.source().pollInterval());
    this.consoleWorker = worker(console, composer, clock, console, instanceShare());
    this.replay = new Replay(parser, ingest, clock);
    List<DeliveryWorker> workers = new ArrayList<>(List.of(consoleWorker));
    if (discord != null) {
      // Discord's global limit is the bot's: each instance takes the part its shards are of all.
      workers.add(worker(discord.deliverer(), composer, clock, console, discord::limitShare));
    }
    if (slack != null) {
      workers.add(worker(slack.deliverer(), composer, clock, console, instanceShare()));
    }
    workers.add(worker(webhookPosts, composer, clock, console, instanceShare()));
    // Each worker looks for due alerts 4 times a second when idle: an alert queued by this process
    // or by the instance that polled (nothing wakes the others) starts within a quarter second,
    // and every instance starts a fan-out within that of the others (measured: with a 1 s tick the
    // last of three began 2.1 s after the first, most of the fall of bench instances' share). An
    // idle look is one indexed query.
    this.deliveries = new DeliveryLoop(workers, Duration.ofMillis(250));
  }

  /**
   * The config file's webhooks with their places read as {@code /287g subscribe} reads them; a
   * place that names no one county or state stops the start, saying which.
   */
  private static List<WebhookRepository.Configured> configuredWebhooks(
      WebhooksConfig config, CountyQuery places) {
    List<WebhookRepository.Configured> configured = new ArrayList<>();
    for (WebhooksConfig.Endpoint endpoint : config.endpoints()) {
      Set<Target> targets = new LinkedHashSet<>();
      for (String place : endpoint.places()) {
        targets.add(target(place, places, endpoint.name()));
      }
      ChannelOptions options =
          ChannelOptions.defaults()
              .withLanguage(Language.parse(endpoint.language()).orElse(Language.EN))
              .withIncludePending(endpoint.pending());
      configured.add(
          new WebhookRepository.Configured(
              endpoint.name(), endpoint.url(), endpoint.secret(), targets, options));
    }
    return configured;
  }

  private static Target target(String place, CountyQuery places, String webhook) {
    CountyQuery.Result result = places.parse(place);
    if (result instanceof CountyQuery.CountyMatch county && !county.corrected()) {
      return Target.county(county.county().fips());
    }
    if (result instanceof CountyQuery.StateMatch state) {
      return Target.state(state.state());
    }
    throw new ConfigException(
        "webhooks.endpoints (" + webhook + ").places",
        "\"" + place + "\" is not exactly one county or state",
        "write it as /287g subscribe would take it without asking, e.g. \"Harris County, TX\","
            + " 48201 or TX");
  }

  private static CountyQuery indexGazetteer() {
    CountyQuery query = new CountyQuery(Gazetteer.bundled());
    AgencyResolver.bundled();
    return query;
  }

  private static void startDaemon(Runnable task) {
    daemon(task, "gazetteer");
  }

  private static void daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** One part of a global limit per instance heard from, for a platform with no shards. */
  private Supplier<LimitShare> instanceShare() {
    InstanceHeartbeat beat = heartbeat;
    return beat == null ? () -> LimitShare.WHOLE : () -> LimitShare.oneOf(beat.instances());
  }

  private DeliveryWorker worker(
      Deliverer deliverer,
      AlertComposer composer,
      Clock clock,
      Deliverer console,
      Supplier<LimitShare> share) {
    return new DeliveryWorker(
        outbox,
        deliverer,
        subscriptions,
        composer,
        RetryPolicy.defaults(),
        notices,
        clock,
        // The console prints one line after another; a chat platform is a round trip away.
        deliverer == console ? 1 : config.alerts().inFlight(),
        config.alerts().deliveryLease(),
        share);
  }

  /**
   * Starts the whole bot, in the order that lets it serve soonest: Discord's handshake and its
   * download of every server take longest, so they start first and overlap the rest (nobody can use
   * /287g there before the bot has connected and registered it, by which time the bundled lists are
   * stored); then the bundled snapshots, with the admin endpoint starting beside them ({@code
   * /readyz} answers "starting" until both are done); then Slack, the alerts held for a refused
   * token (due again now that the token may be a new one), delivery and the poller. The one start
   * the jar's {@code run} uses; returns once everything is started.
   */
  public void start() {
    // The admin endpoint's server (its classes, mostly) starts on the second core while Discord
    // logs in and the bundled lists are stored; /readyz says "starting" until they are done.
    CompletableFuture<Void> admin =
        CompletableFuture.runAsync(this::startAdminEndpoint, task -> daemon(task, "admin-start"));
    try {
      if (discord != null) {
        discord.start();
      }
      seedBundledSnapshots();
    } finally {
      // Started (or not) before anything else is: close() then finds it, whatever happened here.
      admin.join();
    }
    log.info(
        "watch287g started: platforms {}; database {}; watching {} every {}",
        String.join(", ", config.platforms()),
        database.name(),
        config.source().pageUrl(),
        config.source().pollInterval());
    started = true;
    startPublicPages();
    if (slack != null) {
      slack.start();
    }
    int released = outbox.releaseHeld();
    if (released > 0) {
      log.info("{} alerts held for a refused token are due again", released);
    }
    if (heartbeat != null) {
      heartbeat.start();
    }
    deliveries.start();
    poller.start();
  }

  /** Makes sure there is something to serve before the first fetch: the snapshots in the jar. */
  public void seedBundledSnapshots() {
    new BundledSnapshots(importer, snapshots).seedIfEmpty();
  }

  public Database database() {
    return database;
  }

  public SnapshotRepository snapshots() {
    return snapshots;
  }

  public EventStore events() {
    return events;
  }

  public SubscriptionRepository subscriptions() {
    return subscriptions;
  }

  public SqlOutbox outbox() {
    return outbox;
  }

  public SourceLedger ledger() {
    return ledger;
  }

  public Importer importer() {
    return importer;
  }

  public PollCycle pollCycle() {
    return pollCycle;
  }

  public Poller poller() {
    return poller;
  }

  /** Answers {@code /287g} commands for every platform (and the {@code status} CLI). */
  public CommandService commands() {
    return commands;
  }

  /** The console's delivery worker, for commands that deliver in the foreground ({@code demo}). */
  public DeliveryWorker consoleWorker() {
    return consoleWorker;
  }

  /** Local publications through the poll's stages ({@code demo}). */
  public Replay replay() {
    return replay;
  }

  public DeliveryLoop deliveries() {
    return deliveries;
  }

  /**
   * The platforms alerts go to with this config: the chat platforms configured, else the console.
   */
  private static List<String> alertPlatforms(Config config) {
    List<String> platforms = new ArrayList<>();
    if (config.slack().enabled()) {
      platforms.add(SlackDeliverer.PLATFORM);
    }
    if (config.discord().enabled()) {
      platforms.add(DiscordPlatform.platformName());
    }
    if (platforms.isEmpty()) {
      platforms.add(ConsoleDeliverer.PLATFORM);
    }
    // Webhooks can be added from any chat at any time: their outbox is always measured.
    platforms.add(Webhooks.PLATFORM);
    return platforms;
  }

  /** The jar's implementation version, as {@code --version} prints it. */
  private static String buildVersion() {
    String version = App.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  /**
   * Serves {@code /healthz}, {@code /readyz} and {@code /metrics} on the admin port, if on. A port
   * already taken is logged, not fatal: alerts matter more than metrics.
   */
  private void startAdminEndpoint() {
    AdminConfig admin = config.admin();
    if (!admin.enabled()) {
      return;
    }
    Readiness readiness =
        new Readiness(
            vitals,
            config.source().pollInterval(),
            platformChecks,
            admin.platformGrace(),
            clock,
            () -> started);
    try {
      adminServer =
          AdminServer.start(
              admin, readiness, metrics, new Dashboard(ledger, subscriptions, vitals));
      // Its first answer would otherwise load and prepare what a check reads, after "started".
      var unused = readiness.check();
      log.info(
          "health and metrics on http://{}:{}/ (healthz, readyz, metrics)",
          admin.bindAddress(),
          adminServer.port());
    } catch (IOException | RuntimeException e) {
      log.error(
          "cannot serve health and metrics on {}:{} ({}); set admin.port to a free port, or"
              + " admin.enabled: false",
          admin.bindAddress(),
          admin.port(),
          e.toString());
    }
  }

  /**
   * Serves the public pages on {@code web.port}, if on. A port already taken is logged, not fatal:
   * alerts matter more than pages.
   */
  private void startPublicPages() {
    if (pages == null) {
      return;
    }
    WebConfig c = config.web();
    try {
      PublicHttpServer server =
          new PublicHttpServer(c.bindAddress(), c.port(), PublicHttpServer.Limits.defaults());
      pages.mountOn(server);
      server.start();
      web = server;
      log.info("public pages on http://{}:{}/", c.bindAddress(), server.port());
    } catch (IOException | RuntimeException e) {
      log.error(
          "cannot serve the public pages on {}:{} ({}); set web.port to a free port, or"
              + " web.enabled: false",
          c.bindAddress(),
          c.port(),
          e.toString());
    }
  }

  /** Where the public pages are served, once started; empty when they are off. */
  public Optional<Integer> webPort() {
    PublicHttpServer server = web;
    return server == null ? Optional.empty() : Optional.of(server.port());
  }

  /** The Discord bot, when a Discord token is set. */
  public Optional<DiscordPlatform> discord() {
    return Optional.ofNullable(discord);
  }

  /** The Slack app, when Slack is on ({@code slack.botToken} set); not started. */
  public Optional<SlackPlatform> slack() {
    return Optional.ofNullable(slack);
  }

  /** Stops polling, finishes the delivery in progress, and releases the HTTP client. */
  @Override
  public void close() {
    if (adminServer != null) {
      adminServer.close();
    }
    if (web != null) {
      web.close();
    }
    poller.close();
    leaderLock.close();
    deliveries.close();
    if (heartbeat != null) {
      heartbeat.close();
    }
    if (discord != null) {
      discord.close();
    }
    if (slack != null) {
      slack.close();
    }
    source.close();
    database.close();
  }
}
