package org.watch287g.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.changes.Verdict;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.Snapshot;

/**
 * The record of every look at ICE's source: the per-list cursor ({@code source_cursor}) and the
 * history of attempts ({@code fetch_attempt}).
 *
 * <p>Each method is one transaction. {@link #keep} writes the snapshots, their cursors, the changes
 * and the outbox together, so the cursor never advances past a publication that was not kept and no
 * change is ever stored without its alerts: after a crash the next poll downloads and diffs it
 * again.
 */
public final class SourceLedger {
  private final Database database;
  private final SnapshotRepository snapshots;
  private final EventStore events;
  private final ParseJournal parses;

  public SourceLedger(Database database, SnapshotRepository snapshots, EventStore events) {
    this.database = database;
    this.snapshots = snapshots;
    this.events = events;
    this.parses = new ParseJournal(database);
  }

  /**
   * Writes down, before the parser sees it, that this file is being parsed: if the parse takes the
   * process down, {@link #parseKeepsCrashing} says so after the restart.
   */
  public void parseStarted(String sha256, String url, Instant at) {
    parses.started(sha256, url, at);
  }

  /** Writes down that the parser returned for this file, with a publication or a reason. */
  public void parseFinished(String sha256, Instant at) {
    parses.finished(sha256, at);
  }

  /**
   * Whether parses of this file started twice and never finished: it stopped the process each time
   * (out of memory, killed) and must not be parsed again. One unfinished parse is retried.
   */
  public boolean parseKeepsCrashing(String sha256) {
    return parses.keepsCrashing(sha256);
  }

