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

  /** Records that {@code instance} is alive at {@code now}, and content with its shards. */
  public void beat(String instance, Instant now) {
    beat(instance, now, 0);
  }

  /**
   * Records that {@code instance} is alive at {@code now}, and how many more Discord shards it
   * would run for its fair part ({@code shardsWanted}, 0: content).
   */
  public void beat(String instance, Instant now, int shardsWanted) {
    database.write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO instance_heartbeat (instance, seen_at, shards_wanted)"
                      + " VALUES (?, ?, ?) ON CONFLICT (instance) DO UPDATE"
                      + " SET seen_at = excluded.seen_at, shards_wanted = excluded.shards_wanted")) {
            s.setString(1, instance);
            s.setLong(2, now.toEpochMilli());
            s.setInt(3, shardsWanted);
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
    return roll(now, "").alive();
  }

  /**
   * The instances heard from within {@link #ALIVE} of {@code now} (at least 1), and how many of
   * them other than {@code instance} want a shard.
   */
  public Roll roll(Instant now, String instance) {
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT count(*),"
                      + " coalesce(sum(CASE WHEN shards_wanted > 0 AND instance <> ? THEN 1 ELSE 0"
                      + " END), 0)"
                      + " FROM instance_heartbeat WHERE seen_at > ?")) {
            s.setString(1, instance);
            s.setLong(2, now.minus(ALIVE).toEpochMilli());
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? new Roll(Math.max(1, r.getInt(1)), r.getInt(2)) : new Roll(1, 0);
            }
          }
        });
  }

  /**
   * Who is alive, as one instance sees it.
   *
   * @param alive the instances heard from lately, at least 1
   * @param othersWanting how many of them, other than the one asking, want a Discord shard
   */
  public record Roll(int alive, int othersWanting) {}
}
