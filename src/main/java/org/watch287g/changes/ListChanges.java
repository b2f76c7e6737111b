package org.watch287g.changes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.AgreementKey;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Publication;

/**
 * One list in two publications, by key: the rows kept, and the rows added and removed that are
 * still to be explained. {@link DiffCycle} takes rows off {@link #added} and {@link #removed} as it
 * explains them.
 */
final class ListChanges {
  final ListKind kind;
  final RowComparison comparison;
  final Map<AgreementKey, Agreement> before;
  final Map<AgreementKey, Agreement> after;
  final List<Agreement> added;
  final List<Agreement> removed;

  ListChanges(Publication before, Publication after) {
    this.kind = after.kind();
    this.comparison = RowComparison.of(before, after);
    this.before = index(before);
    this.after = index(after);
    this.added = missingFrom(this.before, this.after);
    this.removed = missingFrom(this.after, this.before);
  }

  /** The rows of a publication by key, in file order; the first row of a repeated key counts. */
  static Map<AgreementKey, Agreement> index(@Nullable Publication publication) {
    Map<AgreementKey, Agreement> rows = new LinkedHashMap<>();
    if (publication != null) {
      for (Agreement a : publication.agreements()) {
        rows.putIfAbsent(a.key(), a);
      }
    }
    return rows;
  }

  /** The rows now listed under a key that was listed before, in file order. */
  List<Agreement> kept() {
    List<Agreement> kept = new ArrayList<>();
    for (Agreement a : after.values()) {
      if (before.containsKey(a.key())) {
        kept.add(a);
      }
    }
    return kept;
  }

  private static List<Agreement> missingFrom(
      Map<AgreementKey, Agreement> from, Map<AgreementKey, Agreement> to) {
    List<Agreement> missing = new ArrayList<>();
    for (Map.Entry<AgreementKey, Agreement> e : to.entrySet()) {
      if (!from.containsKey(e.getKey())) {
        missing.add(e.getValue());
      }
    }
    return missing;
  }
}