  /** What was last downloaded for this list (empty if never). */
  public SourceCursor cursor(ListKind kind) {
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT url, etag, last_modified, sha256, checked_at, linked_at"
                      + " FROM source_cursor WHERE kind = ?")) {
            s.setString(1, kind.id());
            try (ResultSet r = s.executeQuery()) {
              if (!r.next()) {
                return SourceCursor.empty(kind);
              }
              return new SourceCursor(
                  kind,
                  r.getString("url"),
                  r.getString("etag"),
                  r.getString("last_modified"),
                  r.getString("sha256"),
                  instant(r.getString("checked_at")),
                  instant(r.getString("linked_at")));
            }
          }
        });
  }

  /** The page itself could not be read or held no usable links. */
  public void pageFailed(Instant at, String url, String reason) {
    database.write(c -> attempt(c, at, "page", url, "failed", reason, null));
  }

  /** The page did not link this list this time (normal for the pending list since 2026). */
  public void notLinked(ListKind kind, Instant at, String detail) {
    database.write(c -> attempt(c, at, kind.id(), null, "not_linked", detail, null));
  }

  /** The list is linked and its bytes are the ones already processed; moves the cursor. */
  public void unchanged(SourceCursor next, String detail) {
    database.write(
        c -> {
          saveCursor(c, next);
          attempt(c, checkedAt(next), next.kind().id(), next.url(), "unchanged", detail, null);
        });
  }

  /**
   * The list could not be downloaded or read. When bytes were read ({@code next} carries their
   * hash) the cursor moves, so the same broken file is not parsed again on every poll; when nothing
   * was read, pass {@code next} as null and the cursor stays.
   */
  public void failed(
      ListKind kind, @Nullable String url, Instant at, String reason, @Nullable SourceCursor next) {
    database.write(
        c -> {
          if (next != null) {
            saveCursor(c, next);
          }
          attempt(c, at, kind.id(), url, "failed", reason, null);
        });
  }

  /**
   * A publication just read (downloaded or imported), with the cursor that moves with it: what the
   * source brings, before the guard has judged it.
   *
   * @param next the list's cursor once this publication is kept
   * @param detail one line for the fetch history
   */
  public record Arrival(
      SourceCursor next, Provenance provenance, Publication publication, String detail) {
    /** The list whose link served it (which may differ from what its columns say it is). */
    public ListKind linkedAs() {
      return next.kind();
    }
  }

  /** An arrival with the guard's verdict on it: what {@link #keep} stores. */
  public record Judged(Arrival arrival, Verdict verdict) {
    /** A publication the guard has not been asked about: imports of a trusted file, tests. */
    public static Judged good(Arrival arrival) {
      return new Judged(arrival, Verdict.good());
    }

    Snapshot.Status status() {
      return verdict.status();
    }

    @Nullable String reason() {
      return verdict.ok() ? null : verdict.reason();
    }

    /** The fetch history's line: the arrival's own, or why it was quarantined. */
    String detail() {
      return verdict.ok() ? arrival.detail() : "quarantined: " + verdict.reason();
    }
  }

  /**
   * A publication as kept.
   *
   * @param id its snapshot id
   */
  public record Kept(long id, Judged judged) {
    public ListKind linkedAs() {
      return judged.arrival().linkedAs();
    }

    public boolean good() {
      return judged.verdict().ok();
    }
  }

  /**
   * A change to keep, where it reaches, and the channels to tell.
   *
   * @param coverage as {@code resolve} prints it: "48201;48339", "ST:TX", or "" when unplaced
   */
  public record Found(ChangeEvent event, String coverage, List<ChannelRef> channels) {}

  /**
   * Keeps one cycle's publications, the changes they revealed and the alerts to send about them,
   * all in ONE transaction: after a crash either all of it is there, or none of it and the cursors
   * have not moved, so the next poll downloads and diffs the same files again.
   *
   * @return each publication as kept, with its snapshot id, in the order given
   */
  public List<Kept> keep(List<Judged> publications, List<Found> changes, Instant at) {
    return keep(publications, changes, at, ANY_BASIS);
  }

  /** For {@link #keep(List, List, Instant, long)}: keep whatever was stored meanwhile. */
  public static final long ANY_BASIS = -1;

  /**
   * Keeps one cycle's publications and changes, like {@link #keep(List, List, Instant)}, only if no
   * snapshot was stored since the caller read its bases ({@code basis}, the newest snapshot id
   * then, from {@link SnapshotRepository#latestId()}): else another poller (an instance that took
   * over while this one still ran, an import) kept something first, these changes were found
   * against a stale base, and nothing is kept; the next cycle looks again from what is stored now.
   * The check and the writes are one transaction, serialised across processes ({@link
   * Dialect#lockIngest}), so two overlapping pollers never both keep the same publication, nor its
   * events and alerts.
   *
   * @return each publication as kept, in the order given; empty when superseded
   */
  public List<Kept> keep(List<Judged> publications, List<Found> changes, Instant at, long basis) {
    return database.transaction(
        c -> {
          database.dialect().lockIngest(c);
          if (basis != ANY_BASIS && SnapshotRepository.latestId(c) != basis) {
            return List.<Kept>of();
          }
          List<Kept> kept = new ArrayList<>();
          long batch = 0;
          for (Judged j : publications) {
            Arrival a = j.arrival();
            long id = snapshots.insert(c, a.provenance(), j.status(), j.reason(), a.publication());
            saveCursor(c, a.next());
            String outcome = j.verdict().ok() ? "stored" : "quarantined";
            attempt(
                c,
                a.provenance().fetchedAt(),
                a.next().kind().id(),
                a.next().url(),
                outcome,
                j.detail(),
                id);
            kept.add(new Kept(id, j));
            if (j.verdict().ok()) {
              batch = id;
            }
          }
          if (!changes.isEmpty() && batch == 0) {
            throw new IllegalArgumentException("changes need a good publication to belong to");
          }
          for (Found f : changes) {
            long eventId = events.insert(c, batch, at, f.event(), f.coverage());
            for (ChannelRef channel : f.channels()) {
              SqlOutbox.enqueue(c, eventId, batch, channel, at);
            }
          }
          return List.copyOf(kept);
        });
  }

  /** The latest attempts, newest first. */
  public List<FetchAttempt> recentAttempts(int limit) {
    return database.read(
        c -> {
          List<FetchAttempt> attempts = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT at, target, url, outcome, detail, snapshot_id FROM fetch_attempt"
                      + " ORDER BY id DESC LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                long snapshotId = r.getLong("snapshot_id");
                Long snapshot = r.wasNull() ? null : snapshotId;
                attempts.add(
                    new FetchAttempt(
                        Instant.parse(r.getString("at")),
                        r.getString("target"),
                        r.getString("url"),
                        FetchAttempt.Outcome.valueOf(
                            r.getString("outcome").toUpperCase(Locale.ROOT)),
                        r.getString("detail"),
                        snapshot));
              }
            }
          }
          return attempts;
        });
  }

  private static Instant checkedAt(SourceCursor cursor) {
    Instant at = cursor.checkedAt();
    if (at == null) {
      throw new IllegalArgumentException("a moved cursor needs checkedAt");
    }
    return at;
  }

  private static void saveCursor(Connection c, SourceCursor next) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO source_cursor (kind, url, etag, last_modified, sha256, checked_at,"
                + " linked_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (kind) DO UPDATE SET"
                + " url = excluded.url, etag = excluded.etag,"
                + " last_modified = excluded.last_modified, sha256 = excluded.sha256,"
                + " checked_at = excluded.checked_at, linked_at = excluded.linked_at")) {
      s.setString(1, next.kind().id());
      Parameters.text(s, 2, next.url());
      Parameters.text(s, 3, next.etag());
      Parameters.text(s, 4, next.lastModified());
      Parameters.text(s, 5, next.sha256());
      Parameters.text(s, 6, next.checkedAt() == null ? null : next.checkedAt().toString());
      Parameters.text(s, 7, next.linkedAt() == null ? null : next.linkedAt().toString());
      s.executeUpdate();
    }
  }

  private static void attempt(
      Connection c,
      Instant at,
      String target,
      @Nullable String url,
      String outcome,
      String detail,
      @Nullable Long snapshotId)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO fetch_attempt (at, target, url, outcome, detail, snapshot_id)"
                + " VALUES (?,?,?,?,?,?)")) {
      s.setString(1, at.toString());
      s.setString(2, target);
      Parameters.text(s, 3, url);
      s.setString(4, outcome);
      s.setString(5, detail);
      if (snapshotId == null) {
        s.setNull(6, Types.INTEGER);
      } else {
        s.setLong(6, snapshotId);
      }
      s.executeUpdate();
    }
  }

  private static @Nullable Instant instant(@Nullable String text) {
    return text == null ? null : Instant.parse(text);
  }
}
