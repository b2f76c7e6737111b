package org.watch287g.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.Snapshot;

/** The {@code snapshot} and {@code agreement} tables: every publication read, row by row. */
public final class SnapshotRepository {
  private static final String SNAPSHOT_COLUMNS =
      "id, kind, linked_as, origin, source, fetched_at, sha256, status, reason, columns, warnings";

  private final Database database;

  public SnapshotRepository(Database database) {
    this.database = database;
  }

  /** Stores a publication and its rows in its own transaction; returns the new snapshot's id. */
  public long save(
      Provenance provenance, Snapshot.Status status, @Nullable String reason, Publication pub) {
    return database.transaction(c -> insert(c, provenance, status, reason, pub));
  }

  /** Stores a publication and its rows within the caller's transaction. */
  long insert(
      Connection c,
      Provenance provenance,
      Snapshot.Status status,
      @Nullable String reason,
      Publication pub)
      throws SQLException {
    long id;
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO snapshot (kind, linked_as, origin, source, fetched_at, sha256, row_count,"
                + " status, reason, columns, warnings) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            PreparedStatement.RETURN_GENERATED_KEYS)) {
      s.setString(1, pub.kind().id());
      Parameters.text(s, 2, provenance.linkedAs() == null ? null : provenance.linkedAs().id());
      s.setString(3, lower(provenance.origin()));
      s.setString(4, provenance.source());
      s.setString(5, provenance.fetchedAt().toString());
      s.setString(6, provenance.sha256());
      s.setInt(7, pub.agreements().size());
      s.setString(8, lower(status));
      Parameters.text(s, 9, reason);
      s.setString(10, String.join("\n", pub.columns()));
      s.setString(11, String.join("\n", pub.warnings()));
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    insertAgreements(c, id, pub.agreements());
    return id;
  }

  private static void insertAgreements(Connection c, long snapshotId, List<Agreement> rows)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO agreement (snapshot_id, row, state, agency, agency_key, type, county,"
                + " model, signed, moa_url, moa_pending, addendum_url)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
      for (Agreement a : rows) {
        s.setLong(1, snapshotId);
        s.setInt(2, a.row());
        s.setString(3, a.state().code());
        s.setString(4, a.agency());
        s.setString(5, a.key().name());
        Parameters.text(s, 6, a.type() == null ? null : a.type().name());
        Parameters.text(s, 7, a.county());
        s.setString(8, a.model().name());
        Parameters.text(s, 9, a.signed() == null ? null : a.signed().toString());
        Parameters.text(s, 10, a.moaUrl());
        s.setInt(11, a.moaPending() ? 1 : 0);
        Parameters.text(s, 12, a.addendumUrl());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** The newest good snapshot of a list: what the bot serves. Bundled ones count. */
  public Optional<Snapshot> latestGood(ListKind kind) {
    return database.read(
        c ->
            one(
                c,
                "SELECT "
                    + SNAPSHOT_COLUMNS
                    + " FROM snapshot WHERE kind = ? AND status = 'good' ORDER BY id DESC LIMIT 1",
                s -> s.setString(1, kind.id())));
  }

  /**
   * The newest snapshot id of all (0 when none): what a poller read its bases against, which {@link
   * SourceLedger#keep(List, List, Instant, long)} checks is still the newest.
   */
  public long latestId() {
    return database.read(c -> latestId(c));
  }

  static long latestId(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT coalesce(max(id), 0) FROM snapshot");
        ResultSet r = s.executeQuery()) {
      return r.next() ? r.getLong(1) : 0;
    }
  }

  /** The ID of the newest good snapshot of a list (one index lookup), if any. */
  public Optional<Long> latestGoodId(ListKind kind) {
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT id FROM snapshot WHERE kind = ? AND status = 'good'"
                      + " ORDER BY id DESC LIMIT 1")) {
            s.setString(1, kind.id());
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
            }
          }
        });
  }

  /**
   * The newest good snapshot of a list that a diff may start from: fetched or imported, never the
   * one bundled in the jar (which only answers questions until the first fetch).
   */
  public Optional<Snapshot> latestBase(ListKind kind) {
    return database.read(
        c ->
            one(
                c,
                "SELECT "
                    + SNAPSHOT_COLUMNS
                    + " FROM snapshot WHERE kind = ? AND status = 'good' AND origin <> 'bundled'"
                    + " ORDER BY id DESC LIMIT 1",
                s -> s.setString(1, kind.id())));
  }

  /** Whether any snapshot of this list has been stored (good, quarantined or bundled). */
  public boolean hasAny(ListKind kind) {
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT 1 FROM snapshot WHERE kind = ? LIMIT 1")) {
            s.setString(1, kind.id());
            try (ResultSet r = s.executeQuery()) {
              return r.next();
            }
          }
        });
  }

  /** A snapshot by id, with its rows. */
  public Optional<Snapshot> find(long id) {
    return database.read(
        c ->
            one(
                c,
                "SELECT " + SNAPSHOT_COLUMNS + " FROM snapshot WHERE id = ?",
                s -> s.setLong(1, id)));
  }

  private static Optional<Snapshot> one(Connection c, String sql, Binder binder)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        long id = r.getLong("id");
        ListKind kind = ListKind.fromId(r.getString("kind"));
        String linkedAs = r.getString("linked_as");
        Provenance provenance =
            new Provenance(
                Provenance.Origin.valueOf(upper(r.getString("origin"))),
                r.getString("source"),
                linkedAs == null ? null : ListKind.fromId(linkedAs),
                Instant.parse(r.getString("fetched_at")),
                r.getString("sha256"));
        Snapshot.Status status = Snapshot.Status.valueOf(upper(r.getString("status")));
        String reason = r.getString("reason");
        Publication publication =
            new Publication(
                kind,
                lines(r.getString("columns")),
                agreements(c, id),
                lines(r.getString("warnings")));
        return Optional.of(new Snapshot(id, provenance, status, reason, publication));
      }
    }
  }

  private static List<Agreement> agreements(Connection c, long snapshotId) throws SQLException {
    List<Agreement> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT row, state, agency, type, county, model, signed, moa_url, moa_pending,"
                + " addendum_url FROM agreement WHERE snapshot_id = ? ORDER BY row")) {
      s.setLong(1, snapshotId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(AgreementRows.read(r, r.getInt("row"), "type"));
        }
      }
    }
    return rows;
  }

  /** Sets a statement's parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private static List<String> lines(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n", -1));
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static String upper(String value) {
    return value.toUpperCase(Locale.ROOT);
  }
}
