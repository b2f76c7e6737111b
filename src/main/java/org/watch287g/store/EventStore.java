package org.watch287g.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;

/** The {@code change_event} table: every change found between publications, kept for status. */
public final class EventStore {
  private static final Pattern COMMA = Pattern.compile(",");
  private static final String COLUMNS =
      "id, detected_at, type, list, state, agency, agency_type, county, model, signed, moa_url,"
          + " moa_pending, addendum_url, previous_agency, previous_signed, previous_model, details,"
          + " coverage";

  private final Database database;

  public EventStore(Database database) {
    this.database = database;
  }

  /** A change as stored: its id, when it was found, and where it reaches. */
  public record StoredEvent(long id, Instant detectedAt, ChangeEvent event, String coverage) {}

  /** Stores one event within the caller's transaction; returns its id. */
  long insert(Connection c, long snapshotId, Instant at, ChangeEvent e, String coverage)
      throws SQLException {
    Agreement a = e.agreement();
    Agreement p = e.previous();
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO change_event (snapshot_id, detected_at, type, list, state, agency,"
                + " agency_type, county, model, signed, moa_url, moa_pending, addendum_url,"
                + " previous_agency, previous_signed, details, coverage, alerts, previous_model)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            PreparedStatement.RETURN_GENERATED_KEYS)) {
      s.setLong(1, snapshotId);
      s.setString(2, at.toString());
      s.setString(3, e.type().name());
      s.setString(4, e.list().id());
      s.setString(5, a.state().code());
      s.setString(6, a.agency());
      Parameters.text(s, 7, a.type() == null ? null : a.type().name());
      Parameters.text(s, 8, a.county());
      s.setString(9, a.model().name());
      Parameters.text(s, 10, date(a.signed()));
      Parameters.text(s, 11, a.moaUrl());
      s.setInt(12, a.moaPending() ? 1 : 0);
      Parameters.text(s, 13, a.addendumUrl());
      Parameters.text(s, 14, p == null ? null : p.agency());
      Parameters.text(s, 15, p == null ? null : date(p.signed()));
      s.setString(16, String.join(",", e.details().stream().map(Enum::name).toList()));
      s.setString(17, coverage);
      s.setInt(18, e.alerts() ? 1 : 0);
      // Only a model switch's previous row is of another model (V7).
      Parameters.text(s, 19, p == null || p.model() == a.model() ? null : p.model().name());
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** An event by id. */
  public Optional<StoredEvent> find(long id) {
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT " + COLUMNS + " FROM change_event WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
          }
        });
  }

  /** The latest events about agencies of a state, newest first. */
  public List<StoredEvent> recent(UsState state, int limit) {
    return database.read(
        c -> {
          List<StoredEvent> events = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM change_event WHERE state = ? ORDER BY id DESC LIMIT ?")) {
            s.setString(1, state.code());
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                events.add(read(r));
              }
            }
          }
          return events;
        });
  }

  /** How many events have been stored. */
  public long count() {
    return database.read(
        c -> {
          try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM change_event");
              ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
          }
        });
  }

  private static StoredEvent read(ResultSet r) throws SQLException {
    Agreement agreement = AgreementRows.read(r, 0, "agency_type");
    ChangeEvent.Type eventType = ChangeEvent.Type.valueOf(r.getString("type"));
    Agreement previous = null;
    if (eventType.hasPrevious()) {
      String previousAgency = r.getString("previous_agency");
      String previousModel = r.getString("previous_model");
      previous =
          new Agreement(
              0,
              agreement.state(),
              previousAgency == null ? agreement.agency() : previousAgency,
              agreement.type(),
              agreement.county(),
              previousModel == null ? agreement.model() : Model.valueOf(previousModel),
              AgreementRows.date(r.getString("previous_signed")),
              null,
              false,
              null);
    }
    Set<ChangeEvent.Detail> details = EnumSet.noneOf(ChangeEvent.Detail.class);
    for (String d : COMMA.split(r.getString("details"), -1)) {
      if (!d.isEmpty()) {
        details.add(ChangeEvent.Detail.valueOf(d));
      }
    }
    ChangeEvent event =
        new ChangeEvent(
            eventType, ListKind.fromId(r.getString("list")), agreement, previous, details);
    return new StoredEvent(
        r.getLong("id"), Instant.parse(r.getString("detected_at")), event, r.getString("coverage"));
  }

  private static @Nullable String date(@Nullable LocalDate date) {
    return date == null ? null : date.toString();
  }
}
