package org.watch287g.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which instance polls ICE: the one holding a PostgreSQL session-level advisory lock, on a
 * connection of its own (never one from the pool, which may retire or share it). The server
 * releases the lock the moment that session ends: the process died, its connection broke, or the
 * server stopped hearing from it (keepalives on the session's socket, about 11 seconds), so a
 * standby that asks again finds it free.
 *
 * <p>On SQLite there is one instance, and it always leads.
 *
 * <p>Not thread-safe: one poller thread asks.
 */
public final class LeaderLock implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LeaderLock.class);

  private final Database.@Nullable Postgres postgres;
  private final String key;
  private final String what;
  private @Nullable Connection session;

  private LeaderLock(Database.@Nullable Postgres postgres, String key, String what) {
    this.postgres = postgres;
    this.key = key;
    this.what = what;
  }

  /** The poller's lock on this database: a real one on PostgreSQL, always held on SQLite. */
  public static LeaderLock of(Database database) {
    return new LeaderLock(
        database.postgres().orElse(null), Dialect.Locks.POLLER, "the poller's lock");
  }

  /**
   * The lock that makes one instance the owner of a Discord shard: held like the poller's, one per
   * shard number.
   */
  public static LeaderLock ofShard(Database database, int shard) {
    if (shard < 0) {
      throw new IllegalArgumentException("a shard number is not negative: " + shard);
    }
    return new LeaderLock(
        database.postgres().orElse(null),
        Dialect.Locks.SHARDS + ", " + shard,
        "Discord shard " + shard + "'s lock");
  }

  /**
   * Whether this instance leads now: the lock is held on a session that still answers, or was free
   * and is taken now. A session that does not answer (within its socket timeout) is given up, and
   * this instance stands by until it takes the lock again.
   */
  public boolean holds() {
    if (postgres == null) {
      return true;
    }
    Connection held = session;
    if (held != null) {
      try (Statement s = held.createStatement();
          ResultSet r = s.executeQuery("SELECT 1")) {
        return r.next();
      } catch (SQLException e) {
        log.warn("lost the connection that holds {}: standing by ({})", what, e.getMessage());
        drop();
        return false;
      }
    }
    return take();
  }

  private boolean take() {
    Database.Postgres server = postgres;
    if (server == null) {
      return true;
    }
    Connection c = null;
    try {
      c = server.connect();
      try (Statement s = c.createStatement()) {
        // The server notices a silent partition within 5 + 3 * 2 seconds and ends the session,
        // releasing the lock for a standby; without this, the kernel's default is two hours.
        s.execute("SET tcp_keepalives_idle = 5");
        s.execute("SET tcp_keepalives_interval = 2");
        s.execute("SET tcp_keepalives_count = 3");
        try (ResultSet r = s.executeQuery("SELECT pg_try_advisory_lock(" + key + ")")) {
          if (r.next() && r.getBoolean(1)) {
            session = c;
            return true;
          }
        }
      }
      c.close();
      return false;
    } catch (SQLException e) {
      log.debug("cannot ask for {}: {}", what, e.getMessage());
      if (c != null) {
        try {
          c.close();
        } catch (SQLException closing) {
          e.addSuppressed(closing);
        }
      }
      return false;
    }
  }

  private void drop() {
    Connection c = session;
    session = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        // Already broken: the server ends the session, and the lock with it.
      }
    }
  }

  /** Gives the lock up (closing its session), for a standby to take at once. */
  @Override
  public void close() {
    drop();
  }
}
