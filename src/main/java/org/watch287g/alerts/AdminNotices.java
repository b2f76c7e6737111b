package org.watch287g.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Tells the operator what needs their attention, in each platform's admin channel, without letting
 * an outage turn into a flood: the same notice (same {@link Notice#key()}) is told once per quiet
 * period, and at most a few notices an hour go out at all. What is held back still reaches the log.
 *
 * <p>A notice about one channel (paused, alerts given up on) goes to that channel's own workspace
 * when it has someone to tell, the person who installed the bot there or the channel it set with
 * {@code /287g admin here} ({@link WorkspaceRoutes}), and not to the operator, who hosts the bot
 * for a whole network and cannot fix another group's channel; the operator gets a daily count of
 * those instead ({@link #summarizeIfDue}). Each workspace has its own hourly share, so one
 * workspace's troubles cannot use up another's, nor the operator's.
 *
 * <p>Notices are best effort, unlike alerts: one that a platform refuses is logged, not retried, so
 * that a broken admin channel can never hold up the poll or the delivery that noticed the problem.
 * One a platform cannot take yet (it asks to wait: still connecting) is tried once more after the
 * wait, on a thread of its own. Thread-safe: the poller and every delivery worker tell through one
 * instance.
 */
public final class AdminNotices {

  /** One place notices go: a platform's deliverer and its admin channel. */
  public record Route(Deliverer deliverer, ChannelRef channel) {}

  /**
   * Where a workspace's own notices go: for a channel, the places its workspace is told about it;
   * none when it has no one to tell, and then the operator is told.
   */
  @FunctionalInterface
  public interface WorkspaceRoutes {
    List<Route> routes(ChannelRef channel);

    WorkspaceRoutes NONE = channel -> List.of();
  }

  /** How often notices may go out. */
  public record Limits(Duration quietPeriod, int perHour) {
    /** The same notice once every 6 hours; at most 10 notices an hour. */
    public static Limits defaults() {
      return new Limits(Duration.ofHours(6), 10);
    }
  }

  private final List<Route> routes;
  private final Consumer<String> log;
  private final Limits limits;
  private final Clock clock;
  private final WorkspaceRoutes workspaces;
  private final Map<String, Instant> lastTold = new HashMap<>();

  /** When notices went out lately, by who was told: "" the operator, else "platform:workspace". */
  private final Map<String, Deque<Instant>> recent = new HashMap<>();

  /** Notices told to workspaces since the last summary, by kind; and which workspaces. */
  private final Map<Notice.Kind, Integer> toldToWorkspaces =
      new java.util.EnumMap<>(Notice.Kind.class);

  private final java.util.Set<String> workspacesTold = new java.util.TreeSet<>();
  private Instant lastSummary;

  /**
   * @param routes the admin channels; none means notices reach only the log
   * @param log where every notice is also written (the operator's log), and any failure to send
   */
  public AdminNotices(List<Route> routes, Consumer<String> log, Limits limits, Clock clock) {
    this(routes, WorkspaceRoutes.NONE, log, limits, clock);
  }

  /**
   * @param routes the operator's admin channels; none means the operator's notices reach only the
   *     log
   * @param workspaces where a notice about a channel goes in that channel's own workspace
   */
  public AdminNotices(
      List<Route> routes,
      WorkspaceRoutes workspaces,
      Consumer<String> log,
      Limits limits,
      Clock clock) {
    this.routes = List.copyOf(routes);
    this.workspaces = workspaces;
    this.log = log;
    this.limits = limits;
    this.clock = clock;
    this.lastSummary = clock.instant();
  }

  /** Notices that go only to the log (tests, and commands that run in the foreground). */
  public static AdminNotices logOnly(Consumer<String> log, Clock clock) {
    return new AdminNotices(List.of(), log, Limits.defaults(), clock);
  }

  /**
   * Tells the operator, unless the same notice was told within the quiet period or the hour's share
   * is spent.
   *
   * @return whether it went out to the admin channels
   */
  public synchronized boolean tell(Notice notice) {
    Instant now = clock.instant();
    Instant last = lastTold.get(notice.key());
    if (last != null && last.plus(limits.quietPeriod()).isAfter(now)) {
      return false;
    }
    ChannelRef about = notice.channel();
    List<Route> own = about == null ? List.of() : workspaceRoutes(about);
    String scope = own.isEmpty() || about == null ? "" : about.platform() + ":" + about.workspace();
    Deque<Instant> sent = recent.computeIfAbsent(scope, s -> new ArrayDeque<>());
    while (!sent.isEmpty() && sent.peekFirst().plus(Duration.ofHours(1)).isBefore(now)) {
      sent.removeFirst();
    }
    if (sent.size() >= limits.perHour()) {
      log.accept("(not sent to the admin channel: too many notices this hour) " + notice.text());
      return false;
    }
    lastTold.put(notice.key(), now);
    sent.addLast(now);
    if (own.isEmpty() || about == null) {
      log.accept(notice.text());
      send(routes, notice);
    } else {
      log.accept("(told to workspace " + about.workspace() + ") " + notice.text());
      toldToWorkspaces.merge(notice.kind(), 1, Integer::sum);
      workspacesTold.add(scope);
      send(own, notice);
    }
    return true;
  }

  /** A workspace's own routes; none when looking them up fails (the operator is told then). */
  private List<Route> workspaceRoutes(ChannelRef channel) {
    try {
      return workspaces.routes(channel);
    } catch (RuntimeException e) {
      log.accept("cannot tell who looks after " + channel + ": " + e);
      return List.of();
    }
  }

  private void send(List<Route> to, Notice notice) {
    for (Route route : to) {
      DeliveryResult result = post(route, notice);
      if (result instanceof DeliveryResult.RetryAfter wait && !wait.delay().isNegative()) {
        // Not refused, only not yet (Discord still connecting when Slack's token is refused at
        // start): tried once more after the wait, off this thread, so nothing waits for it.
        Duration delay = wait.delay().compareTo(RETRY_AT_MOST) > 0 ? RETRY_AT_MOST : wait.delay();
        log.accept(couldNot(route, result) + "; trying again in " + delay.toSeconds() + " s");
        var unused =
            retries()
                .schedule(
                    () -> {
                      DeliveryResult again = post(route, notice);
                      if (!(again instanceof DeliveryResult.Sent)) {
                        log.accept(couldNot(route, again));
                      }
                    },
                    delay.toMillis(),
                    TimeUnit.MILLISECONDS);
      } else if (!(result instanceof DeliveryResult.Sent)) {
        log.accept(couldNot(route, result));
      }
    }
  }

  private static DeliveryResult post(Route route, Notice notice) {
    try {
      return route.deliverer().deliver(route.channel(), notice);
    } catch (RuntimeException e) {
      // A bug in an adapter must not break the poll or the delivery that noticed a problem.
      return new DeliveryResult.Failed(String.valueOf(e));
    }
  }

  private static String couldNot(Route route, DeliveryResult result) {
    return "could not post that notice to "
        + route.deliverer().platform()
        + " admin channel "
        + route.channel().channel()
        + ": "
        + result;
  }

  /** The longest a notice waits for its one more try. */
  static final Duration RETRY_AT_MOST = Duration.ofMinutes(1);

  private @Nullable ScheduledExecutorService retries;

  /** The thread that tries notices again, made when first needed. */
  private synchronized ScheduledExecutorService retries() {
    ScheduledExecutorService r = retries;
    if (r == null) {
      r =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread t = new Thread(task, "admin-notices");
                t.setDaemon(true);
                return t;
              });
      retries = r;
    }
    return r;
  }

  /**
   * Once a day, tells the operator how many notices went to workspaces' own admins instead (none
   * when there were none). Called after each poll, so only the instance that polls sends it.
   *
   * @return whether a summary went out
   */
  public synchronized boolean summarizeIfDue() {
    Instant now = clock.instant();
    if (lastSummary.plus(SUMMARY_EVERY).isAfter(now)) {
      return false;
    }
    lastSummary = now;
    if (toldToWorkspaces.isEmpty()) {
      return false;
    }
    Notice summary =
        Notice.workspacesSummary(
            toldToWorkspaces.values().stream().mapToInt(Integer::intValue).sum(),
            workspacesTold.size(),
            toldToWorkspaces.getOrDefault(Notice.Kind.CHANNEL_PAUSED, 0),
            toldToWorkspaces.getOrDefault(Notice.Kind.DEAD_LETTERED, 0));
    toldToWorkspaces.clear();
    workspacesTold.clear();
    log.accept(summary.text());
    send(routes, summary);
    return true;
  }

  /** How often the operator hears what workspaces were told. */
  public static final Duration SUMMARY_EVERY = Duration.ofDays(1);

  /**
   * Forgets that a notice was told, so that it is told again next time: a source that recovered and
   * fails again is a new outage.
   */
  public synchronized void forget(String key) {
    lastTold.remove(key);
  }
}
