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
 */
public final class Poller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Poller.class);
  private static final double JITTER = 0.10;

  private final PollCycle cycle;
  private final SourceHealth health;
  private final Duration interval;
  private final ScheduledThreadPoolExecutor executor;

  public Poller(PollCycle cycle, SourceHealth health, Duration interval) {
    this.cycle = cycle;
    this.health = health;
    this.interval = interval;
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
    try {
      // The cycle itself reports every failure, so the Future carries nothing worth waiting for.
      Future<?> unused =
          executor.schedule(
              this::runAndReschedule, jittered(interval).toMillis(), TimeUnit.MILLISECONDS);
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
