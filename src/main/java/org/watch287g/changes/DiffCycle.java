package org.watch287g.changes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.watch287g.changes.ChangeEvent.Detail;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.AgreementKey;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Publication;

/** The work of one {@link Differ#diff}: the rules, applied in the order its Javadoc gives. */
final class DiffCycle {
  private final List<ChangeEvent> events = new ArrayList<>();
  private final Set<AgreementKey> signedRequests = new HashSet<>();
  private final NearIdentity identity;
  private @Nullable Map<AgreementKey, Agreement> signedNow;

  DiffCycle(NearIdentity identity) {
    this.identity = identity;
  }

  /** The events found so far, unsorted. */
  List<ChangeEvent> events() {
    return events;
  }

  /**
   * Diffs the participating list.
   *
   * @param requests the pending list before the change, if known: its requests may have been signed
   * @param stillPending the pending list after the change, if known
   */
  void participating(
      Publication p0,
      Publication p1,
      @Nullable Publication requests,
      @Nullable Publication stillPending) {
    ListChanges list = new ListChanges(p0, p1);
    compareKept(list);
    Map<AgreementKey, Agreement> pending = ListChanges.index(requests);
    signedUnderTheirKeys(list, pending);
    renamed(list);
    Map<AgreementKey, Agreement> stillListed = ListChanges.index(stillPending);
    signedUnderNearNames(list, pending, stillListed);
    duplicatesDropped(list);
    signedUnderAnotherModel(list, pending, stillListed);
    switched(list);
    list.added.forEach(a -> add(ChangeEvent.Type.NEW_AGREEMENT, list.kind, a));
    list.removed.forEach(a -> add(ChangeEvent.Type.TERMINATED, list.kind, a));
  }

  /**
   * Diffs the pending list, after {@link #participating} if both lists are known.
   *
   * @param p1 the participating list after the change, if known: requests found there were signed
   */
  void pending(Publication q0, Publication q1, @Nullable Publication p1) {
    ListChanges list = new ListChanges(q0, q1);
    compareKept(list);
    list.removed.removeIf(r -> signedRequests.contains(list.key(r)));
    renamed(list);
    duplicatesDropped(list);
    switched(list);
    list.added.forEach(a -> add(ChangeEvent.Type.NEW_PENDING, list.kind, a));
    for (Agreement r : list.removed) {
      if (!amongSigned(r, list, p1)) {
        add(ChangeEvent.Type.PENDING_WITHDRAWN, list.kind, r);
      }
    }
  }

  private void add(ChangeEvent.Type type, ListKind list, Agreement agreement) {
    events.add(ChangeEvent.of(type, list, agreement));
  }

  private void compareKept(ListChanges list) {
    for (ListChanges.Kept row : list.kept) {
      Set<Detail> details = list.comparison.details(row.was(), row.now());
      if (RowComparison.renewed(row.was(), row.now())) {
        events.add(
            new ChangeEvent(ChangeEvent.Type.RENEWED, list.kind, row.now(), row.was(), details));
      } else if (!details.isEmpty()) {
        events.add(
            new ChangeEvent(
                ChangeEvent.Type.DETAILS_CHANGED, list.kind, row.now(), row.was(), details));
      }
    }
  }

  /** Agreements added under the key of a request, listed or not still. */
  private void signedUnderTheirKeys(ListChanges list, Map<AgreementKey, Agreement> requests) {
    for (Agreement a : List.copyOf(list.added)) {
      Agreement request = requests.get(list.key(a));
      if (request != null) {
        signed(a, request, list);
      }
    }
  }

  /** Agreements added under a name near that of a request that is no longer listed. */
  private void signedUnderNearNames(
      ListChanges list,
      Map<AgreementKey, Agreement> requests,
      Map<AgreementKey, Agreement> stillListed) {
    for (Pairing.Pair pair : Pairing.pairs(gone(requests, stillListed), list.added, identity)) {
      signed(pair.right(), pair.left(), list);
    }
  }

