package org.watch287g.watch;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.store.FetchAttempt.Outcome;
import org.watch287g.store.StorageException;

/**
 * Runs the poll cycle now and then again after each interval, jittered by about 10% so that many
 * installations do not hit ICE in step. One cycle at a time, on one daemon thread; an unexpected
 * exception in a cycle is logged and the next cycle still runs.
 *
 * <p>Among several instances on one PostgreSQL database, only the one that {@link Leadership leads}
 * polls; the others ask every few seconds and the first to find the lead free polls at once.
 */
public final class Poller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Poller.class);
  private static final double JITTER = 0.10;

  private final PollCycle cycle;
  private final SourceHealth health;
  private final Duration interval;
  private final ScheduledThreadPoolExecutor executor;
  private final Leadership leadership;
  private final Duration standbyCheck;
  private boolean leading;
  private long nextPollNanos;

  public Poller(PollCycle cycle, SourceHealth health, Duration interval) {
    this(cycle, health, interval, Leadership.ALONE, STANDBY_CHECK);
  }

  /** How often an instance that shares its database asks whether it leads (or still does). */
  public static final Duration STANDBY_CHECK = Duration.ofSeconds(5);

  /**
   * A poller among several instances: it polls only while {@code leadership} says it leads, and
   * asks again every {@code standbyCheck}; an instance that takes the lead polls at once.
   */
  public Poller(
      PollCycle cycle,
      SourceHealth health,
      Duration interval,
      Leadership leadership,
      Duration standbyCheck) {
    this.cycle = cycle;
    this.health = health;
    this.interval = interval;
    this.leadership = leadership;
    this.standbyCheck = standbyCheck;
    this.executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "poller");
              t.setDaemon(true);
              return t;
            });
    // At shutdown, drop the next scheduled cycle instead of waiting for it.
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Starts polling: the first cycle runs at once. */
  public void start() {
    executor.execute(this::runAndReschedule);
  }

  private void runAndReschedule() {
    if (leadership == Leadership.ALONE) {
      runCycle();
      schedule(jittered(interval));
      return;
    }
    boolean leads;
    try {
      leads = leadership.leads();
    } catch (RuntimeException e) {
      log.error("cannot tell whether this instance polls; standing by", e);
      leads = false;
    }
    boolean tookOver = leads && !leading;
    if (leads != leading) {
      log.info(
          leads
              ? "this instance leads: it polls ICE"
              : "another instance polls ICE: this one stands by");
      leading = leads;
    }
    if (leads && (tookOver || System.nanoTime() - nextPollNanos >= 0)) {
      runCycle();
      nextPollNanos = System.nanoTime() + jittered(interval).toNanos();
    }
    long untilPoll = Math.max(1, nextPollNanos - System.nanoTime());
    schedule(leads ? Duration.ofNanos(Math.min(untilPoll, standbyCheck.toNanos())) : standbyCheck);
  }

  private void runCycle() {
    try {
      CycleReport report = cycle.run();
      for (CycleReport.Line line : report.lines()) {
        if (line.outcome() == Outcome.FAILED) {
          log.warn("{}", line);
        } else {
          log.info("{}", line);
        }
      }
      health.observe(report);
    } catch (StorageException e) {
      // The database's message says what failed, on which file, and what to do: one line for the
      // operator; the trace only for debugging. The loop stays alive for the next cycle.
      log.error("poll cycle failed: {}", e.getMessage());
      log.debug("poll cycle failed", e);
    } catch (RuntimeException e) {
      // A bug: say so, keep the loop alive for the next cycle.
      log.error("poll cycle failed unexpectedly", e);
    }
  }

  private void schedule(Duration delay) {
    try {
      // The cycle itself reports every failure, so the Future carries nothing worth waiting for.
      Future<?> unused =
          executor.schedule(this::runAndReschedule, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      log.debug("not scheduling another cycle: shutting down");
    }
  }

  /** The interval scaled by a random factor in [0.9, 1.1]. */
  static Duration jittered(Duration interval) {
    double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * JITTER;
    return Duration.ofMillis(Math.max(1, Math.round(interval.toMillis() * factor)));
  }

  /**
   * Stops polling. A cycle in progress may finish (its writes are one transaction each) for up to
   * ten seconds; after that it is interrupted.
   */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("a poll cycle was still running at shutdown; interrupting it");
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
