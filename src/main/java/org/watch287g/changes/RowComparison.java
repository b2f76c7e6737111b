package org.watch287g.changes;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.watch287g.changes.ChangeEvent.Detail;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.IceColumn;
import org.watch287g.dataset.Publication;

/**
 * What differs between two rows of one agreement in two publications.
 *
 * <p>A column is compared only when both publications have it: when ICE added COUNTY (April 2025),
 * TYPE or ADDENDUM (July 2025), every row gained a value nobody changed.
 *
 * @param county whether both publications have a COUNTY column
 * @param type whether both have a TYPE column
 * @param moa whether both have an MOA column
 * @param addendum whether both have an ADDENDUM column
 */
record RowComparison(boolean county, boolean type, boolean moa, boolean addendum) {
  /**
   * A later signing date less than this many days after the old one is a correction, not a renewal:
   * ICE has moved dates by days and weeks (Hillsborough County, NH, from 2025-05-16 to 2025-05-22;
   * Lawrence County, AL, by 41 days with its first MOA), while agreements are signed again after
   * months or years (Franklin County, AL, after 226 days with a new MOA).
   */
  static final long RENEWAL_GAP_DAYS = 60;

  /** The comparison between rows of these two publications. */
  static RowComparison of(Publication before, Publication after) {
    return new RowComparison(
        inBoth(IceColumn.COUNTY, before, after),
        inBoth(IceColumn.TYPE, before, after),
        inBoth(IceColumn.MOA, before, after),
        inBoth(IceColumn.ADDENDUM, before, after));
  }

  /** Whether both publications have the column: only then can its values be compared. */
  private static boolean inBoth(IceColumn column, Publication before, Publication after) {
    return before.has(column) && after.has(column);
  }

  /** Whether the later row is the agreement signed again (see {@link #RENEWAL_GAP_DAYS}). */
  static boolean renewed(Agreement before, Agreement after) {
    LocalDate was = before.signed();
    LocalDate now = after.signed();
    return was != null && now != null && ChronoUnit.DAYS.between(was, now) >= RENEWAL_GAP_DAYS;
  }

  /**
   * What changed from one row to the other; a renewal's new date is not a {@link
   * Detail#SIGNED_CORRECTED}.
   */
  Set<Detail> details(Agreement before, Agreement after) {
    Set<Detail> details = EnumSet.noneOf(Detail.class);
    if (moa) {
      link(before.moaUrl(), after.moaUrl(), details, Detail.MOA_POSTED, Detail.MOA_CHANGED);
      if (before.moaUrl() != null && after.moaUrl() == null) {
        details.add(Detail.MOA_REMOVED);
      }
    }
    if (addendum) {
      link(
          before.addendumUrl(),
          after.addendumUrl(),
          details,
          Detail.ADDENDUM_POSTED,
          Detail.ADDENDUM_CHANGED);
      if (before.addendumUrl() != null && after.addendumUrl() == null) {
        details.add(Detail.ADDENDUM_REMOVED);
      }
    }
    if (county && !sameText(before.county(), after.county())) {
      details.add(Detail.COUNTY_CORRECTED);
    }
    if (type && before.type() != after.type()) {
      details.add(Detail.TYPE_CHANGED);
    }
    if (!Objects.equals(before.signed(), after.signed()) && !renewed(before, after)) {
      details.add(Detail.SIGNED_CORRECTED);
    }
    return details;
  }

  private static void link(
      @Nullable String before,
      @Nullable String after,
      Set<Detail> details,
      Detail posted,
      Detail changed) {
    if (after == null) {
      return;
    }
    if (before == null) {
      details.add(posted);
    } else if (!before.equals(after)) {
      details.add(changed);
    }
  }

  // ICE's own re-typing of a county ("Marion County " vs "marion county") is no correction.
  private static boolean sameText(@Nullable String a, @Nullable String b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
  }
}