  /** Agreements added for the agency of a request no longer listed, under another model. */
  private void signedUnderAnotherModel(
      ListChanges list,
      Map<AgreementKey, Agreement> requests,
      Map<AgreementKey, Agreement> stillListed) {
    for (Pairing.Pair pair : Pairing.switches(gone(requests, stillListed), list.added, identity)) {
      events.add(
          new ChangeEvent(
              ChangeEvent.Type.MODEL_CHANGED,
              list.kind,
              pair.right(),
              pair.left(),
              nameChanged(pair.left(), pair.right())));
      list.added.remove(pair.right());
      signedRequests.add(pair.left().key());
    }
  }

  /** The requests not yet found signed that the pending list no longer lists. */
  private List<Agreement> gone(
      Map<AgreementKey, Agreement> requests, Map<AgreementKey, Agreement> stillListed) {
    List<Agreement> gone = new ArrayList<>();
    requests.forEach(
        (key, r) -> {
          if (!signedRequests.contains(key) && !stillListed.containsKey(key)) {
            gone.add(r);
          }
        });
    return gone;
  }

  /** A removal and an addition that are one agency under two models. */
  private void switched(ListChanges list) {
    for (Pairing.Pair pair : Pairing.switches(list.removed, list.added, identity)) {
      events.add(
          new ChangeEvent(
              ChangeEvent.Type.MODEL_CHANGED,
              list.kind,
              pair.right(),
              pair.left(),
              nameChanged(pair.left(), pair.right())));
      list.removed.remove(pair.left());
      list.added.remove(pair.right());
    }
  }

  // The two rows' own details (MOA, date) are those of two agreements; only the name is worth
  // saying.
  private static Set<Detail> nameChanged(Agreement was, Agreement now) {
    return AgreementKey.fold(was.agency()).equals(AgreementKey.fold(now.agency()))
        ? Set.of()
        : Set.of(Detail.NAME_CHANGED);
  }

  private void signed(Agreement agreement, Agreement request, ListChanges list) {
    Set<Detail> details =
        agreement.key().equals(request.key()) ? Set.of() : Set.of(Detail.NAME_CHANGED);
    events.add(
        new ChangeEvent(ChangeEvent.Type.PENDING_SIGNED, list.kind, agreement, request, details));
    list.added.remove(agreement);
    signedRequests.add(request.key());
  }

  /** A removal and an addition that are one agreement under two names. */
  private void renamed(ListChanges list) {
    for (Pairing.Pair pair : Pairing.pairs(list.removed, list.added, identity)) {
      renamed(list, pair.left(), pair.right());
      list.added.remove(pair.right());
    }
  }

  /**
   * A removal that is one agreement with a row still listed: ICE listed it twice ("City of St.
   * Cloud Police Department" and "St. Cloud Police Department", TFM, 2025) and dropped one. The
   * agreement stands under the other name, so this is a rename, not a termination.
   */
  private void duplicatesDropped(ListChanges list) {
    for (Pairing.Pair pair : Pairing.pairs(list.removed, list.keptRows(), identity)) {
      // No details: the surviving row's own changes are reported against its own earlier row.
      events.add(
          new ChangeEvent(
              ChangeEvent.Type.RENAMED, list.kind, pair.right(), pair.left(), Set.of()));
      list.removed.remove(pair.left());
    }
  }

  private void renamed(ListChanges list, Agreement was, Agreement now) {
    events.add(
        new ChangeEvent(
            ChangeEvent.Type.RENAMED, list.kind, now, was, list.comparison.details(was, now)));
    list.removed.remove(was);
  }

  /**
   * Whether a request that left the pending list is signed: listed under its key or a near name.
   */
  private boolean amongSigned(Agreement request, ListChanges list, @Nullable Publication p1) {
    if (p1 == null) {
      return false;
    }
    if (signedNow == null) {
      signedNow = ListChanges.index(p1);
    }
    if (signedNow.containsKey(list.key(request))) {
      return true;
    }
    for (Agreement a : p1.agreements()) {
      if (identity.match(request, a).isPresent()) {
        return true;
      }
    }
    return false;
  }
}
