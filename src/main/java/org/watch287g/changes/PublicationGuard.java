package org.watch287g.changes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.AgreementKey;
import org.watch287g.dataset.IceColumn;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Publication;

/**
 * Decides whether a new publication can be trusted before anything is diffed from it, so that a
 * broken file never reaches anyone as an alert.
 *
 * <p>A publication is quarantined when:
 *
 * <ul>
 *   <li>it has the other list's shape: a signing-date column where the pending list was expected,
 *       or none where the participating list was (ICE swapped the two files on 2025-09-22);
 *   <li>it lacks a column every list has (STATE, LAW ENFORCEMENT AGENCY, SUPPORT TYPE), or, as the
 *       participating list, the signing date (SIGNED);
 *   <li>it is a participating list with no agreements; or
 *   <li>it is a participating list that would remove more than the allowed share of the previous
 *       good one's agreements (by {@link AgreementKey}; 20% unless configured). A file cut short
 *       fails here.
 * </ul>
 *
 * <p>The pending list is exempt from the last two: requests come and go in bulk (consecutive real
 * pending lists drop 43% to 100% of their rows) and a header-only pending list is valid. Without a
 * previous good publication (an installation's first), only the shape, column and empty checks
 * apply.
 *
 * <p>Pure and thread-safe.
 */
public final class PublicationGuard {
  /** The share of agreements a participating list may remove unless configured otherwise. */
  public static final double DEFAULT_MAX_REMOVAL = 0.20;

  private static final List<IceColumn> REQUIRED =
      List.of(IceColumn.STATE, IceColumn.AGENCY, IceColumn.SUPPORT_TYPE);

  private final double maxRemoval;

  /** A guard that allows a participating list to remove up to 20% of the agreements. */
  public PublicationGuard() {
    this(DEFAULT_MAX_REMOVAL);
  }

  /**
   * A guard with its own limit.
   *
   * @param maxRemoval the largest share (0 to 1) of the previous agreements a participating list
   *     may remove
   * @throws IllegalArgumentException when the share is not between 0 and 1
   */
  public PublicationGuard(double maxRemoval) {
    if (!(maxRemoval >= 0 && maxRemoval <= 1)) {
      throw new IllegalArgumentException(
          "the removal share must be between 0 and 1, not " + maxRemoval);
    }
    this.maxRemoval = maxRemoval;
  }

  /** The largest share of agreements a participating list may remove. */
  public double maxRemoval() {
    return maxRemoval;
  }

  /**
   * The verdict on a new publication.
   *
   * @param next the publication to judge
   * @param expected the list it should be: the link it was served under, or the list it follows
   * @param previous the last good publication of the {@code expected} list; null for the first
   * @throws IllegalArgumentException when {@code previous} is not of the {@code expected} list
   */
  public Verdict check(Publication next, ListKind expected, @Nullable Publication previous) {
    if (previous != null && previous.kind() != expected) {
      throw new IllegalArgumentException(
          "the previous publication is the "
              + previous.kind().id()
              + " list, not the expected "
              + expected.id()
              + " list");
    }
    List<String> reasons = new ArrayList<>();
    boolean swapped = next.kind() != expected;
    if (swapped) {
      reasons.add(swapReason(next.kind(), expected));
    }
    List<String> missing = missingColumns(next, expected, swapped);
    if (!missing.isEmpty()) {
      reasons.add("lacks the " + String.join(", ", missing) + plural(missing.size(), " column"));
    }
    if (expected == ListKind.PARTICIPATING && !swapped) {
      if (next.agreements().isEmpty()) {
        reasons.add("lists no agreements; the participating list is never empty");
      } else if (previous != null) {
        removalReason(previous, next).ifPresent(reasons::add);
      }
    }
    return reasons.isEmpty() ? Verdict.good() : Verdict.quarantined(reasons);
  }

  private static String swapReason(ListKind actual, ListKind expected) {
    String shape =
        actual == ListKind.PENDING
            ? "has the pending list's shape (no SIGNED column)"
            : "has the participating list's shape (a SIGNED column)";
    return shape
        + " where the "
        + expected.id()
        + " list was expected: ICE may have swapped the two files";
  }

  // A swapped file is not also reported for lacking the date column its shape lacks.
  private static List<String> missingColumns(Publication next, ListKind expected, boolean swapped) {
    List<String> missing = new ArrayList<>();
    for (IceColumn column : REQUIRED) {
      if (!next.has(column)) {
        missing.add(column.title());
      }
    }
    if (expected == ListKind.PARTICIPATING && !swapped && !next.has(IceColumn.SIGNED)) {
      missing.add(IceColumn.SIGNED.title());
    }
    return missing;
  }

  private Optional<String> removalReason(Publication previous, Publication next) {
    Set<AgreementKey> before = keys(previous);
    if (before.isEmpty()) {
      return Optional.empty();
    }
    Set<AgreementKey> gone = new HashSet<>(before);
    gone.removeAll(keys(next));
    double share = (double) gone.size() / before.size();
    if (share <= maxRemoval) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "would remove %,d of %,d agreements (%.1f%%), more than the %s%% allowed",
            gone.size(),
            before.size(),
            100 * share,
            percent(maxRemoval)));
  }

  private static Set<AgreementKey> keys(Publication publication) {
    return publication.agreements().stream().map(Agreement::key).collect(Collectors.toSet());
  }

  private static String percent(double share) {
    String s = String.format(Locale.ROOT, "%.1f", 100 * share);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  private static String plural(int n, String noun) {
    return n == 1 ? noun : noun + "s";
  }
}
