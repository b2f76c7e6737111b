package org.watch287g;

import java.util.HashMap;
import java.util.Map;
import org.watch287g.discord.ShardOwnership;
import org.watch287g.store.Database;
import org.watch287g.store.LeaderLock;

/**
 * Discord shards owned through PostgreSQL's advisory locks, one per shard ({@link
 * LeaderLock#ofShard}): the instance whose session holds a shard's lock runs it, and the server
 * frees the lock the moment that session ends (the instance died, or lost its connection), for
 * another instance to take.
 *
 * <p>Asked from one thread at a time, as {@link LeaderLock} wants: the platform's login, then its
 * ownership check.
 */
final class DiscordShardLocks implements ShardOwnership {
  private final Database database;
  private final Map<Integer, LeaderLock> locks = new HashMap<>();

  DiscordShardLocks(Database database) {
    this.database = database;
  }

  /** On PostgreSQL, a lock per shard; alone on SQLite, every shard is this instance's. */
  static ShardOwnership of(Database database) {
    return database.postgres().isPresent()
        ? new DiscordShardLocks(database)
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
  public synchronized void close() {
    locks.values().forEach(LeaderLock::close);
    locks.clear();
  }
}
