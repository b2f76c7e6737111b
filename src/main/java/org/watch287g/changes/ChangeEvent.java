package org.watch287g.changes;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;

/**
 * One change between two publications of ICE's lists.
 *
 * @param type what happened
 * @param list the list the event is about: {@link ListKind#PARTICIPATING} for signed agreements
 *     (including a pending request that was signed), {@link ListKind#PENDING} for requests that
 *     appeared, were withdrawn, or were renamed or corrected on the pending list
 * @param agreement the row as it is now, or as last seen for {@code TERMINATED} and {@code
 *     PENDING_WITHDRAWN}
 * @param previous the earlier row: the old name for {@code RENAMED}, the old signing for {@code
 *     RENEWED}, the row before the correction for {@code DETAILS_CHANGED}, the pending request for
 *     {@code PENDING_SIGNED}, the agreement or request under the old model for {@code
 *     MODEL_CHANGED}; null for the other types
 * @param details what else differs between {@code previous} and {@code agreement}; empty when there
 *     is no previous row, and for a dropped duplicate listing
 */
public record ChangeEvent(
    Type type,
    ListKind list,
    Agreement agreement,
    @Nullable Agreement previous,
    Set<Detail> details) {

  /**
   * The order events are reported and stored in: by type (in {@link Type} order), then state,
   * agency (ignoring case), model and list, so one pair of publications always gives the same list.
   */
  public static final Comparator<ChangeEvent> ORDER =
      Comparator.comparing(ChangeEvent::type)
          .thenComparing(e -> e.agreement().state().code())
          .thenComparing(e -> e.agreement().agency().toLowerCase(Locale.ROOT))
          .thenComparing(e -> e.agreement().model())
          .thenComparing(ChangeEvent::list);

  public ChangeEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(list, "list");
    Objects.requireNonNull(agreement, "agreement");
    if (type.hasPrevious() != (previous != null)) {
      throw new IllegalArgumentException(
          type + (previous == null ? " needs" : " takes no") + " previous row");
    }
    details = copy(details);
  }

  /** An event without an earlier row: a new, terminated, withdrawn or newly pending agreement. */
  static ChangeEvent of(Type type, ListKind list, Agreement agreement) {
    return new ChangeEvent(type, list, agreement, null, Set.of());
  }

  /**
   * Whether people following the agency's counties should hear of this event.
   *
   * <p>Every change to what is signed or requested alerts. Of the corrections, only an MOA posted
   * for the first time does, even when ICE corrects the agency's name in the same file: the MOA is
   * the document organizers ask for. A corrected name, county, type, date or link is stored and
   * shown in {@code status}, never alerted.
   */
  public boolean alerts() {
    return switch (type) {
      case NEW_AGREEMENT,
          TERMINATED,
          NEW_PENDING,
          PENDING_SIGNED,
          MODEL_CHANGED,
          PENDING_WITHDRAWN,
          RENEWED ->
          true;
      case DETAILS_CHANGED, RENAMED -> details.contains(Detail.MOA_POSTED);
    };
  }

  private static Set<Detail> copy(Collection<Detail> details) {
    Set<Detail> set = EnumSet.noneOf(Detail.class);
    set.addAll(details);
    return Collections.unmodifiableSet(set);
  }

  /** What happened to an agreement or request. */
  public enum Type {
    /** A signed agreement that was neither listed before nor pending. */
    NEW_AGREEMENT(false),
    /** A signed agreement that is no longer listed. */
    TERMINATED(false),
    /** A request that appeared on the pending list. */
    NEW_PENDING(false),
    /** A pending request that now appears among the signed agreements. */
    PENDING_SIGNED(true),
    /**
     * One agency, one place, another model: an agreement under one model left the list as one under
     * another arrived, or a request was signed under another model than requested (or, on the
     * pending list, a request was replaced by one for another model). Never an ending: it sorts
     * with the signings, before the endings' neighbours, so a reader sees what the agency does now.
     */
    MODEL_CHANGED(true),
    /** A request that left the pending list without being signed. */
    PENDING_WITHDRAWN(false),
    /** The same agency and model, signed again on a later date. */
    RENEWED(true),
    /** The same agreement with a link posted or changed, or a county, date or type corrected. */
    DETAILS_CHANGED(true),
    /**
     * The same agreement under a corrected name: a removal and an addition that match, or a
     * duplicate listing dropped in favour of the row that stays.
     */
    RENAMED(true);

    private final boolean hasPrevious;

    Type(boolean hasPrevious) {
      this.hasPrevious = hasPrevious;
    }

    /** Whether events of this type carry the earlier row. */
    public boolean hasPrevious() {
      return hasPrevious;
    }
  }

  /** What differs between the earlier row and the current one. */
  public enum Detail {
    /** An MOA link where there was none (or only "link pending"). */
    MOA_POSTED,
    /** A different MOA link. */
    MOA_CHANGED,
    /** The MOA link is gone. */
    MOA_REMOVED,
    /** An addendum link where there was none. */
    ADDENDUM_POSTED,
    /** A different addendum link. */
    ADDENDUM_CHANGED,
    /** The addendum link is gone. */
    ADDENDUM_REMOVED,
    /** ICE's COUNTY cell changed. */
    COUNTY_CORRECTED,
    /** The signing date moved earlier, or by less than a renewal, or appeared or vanished. */
    SIGNED_CORRECTED,
    /** ICE's TYPE cell changed (e.g. "State" to "Municipality"). */
    TYPE_CHANGED,
    /**
     * The agency's name is spelt differently (a request signed, or a model switched, under another
     * name).
     */
    NAME_CHANGED
  }
}
