package org.watch287g.changes;

import java.util.ArrayList;
import java.util.IdentityHashMap;
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
 *
 * <p>Each row's key is computed once: folding a name is the costliest step of a diff.
 */
final class ListChanges {
  final ListKind kind;
  final RowComparison comparison;
  final List<Kept> kept = new ArrayList<>();
  final List<Agreement> added = new ArrayList<>();
  final List<Agreement> removed = new ArrayList<>();
  private final IdentityHashMap<Agreement, AgreementKey> keys = new IdentityHashMap<>();

  /** A row listed in both publications under one key. */
  record Kept(Agreement was, Agreement now) {}

  ListChanges(Publication before, Publication after) {
    this.kind = after.kind();
    this.comparison = RowComparison.of(before, after);
    Map<AgreementKey, Agreement> was = index(before, keys);
    Map<AgreementKey, Agreement> now = index(after, keys);
    now.forEach(
        (key, row) -> {
          Agreement old = was.get(key);
          if (old == null) {
            added.add(row);
          } else {
            kept.add(new Kept(old, row));
          }
        });
    was.forEach(
        (key, row) -> {
          if (!now.containsKey(key)) {
            removed.add(row);
          }
        });
  }

  /** The key of a row of either publication. */
  AgreementKey key(Agreement row) {
    AgreementKey key = keys.get(row);
    return key != null ? key : row.key();
  }

  /** The rows listed now under a key listed before, in file order. */
  List<Agreement> keptRows() {
    return kept.stream().map(Kept::now).toList();
  }

  /** The rows of a publication by key, in file order; the first row of a repeated key counts. */
  static Map<AgreementKey, Agreement> index(@Nullable Publication publication) {
    return index(publication, new IdentityHashMap<>());
  }

  private static Map<AgreementKey, Agreement> index(
      @Nullable Publication publication, IdentityHashMap<Agreement, AgreementKey> keys) {
    Map<AgreementKey, Agreement> rows = new LinkedHashMap<>();
    if (publication != null) {
      for (Agreement a : publication.agreements()) {
        AgreementKey key = a.key();
        keys.put(a, key);
        rows.putIfAbsent(key, a);
      }
    }
    return rows;
  }
}
