package org.watch287g.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.AgencyType;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;

/**
 * The one mapping from a stored row to an {@link Agreement}: the {@code agreement} table and the
 * agreement an event carries in {@code change_event} use the same column names, except ICE's TYPE,
 * which an event stores as {@code agency_type} beside its own event type.
 */
final class AgreementRows {
  private AgreementRows() {}

  /**
   * The agreement on the current row.
   *
   * @param row the row number in ICE's file, or 0 where the row is not kept (events)
   * @param typeColumn the column holding ICE's TYPE
   */
  static Agreement read(ResultSet r, int row, String typeColumn) throws SQLException {
    String type = r.getString(typeColumn);
    return new Agreement(
        row,
        UsState.valueOf(r.getString("state")),
        r.getString("agency"),
        type == null ? null : AgencyType.valueOf(type),
        r.getString("county"),
        Model.valueOf(r.getString("model")),
        date(r.getString("signed")),
        r.getString("moa_url"),
        r.getInt("moa_pending") != 0,
        r.getString("addendum_url"));
  }

  /** A date stored as ISO text, or null. */
  static @Nullable LocalDate date(@Nullable String text) {
    return text == null ? null : LocalDate.parse(text);
  }
}
