package org.watch287g.commands;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Agreement;

/**
 * What is known about 287(g) in one place, from local state only: the agreements in force and the
 * pending requests whose coverage includes it (or that reach its whole state: statewide agencies
 * and agencies nobody could place), and the latest changes recorded there.
 *
 * @param place the county or state asked about
 * @param agreements the signed agreements there, in ICE's order
 * @param pending the pending requests there, in ICE's order
 * @param recent the latest changes there, newest first (renames and corrections included)
 * @param agreementsAsOf when the list of agreements served was read; null if none has been
 * @param pendingAsOf when the list of pending requests served was read; null if none has been
 */
public record Status(
    Place place,
    List<Entry> agreements,
    List<Entry> pending,
    List<Change> recent,
    @Nullable LocalDate agreementsAsOf,
    @Nullable LocalDate pendingAsOf) {

  public Status {
    Objects.requireNonNull(place, "place");
    agreements = List.copyOf(agreements);
    pending = List.copyOf(pending);
    recent = List.copyOf(recent);
  }

  /** How far an agency reaches. */
  public enum Reach {
    /** The counties listed. */
    COUNTIES,
    /** Its whole state (a state agency). */
    STATEWIDE,
    /** Unknown: nobody could place it, so it counts for its whole state. */
    UNKNOWN
  }

  /**
   * One agreement or request.
   *
   * @param agreement the row as ICE published it
   * @param reach how far it reaches
   * @param counties the names of the counties it covers ("Harris County"); empty unless {@link
   *     Reach#COUNTIES}
   */
  public record Entry(Agreement agreement, Reach reach, List<String> counties) {
    public Entry {
      counties = List.copyOf(counties);
    }
  }

  /**
   * One recorded change.
   *
   * @param detected the day it was found (UTC)
   * @param event what changed
   * @param reach how far the agency reaches
   * @param counties the names of the counties it covers; empty unless {@link Reach#COUNTIES}
   */
  public record Change(LocalDate detected, ChangeEvent event, Reach reach, List<String> counties) {
    public Change {
      counties = List.copyOf(counties);
    }
  }
}
