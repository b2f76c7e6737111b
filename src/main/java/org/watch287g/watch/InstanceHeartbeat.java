package org.watch287g.watch;

import java.time.Clock;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.store.Heartbeats;
import org.watch287g.store.StorageException;

/**
 * This instance's beat in the shared database, and how many instances deliver now (for each one's
 * share of the platforms' global limits). Between beats, and when the database does not answer, the
 * last count stands: a lost beat neither speeds this instance up nor stops it.
 */
public final class InstanceHeartbeat implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InstanceHeartbeat.class);

  private final Heartbeats heartbeats;
  private final String instance;
  private final Clock clock;
  private final AtomicInteger alive = new AtomicInteger(1);
  private final AtomicInteger othersWanting = new AtomicInteger();
  private final AtomicInteger shardsWanted = new AtomicInteger();
  private final ScheduledThreadPoolExecutor executor;

  public InstanceHeartbeat(Heartbeats heartbeats, String instance, Clock clock) {
    this.heartbeats = heartbeats;
    this.instance = instance;
    this.clock = clock;
    this.executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "heartbeat");
              t.setDaemon(true);
              return t;
            });
  }

  /** Beats now and every {@link Heartbeats#EVERY}. */
  public void start() {
    long every = Heartbeats.EVERY.toMillis();
    Future<?> unused = executor.scheduleWithFixedDelay(this::beat, 0, every, TimeUnit.MILLISECONDS);
  }

  /** Beats once, saying how many shards this instance wants, and counts the instances alive. */
  void beat() {
    try {
      heartbeats.beat(instance, clock.instant(), shardsWanted.get());
      Heartbeats.Roll roll = heartbeats.roll(clock.instant(), instance);
      othersWanting.set(roll.othersWanting());
      int before = alive.getAndSet(roll.alive());
      if (roll.alive() != before) {
        log.info("{} instances deliver from this database", roll.alive());
      }
    } catch (StorageException e) {
      log.warn("heartbeat failed: {}", e.getMessage());
    }
  }

  /** How many instances deliver now (this one included), as last counted. */
  public int instances() {
    return alive.get();
  }

  /**
   * Says how many more Discord shards this instance would run for its fair part (0: content): the
   * others read it at their next beat, and one running more than its part gives one up.
   */
  public void wantShards(int shards) {
    shardsWanted.set(Math.max(0, shards));
  }

  /** Whether another live instance wants a Discord shard, as last read. */
  public boolean othersWantShards() {
    return othersWanting.get() > 0;
  }

  /** Stops beating and leaves, so the others take this instance's share at once. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      heartbeats.leave(instance);
    } catch (StorageException e) {
      log.debug("could not leave the heartbeat table: {}", e.getMessage());
    }
  }
}
