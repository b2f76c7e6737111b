package org.watch287g.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Outbox;
import org.watch287g.alerts.OutboxItem;
import org.watch287g.geo.Coverage;

/**
 * The {@code outbox} table: {@link Outbox} on SQLite or PostgreSQL. Every instance delivers: a row
 * is claimed under a lease (and on PostgreSQL, locked with {@code SKIP LOCKED} while it is), and a
 * dead instance's leased rows are taken up by another once the lease runs out.
 */
public final class SqlOutbox implements Outbox {
  /** Why the pending alerts of a workspace the bot was removed from were given up. */
  static final String WORKSPACE_FORGOTTEN = "given up: the bot was removed from the workspace";

  /** Why the pending alerts of a forgotten channel were given up. */
  static final String CHANNEL_FORGOTTEN = "given up: the channel was forgotten";

  static final String WEBHOOK_REMOVED = "given up: the webhook was removed";

  private final Database database;
  private final EventStore events;

  public SqlOutbox(Database database, EventStore events) {
    this.database = database;
    this.events = events;
  }

  /** Queues an alert within the caller's transaction (the one that stores its event). */
  static void enqueue(Connection c, long eventId, long batch, ChannelRef channel, Instant due)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO outbox (event_id, batch, platform, workspace, channel, due_at)"
                + " VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
      s.setLong(1, eventId);
      s.setLong(2, batch);
      s.setString(3, channel.platform());
      s.setString(4, channel.workspace());
      s.setString(5, channel.channel());
      s.setLong(6, due.toEpochMilli());
      s.executeUpdate();
    }
  }

  /**
   * Gives up the pending alerts of the channels a {@code WHERE} clause on {@code outbox} selects,
   * within the caller's transaction (the one that deletes those channels): they become {@code dead}
   * with {@code reason}, as a dead-lettered alert is, so that they are neither sent nor counted as
   * waiting, and stay on record. Their attempts are left as they were: no send failed.
   *
   * @param where e.g. {@code "platform = ? AND workspace = ?"}, over the outbox's own columns
   * @param values what the clause's parameters are bound to, in order
   * @return how many alerts were given up
   */
  static int giveUp(Connection c, String where, String reason, String... values)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE outbox SET status = 'dead', last_error = ? WHERE status = 'pending' AND "
                + where)) {
      s.setString(1, reason);
      for (int i = 0; i < values.length; i++) {
        s.setString(i + 2, values[i]);
      }
      return s.executeUpdate();
    }
  }

  @Override
  public List<OutboxItem> due(String platform, Instant now, int limit) {
    record Pending(long id, long eventId, long batch, ChannelRef channel, int attempts) {}
    List<Pending> rows =
        database.read(
            c -> {
              List<Pending> found = new ArrayList<>();
              try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT id, event_id, batch, workspace, channel, attempts FROM outbox"
                          + " WHERE platform = ? AND status = 'pending' AND due_at <= ?"
                          // Not under another sender's live lease (a crashed process's lease is
                          // left to run out: its send may still be on the wire).
                          + " AND (lease_until IS NULL OR lease_until <= ?)"
                          // Only to channels that still exist: a forgotten channel's rows are
                          // given up with it, and one left pending by an older release must not
                          // be retried forever. A paused channel's rows wait, untouched, until it
                          // resumes.
                          + " AND EXISTS (SELECT 1 FROM channel c"
                          + " WHERE c.platform = outbox.platform AND c.workspace = outbox.workspace"
                          + " AND c.channel = outbox.channel AND c.paused_reason IS NULL)"
                          + " ORDER BY id LIMIT ?")) {
                s.setString(1, platform);
                s.setLong(2, now.toEpochMilli());
                s.setLong(3, now.toEpochMilli());
                s.setInt(4, limit);
                try (ResultSet r = s.executeQuery()) {
                  while (r.next()) {
                    found.add(
                        new Pending(
                            r.getLong(1),
                            r.getLong(2),
                            r.getLong(3),
                            new ChannelRef(platform, r.getString(4), r.getString(5)),
                            r.getInt(6)));
                  }
                }
              }
              return found;
            });
    List<OutboxItem> items = new ArrayList<>();
    for (Pending row : rows) {
      EventStore.StoredEvent event =
          events
              .find(row.eventId())
              .orElseThrow(() -> new IllegalStateException("outbox row without event " + row));
      items.add(
          new OutboxItem(
              row.id(),
              row.batch(),
              row.channel(),
              row.attempts(),
              event.event(),
              coverage(event)));
    }
    return items;
  }

  @Override
  public List<Row> batch(ChannelRef channel, long batch) {
    record Found(long id, long eventId, int attempts, boolean pending, Instant due) {}
    List<Found> rows =
        database.read(
            c -> {
              List<Found> found = new ArrayList<>();
              // The batch's events first, then each one's row for this channel through the
              // (event, platform, workspace, channel) key: no scan of the platform's whole outbox,
              // which holds a row per channel for every event of a busy publication.
              try (PreparedStatement s =
                  c.prepareStatement(
                      // A row under a lease is due when the lease runs out at the earliest.
                      "SELECT o.id, o.event_id, o.attempts, o.status,"
                          + " "
                          + database.dialect().greatest("o.due_at", "coalesce(o.lease_until, 0)")
                          + " FROM change_event e CROSS JOIN outbox o"
                          + " WHERE e.snapshot_id = ? AND o.event_id = e.id AND o.platform = ?"
                          + " AND o.workspace = ? AND o.channel = ? AND o.batch = ?"
                          + " ORDER BY o.id")) {
                s.setLong(1, batch);
                s.setString(2, channel.platform());
                s.setString(3, channel.workspace());
                s.setString(4, channel.channel());
                s.setLong(5, batch);
                try (ResultSet r = s.executeQuery()) {
                  while (r.next()) {
                    found.add(
                        new Found(
                            r.getLong(1),
                            r.getLong(2),
                            r.getInt(3),
                            "pending".equals(r.getString(4)),
                            Instant.ofEpochMilli(r.getLong(5))));
                  }
                }
              }
              return found;
            });
    List<Row> result = new ArrayList<>();
    for (Found row : rows) {
      EventStore.StoredEvent event =
          events
              .find(row.eventId())
              .orElseThrow(() -> new IllegalStateException("outbox row without event " + row));
      result.add(
          new Row(
              new OutboxItem(
                  row.id(), batch, channel, row.attempts(), event.event(), coverage(event)),
              row.pending(),
              row.due()));
    }
    return result;
  }

  @Override
  public Claim claim(Collection<Long> ids, String owner, Instant now, Instant until) {
    long nowMillis = now.toEpochMilli();
    return database.transaction(
        c -> {
          if (!lockFree(c, ids)) {
            // Another instance is claiming one of them right now: leave them all to it.
            return Claim.refused();
          }
          Long doubt = null;
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE outbox SET lease_owner = ?, lease_until = ?,"
                      + " sending_since = coalesce(sending_since, ?)"
                      + " WHERE id = ? AND status = 'pending'"
                      + " AND (lease_until IS NULL OR lease_until <= ? OR lease_owner = ?)"
                      + " RETURNING sending_since")) {
            for (long id : ids) {
              s.setString(1, owner);
              s.setLong(2, until.toEpochMilli());
              s.setLong(3, nowMillis);
              s.setLong(4, id);
              s.setLong(5, nowMillis);
              s.setString(6, owner);
              try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                  // Sent, given up or claimed by another sender meanwhile: leave it all.
                  c.rollback();
                  return Claim.refused();
                }
                long since = r.getLong(1);
                if (since < nowMillis && (doubt == null || since < doubt)) {
                  doubt = since;
                }
              }
            }
          }
          return new Claim(true, doubt == null ? null : Instant.ofEpochMilli(doubt));
        });
  }

  /**
   * On PostgreSQL, locks the rows to claim unless another instance holds one ({@code FOR UPDATE
   * SKIP LOCKED}): a claim then never waits for another instance's, it gives way. SQLite has one
   * writer at a time, so there is nothing to skip.
   */
  private boolean lockFree(Connection c, Collection<Long> ids) throws SQLException {
    String locking = database.dialect().lockingDue();
    if (locking.isEmpty() || ids.isEmpty()) {
      return true;
    }
    String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
    try (PreparedStatement s =
        c.prepareStatement("SELECT id FROM outbox WHERE id IN (" + marks + ")" + locking)) {
      int i = 1;
      for (long id : ids) {
        s.setLong(i++, id);
      }
      int locked = 0;
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          locked++;
        }
      }
      return locked == ids.size();
    }
  }

  @Override
  public void unclaim(Collection<Long> ids, @Nullable Instant inDoubtSince) {
    update(
        "UPDATE outbox SET lease_owner = NULL, lease_until = NULL, sending_since = ? WHERE id = ?",
        ids,
        inDoubtSince == null ? null : inDoubtSince.toEpochMilli());
  }

  @Override
  public void holdInDoubt(Collection<Long> ids, Instant due, String reason) {
    update(
        "UPDATE outbox SET due_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL"
            + " WHERE id = ?",
        ids,
        due.toEpochMilli(),
        reason);
  }

  /** What every recorded answer does besides its own change: ends the lease and the doubt. */
  private static final String ANSWERED =
      ", lease_owner = NULL, lease_until = NULL, sending_since = NULL";

  @Override
  public void release(Collection<Long> ids) {
    update(
        "UPDATE outbox SET lease_owner = NULL, lease_until = NULL, sending_since = NULL"
            + " WHERE id = ?",
        ids);
  }

  @Override
  public void markSent(Collection<Long> ids, Instant at) {
    update(
        "UPDATE outbox SET status = 'sent', sent_at = ?" + ANSWERED + " WHERE id = ?",
        ids,
        at.toString());
  }

  @Override
  public void retryAt(Collection<Long> ids, Instant due, String error) {
    update(
        "UPDATE outbox SET attempts = attempts + 1, due_at = ?, last_error = ?"
            + ANSWERED
            + " WHERE id = ?",
        ids,
        due.toEpochMilli(),
        error);
  }

  @Override
  public void postpone(Collection<Long> ids, Instant due, String reason) {
    update(
        "UPDATE outbox SET due_at = ?, last_error = ?" + ANSWERED + " WHERE id = ?",
        ids,
        due.toEpochMilli(),
        reason);
  }

  /**
   * Makes alerts held because a platform refused the bot's token ({@code postpone} with a reason
   * starting "held: ") due now: the hold is the running bot's, and a restart is how an operator
   * puts a new token in place, so the restarted bot tries at once rather than after the rest of the
   * hold.
   *
   * @return how many alerts were released
   */
  public int releaseHeld() {
    return database.transaction(
        c -> {
          try (var s =
              c.prepareStatement(
                  "UPDATE outbox SET due_at = 0 WHERE status = 'pending' AND last_error LIKE"
                      + " 'held: %'")) {
            return s.executeUpdate();
          }
        });
  }

  @Override
  public void deadLetter(Collection<Long> ids, String error) {
    update(
        "UPDATE outbox SET status = 'dead', attempts = attempts + 1, last_error = ?"
            + ANSWERED
            + " WHERE id = ?",
        ids,
        error);
  }

  @Override
  public int depth(String platform) {
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM outbox WHERE platform = ? AND status = 'pending'")) {
            s.setString(1, platform);
            try (ResultSet r = s.executeQuery()) {
              r.next();
              return r.getInt(1);
            }
          }
        });
  }

  /** Runs one update per id, the given values first and the id last, in one transaction. */
  private void update(String sql, Collection<Long> ids, @Nullable Object... values) {
    database.write(
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            for (long id : ids) {
              for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
              }
              s.setLong(values.length + 1, id);
              s.addBatch();
            }
            s.executeBatch();
          }
        });
  }

  /** Where the event's agency reaches, as recorded with it. */
  private static Coverage coverage(EventStore.StoredEvent event) {
    return Coverage.recorded(event.event().agreement().state(), event.coverage());
  }
}
