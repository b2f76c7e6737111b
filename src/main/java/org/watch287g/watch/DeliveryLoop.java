package org.watch287g.watch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.alerts.DeliveryWorker;
import org.watch287g.store.StorageException;

/**
 * Runs each platform's delivery worker on its own thread, every {@code tick} or sooner when a round
 * asks, so alerts queued by a poll (or left unsent by a crash) go out promptly and a slow platform
 * never holds up another. A failing round is logged and the next one still runs.
 */
public final class DeliveryLoop implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);

  private final List<DeliveryWorker> workers;
  private final Duration tick;
  private final ScheduledExecutorService executor;

  public DeliveryLoop(List<DeliveryWorker> workers, Duration tick) {
    this.workers = List.copyOf(workers);
    this.tick = tick;
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(
            Math.max(1, workers.size()),
            r -> {
              Thread t = new Thread(r, "delivery");
              t.setDaemon(true);
              return t;
            });
    // A round waiting for its turn is dropped at close, not run: the outbox keeps its rows.
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.executor = pool;
  }

  /** Starts every worker. */
  public void start() {
    for (DeliveryWorker worker : workers) {
      schedule(worker, Duration.ZERO);
    }
  }

  /**
   * Runs the worker's next round after {@code delay}, and so on: every tick, or sooner when the
   * round says more can go (a channel's rate limit frees up in 300 ms, or the round stopped at its
   * size), so a busy channel gets its messages at the platform's pace rather than one a tick.
   */
  private void schedule(DeliveryWorker worker, Duration delay) {
    try {
      var unused =
          executor.schedule(
              () -> schedule(worker, round(worker)), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      // close() has begun: no more rounds.
    }
  }

  /** One round; returns how long to wait before the next. */
  private Duration round(DeliveryWorker worker) {
    try {
      DeliveryWorker.Round round = worker.deliverDue();
      if (!round.idle()) {
        log.info(
            "{}: {} alerts sent, {} to retry, {} given up",
            worker.platform(),
            round.sent(),
            round.retrying(),
            round.dead());
      }
      Duration again = round.again();
      return again != null && again.compareTo(tick) < 0 ? again : tick;
    } catch (StorageException e) {
      // One line naming the file and what to do (see Database); the alerts wait in the outbox.
      log.error("{}: delivery round failed: {}", worker.platform(), e.getMessage());
      log.debug("delivery round failed", e);
      return tick;
    } catch (RuntimeException e) {
      log.error("{}: delivery round failed unexpectedly", worker.platform(), e);
      return tick;
    }
  }

  /**
   * Stops after the message in progress: it is finished and recorded, the rest wait in the outbox
   * for the next start, so nothing is lost and nothing is sent twice by stopping. Bounded: a
   * platform that hangs for ten seconds is interrupted (its message then counts as not sent).
   */
  @Override
  public void close() {
    workers.forEach(DeliveryWorker::stop);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
