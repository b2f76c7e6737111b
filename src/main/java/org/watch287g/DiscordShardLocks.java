package org.watch287g;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watch287g.discord.ShardOwnership;
import org.watch287g.store.Database;
import org.watch287g.store.LeaderLock;
import org.watch287g.watch.InstanceHeartbeat;

/**
 * Discord shards owned through PostgreSQL's advisory locks, one per shard ({@link
 * LeaderLock#ofShard}): the instance whose session holds a shard's lock runs it, and the server
 * frees the lock the moment that session ends (the instance died, or lost its connection), for
 * another instance to take. Instances spread the shards between them through their heartbeats: one
 * running fewer than its fair part says so, and one running more gives one up for it.
 *
 * <p>Asked from one thread at a time, as {@link LeaderLock} wants: the platform's login, then its
 * ownership check.
 */
final class DiscordShardLocks implements ShardOwnership {
  private final Database database;
  private final InstanceHeartbeat heartbeat;
  private final Map<Integer, LeaderLock> locks = new HashMap<>();

  DiscordShardLocks(Database database, InstanceHeartbeat heartbeat) {
    this.database = database;
    this.heartbeat = heartbeat;
  }

  /**
   * On PostgreSQL, a lock per shard, spread by the instances' heartbeats; alone on SQLite, every
   * shard is this instance's.
   */
  static ShardOwnership of(Database database, @Nullable InstanceHeartbeat heartbeat) {
    return database.postgres().isPresent() && heartbeat != null
        ? new DiscordShardLocks(database, heartbeat)
        : ShardOwnership.alone();
  }

  @Override
  public synchronized boolean owns(int shard) {
    return locks.computeIfAbsent(shard, s -> LeaderLock.ofShard(database, s)).holds();
  }

  @Override
  public synchronized void release(int shard) {
    LeaderLock lock = locks.remove(shard);
    if (lock != null) {
      lock.close();
    }
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public int fairPart(int total) {
    int instances = Math.max(1, heartbeat.instances());
    return (total + instances - 1) / instances;
  }

  @Override
  public void want(int shards) {
    heartbeat.wantShards(shards);
  }

  @Override
  public boolean othersWant() {
    return heartbeat.othersWantShards();
  }

  @Override
  public synchronized void close() {
    locks.values().forEach(LeaderLock::close);
    locks.clear();
  }
}
