package org.watch287g.watch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.alerts.DeliveryWorker;
import org.watch287g.store.StorageException;

/**
 * Runs each platform's delivery worker on its own thread, every {@code tick}, so alerts queued by a
 * poll (or left unsent by a crash) go out promptly and a slow platform never holds up another. A
 * failing round is logged and the next one still runs.
 */
public final class DeliveryLoop implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DeliveryLoop.class);

  private final List<DeliveryWorker> workers;
  private final Duration tick;
  private final ScheduledExecutorService executor;

  public DeliveryLoop(List<DeliveryWorker> workers, Duration tick) {
    this.workers = List.copyOf(workers);
    this.tick = tick;
    this.executor =
        Executors.newScheduledThreadPool(
            Math.max(1, workers.size()),
            r -> {
              Thread t = new Thread(r, "delivery");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts every worker. */
  public void start() {
    for (DeliveryWorker worker : workers) {
      var unused =
          executor.scheduleWithFixedDelay(
              () -> round(worker), 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static void round(DeliveryWorker worker) {
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
    } catch (StorageException e) {
      // One line naming the file and what to do (see Database); the alerts wait in the outbox.
      log.error("{}: delivery round failed: {}", worker.platform(), e.getMessage());
      log.debug("delivery round failed", e);
    } catch (RuntimeException e) {
      log.error("{}: delivery round failed unexpectedly", worker.platform(), e);
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
