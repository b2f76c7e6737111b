package org.watch287g.changes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.watch287g.dataset.AgreementKey;
import org.watch287g.dataset.Publication;

/**
 * Names the changes between two states of ICE's lists as {@link ChangeEvent}s.
 *
 * <p>An agreement's identity is its {@link AgreementKey} (state, folded name, model). Rows of the
 * same key are compared field by field: a signing date later by a renewal's gap is {@code RENEWED},
 * other differences are {@code DETAILS_CHANGED}. The rows added and removed are explained in this
 * order, each row once:
 *
 * <ol>
 *   <li>an agreement added under the key of a pending request is that request signed ({@code
 *       PENDING_SIGNED}), whether or not ICE has yet taken the request off the pending list;
 *   <li>a removal and an addition on one list that are one agreement ({@link NearIdentity}) are
 *       {@code RENAMED};
 *   <li>an agreement added under a name near that of a request that left the pending list is that
 *       request signed ("Lower Burrell Fourth Ward Constable's Office" signed as "... Constable");
 *   <li>a removal that is one agreement with a row still listed is a duplicate listing dropped,
 *       also {@code RENAMED}: the agreement stands under the other name;
 *   <li>an agreement added for the agency of a request that left the pending list, under another
 *       model, is that request signed under another model ({@code MODEL_CHANGED}, its previous row
 *       the request): Hartley County Sheriff's Office, TX, requested WSO and signed TFM;
 *   <li>a removal and an addition on one list that are one agency under two models ({@link
 *       NearIdentity#sameAgency}) are {@code MODEL_CHANGED}: Sanpete County Sheriff's Office, UT,
 *       from JEM to WSO; on the pending list, a request replaced by one for another model;
 *   <li>what remains is {@code NEW_AGREEMENT}, {@code TERMINATED} or {@code NEW_PENDING}; a request
 *       gone from the pending list is {@code PENDING_WITHDRAWN} unless its agreement is among the
 *       signed ones (then ICE only tidied the list after a signing already reported).
 * </ol>
 *
 * <p>A list is diffed only when both sides have it; signings are seen only when the pending list
 * before the change is known. Without the participating list, a request that left the pending list
 * is reported withdrawn, since nothing shows it was signed. ICE lists each agreement once; should a
 * key repeat within a file, its first row counts.
 *
 * <p>Pure and thread-safe. Events come sorted by {@link ChangeEvent#ORDER}.
 */
public final class Differ {

  public Differ() {}

  /** The changes from {@code before} to {@code after}; empty when nothing changed. */
  public List<ChangeEvent> diff(Lists before, Lists after) {
    Publication p0 = before.participating();
    Publication p1 = after.participating();
    Publication q0 = before.pending();
    Publication q1 = after.pending();
    DiffCycle cycle = new DiffCycle(NearIdentity.over(Arrays.asList(p0, p1, q0, q1)));
    if (p0 != null && p1 != null) {
      cycle.participating(p0, p1, q0, q1);
    }
    if (q0 != null && q1 != null) {
      cycle.pending(q0, q1, p1);
    }
    List<ChangeEvent> events = new ArrayList<>(cycle.events());
    events.sort(ChangeEvent.ORDER);
    return List.copyOf(events);
  }
}
