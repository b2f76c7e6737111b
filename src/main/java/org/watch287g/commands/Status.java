package org.watch287g.commands;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.Model;
import org.watch287g.geo.Jurisdiction;

/**
 * What is known about 287(g) in one place, from local state only: the agreements in force and the
 * pending requests whose coverage includes it (or that reach its whole state: statewide agencies
 * and agencies nobody could place), and the latest changes recorded there.
 *
 * <p>For a county, the agencies of the county come first: its sheriff, then the police of places in
 * it, then its other local bodies, then the agencies nobody could place, then the state's statewide
 * agencies (which a reader sees summarised in one line). For a state, ICE's order is kept. A
 * request that was signed (the same agency is in force under the same model, or signed on or after
 * the day the pending list was read) is shown once, as in force.
 *
 * @param place the county or state asked about
 * @param agreements the signed agreements there, in the order above
 * @param pending the pending requests there not yet in force, in the order above
 * @param recent the latest changes there, newest first (renames and corrections included)
 * @param agreementsAsOf when the list of agreements served was read; null if none has been
 * @param pendingAsOf when the list of pending requests served was read; null if none has been
 * @param countiesInState how many counties (or county equivalents) the place's state has
 */
public record Status(
    Place place,
    List<Entry> agreements,
    List<Entry> pending,
    List<Change> recent,
    @Nullable LocalDate agreementsAsOf,
    @Nullable LocalDate pendingAsOf,
    int countiesInState) {

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
   * @param level the agency's level of government (a sheriff is {@link Jurisdiction#COUNTY})
   */
  public record Entry(Agreement agreement, Reach reach, List<String> counties, Jurisdiction level) {
    public Entry {
      counties = List.copyOf(counties);
    }

    /** Whether the agency is one of its state's statewide agencies. */
    public boolean statewide() {
      return reach == Reach.STATEWIDE;
    }
  }

  /**
   * One recorded change.
   *
   * @param id its stored id (see {@link PublishedLists.RecordedChange#id})
   * @param detectedAt when it was found
   * @param detected the day it was found (UTC)
   * @param event what changed
   * @param reach how far the agency reaches
   * @param counties the names of the counties it covers; empty unless {@link Reach#COUNTIES}
   */
  public record Change(
      long id,
      Instant detectedAt,
      LocalDate detected,
      ChangeEvent event,
      Reach reach,
      List<String> counties) {
    public Change {
      counties = List.copyOf(counties);
    }
  }

  /**
   * A county and how many agreements in force cover it.
   *
   * @param county the county's name ("Harris County")
   * @param agreements how many agreements in force cover it
   */
  public record CountyCount(String county, int agreements) {}

  /** The entries of agencies that are not statewide (local ones, and ones nobody could place). */
  public static List<Entry> local(List<Entry> entries) {
    return entries.stream().filter(e -> !e.statewide()).toList();
  }

  /** The entries of the state's statewide agencies. */
  public static List<Entry> statewide(List<Entry> entries) {
    return entries.stream().filter(Entry::statewide).toList();
  }

  /** How many agreements in force there are of each model, in the order of {@link Model}. */
  public Map<Model, Integer> agreementsByModel() {
    Map<Model, Integer> counts = new EnumMap<>(Model.class);
    agreements.forEach(e -> counts.merge(e.agreement().model(), 1, Integer::sum));
    return counts;
  }

  /**
   * The counties covered by agreements in force (statewide agencies aside), most agreements first,
   * then by name.
   */
  public List<CountyCount> countiesByAgreements() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Entry e : agreements) {
      if (e.reach() == Reach.COUNTIES) {
        e.counties().forEach(c -> counts.merge(c, 1, Integer::sum));
      }
    }
    List<CountyCount> out = new ArrayList<>();
    counts.forEach((county, n) -> out.add(new CountyCount(county, n)));
    out.sort(Comparator.comparingInt(CountyCount::agreements).reversed());
    return out;
  }

  /** The agreement in force signed last; null when none has a signing date. */
  public @Nullable Entry latestSigned() {
    Entry latest = null;
    for (Entry e : agreements) {
      LocalDate signed = e.agreement().signed();
      LocalDate best = latest == null ? null : latest.agreement().signed();
      if (signed != null && (best == null || signed.isAfter(best))) {
        latest = e;
      }
    }
    return latest;
  }
}
