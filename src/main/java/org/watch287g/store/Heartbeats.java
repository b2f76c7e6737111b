package org.watch287g.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

/**
 * The instances delivering from one database ({@code instance_heartbeat}): each beats every few
 * seconds, and those seen within {@link #ALIVE} count as alive. Each instance paces its sends
 * within the platforms' global limits divided by that count, so that together they stay within
 * them.
 */
public final class Heartbeats {
  /** How often an instance beats. */
  public static final Duration EVERY = Duration.ofSeconds(5);

  /** An instance not heard from for this long is taken for dead, and its share goes to others. */
  public static final Duration ALIVE = Duration.ofSeconds(20);

  private final Database database;

  public Heartbeats(Database database) {
    this.database = database;
  }

  /** Records that {@code instance} is alive at {@code now}. */
  public void beat(String instance, Instant now) {
    database.write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO instance_heartbeat (instance, seen_at) VALUES (?, ?)"
                      + " ON CONFLICT (instance) DO UPDATE SET seen_at = excluded.seen_at")) {
            s.setString(1, instance);
            s.setLong(2, now.toEpochMilli());
            s.executeUpdate();
          }
        });
  }

  /** Forgets {@code instance} (stopping): its share goes to the others at once. */
  public void leave(String instance) {
    database.write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM instance_heartbeat WHERE instance = ?")) {
            s.setString(1, instance);
            s.executeUpdate();
          }
        });
  }

  /** How many instances were heard from within {@link #ALIVE} of {@code now}; at least 1. */
  public int alive(Instant now) {
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT count(*) FROM instance_heartbeat WHERE seen_at > ?")) {
            s.setLong(1, now.minus(ALIVE).toEpochMilli());
            try (ResultSet r = s.executeQuery()) {
              return Math.max(1, r.next() ? r.getInt(1) : 1);
            }
          }
        });
  }
}
