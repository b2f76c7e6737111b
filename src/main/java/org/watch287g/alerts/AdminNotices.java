package org.watch287g.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Tells the operator what needs their attention, in each platform's admin channel, without letting
 * an outage turn into a flood: the same notice (same {@link Notice#key()}) is told once per quiet
 * period, and at most a few notices an hour go out at all. What is held back still reaches the log.
 *
 * <p>Notices are best effort, unlike alerts: one that a platform refuses is logged, not retried, so
 * that a broken admin channel can never hold up the poll or the delivery that noticed the problem.
 * Thread-safe: the poller and every delivery worker tell through one instance.
 */
public final class AdminNotices {

  /** One place notices go: a platform's deliverer and its admin channel. */
  public record Route(Deliverer deliverer, ChannelRef channel) {}

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
  private final Map<String, Instant> lastTold = new HashMap<>();
  private final Deque<Instant> recent = new ArrayDeque<>();

  /**
   * @param routes the admin channels; none means notices reach only the log
   * @param log where every notice is also written (the operator's log), and any failure to send
   */
  public AdminNotices(List<Route> routes, Consumer<String> log, Limits limits, Clock clock) {
    this.routes = List.copyOf(routes);
    this.log = log;
    this.limits = limits;
    this.clock = clock;
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
    while (!recent.isEmpty() && recent.peekFirst().plus(Duration.ofHours(1)).isBefore(now)) {
      recent.removeFirst();
    }
    if (recent.size() >= limits.perHour()) {
      log.accept("(not sent to the admin channel: too many notices this hour) " + notice.text());
      return false;
    }
    lastTold.put(notice.key(), now);
    recent.addLast(now);
    log.accept(notice.text());
    for (Route route : routes) {
      DeliveryResult result;
      try {
        result = route.deliverer().deliver(route.channel(), notice);
      } catch (RuntimeException e) {
        // A bug in an adapter must not break the poll or the delivery that noticed a problem.
        result = new DeliveryResult.Failed(String.valueOf(e));
      }
      if (!(result instanceof DeliveryResult.Sent)) {
        log.accept(
            "could not post that notice to "
                + route.deliverer().platform()
                + " admin channel "
                + route.channel().channel()
                + ": "
                + result);
      }
    }
    return true;
  }

  /**
   * Forgets that a notice was told, so that it is told again next time: a source that recovered and
   * fails again is a new outage.
   */
  public synchronized void forget(String key) {
    lastTold.remove(key);
  }
}
