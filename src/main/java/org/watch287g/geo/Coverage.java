package org.watch287g.geo;

import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.watch287g.dataset.UsState;

/**
 * Where an agreement reaches: the counties an agency covers, or its whole state, and how that was
 * decided.
 *
 * @param state the agency's state
 * @param level the agency's level of government
 * @param counties 5-digit county FIPS (2023 vintage); empty when statewide or unresolved
 * @param statewide whether the agency covers its whole state
 * @param basis how this was decided
 * @param confidence how sure that is
 * @param note why, for people: what was matched, corrected or overruled
 */
public record Coverage(
    UsState state,
    Jurisdiction level,
    SortedSet<String> counties,
    boolean statewide,
    Basis basis,
    Confidence confidence,
    String note) {

  public Coverage {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(confidence, "confidence");
    counties = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(counties));
  }

  /**
   * A coverage of some counties, found as written (a typo corrected makes it {@code corrected}).
   */
  static Coverage counties(
      UsState state, Jurisdiction level, Set<String> counties, Basis basis, String note) {
    Confidence confidence =
        basis == Basis.ICE_COUNTY_CORRECTED ? Confidence.CORRECTED : Confidence.EXACT;
    return counties(state, level, counties, basis, confidence, note);
  }

  /** A coverage of some counties, as sure as the caller says. */
  static Coverage counties(
      UsState state,
      Jurisdiction level,
      Set<String> counties,
      Basis basis,
      Confidence confidence,
      String note) {
    return new Coverage(state, level, new TreeSet<>(counties), false, basis, confidence, note);
  }

  /** A coverage of the whole state. */
  static Coverage wholeState(UsState state, Jurisdiction level, Basis basis, String note) {
    return new Coverage(state, level, new TreeSet<>(), true, basis, Confidence.EXACT, note);
  }

  /** A coverage nobody could place; it alerts the whole state. */
  static Coverage unresolved(UsState state, Jurisdiction level, String note) {
    return new Coverage(
        state, level, new TreeSet<>(), false, Basis.UNRESOLVED, Confidence.FALLBACK, note);
  }

  /**
   * A coverage the name narrows to a few counties without saying which (a township name found in
   * several counties, and no COUNTY cell to choose): never guessed, so it alerts the whole state,
   * and the note names the candidates.
   */
  static Coverage ambiguous(UsState state, Jurisdiction level, String note) {
    return new Coverage(
        state, level, new TreeSet<>(), false, Basis.UNRESOLVED, Confidence.AMBIGUOUS, note);
  }

  /** Whether the counties (or the state) are known. */
  public boolean resolved() {
    return basis != Basis.UNRESOLVED;
  }

  /**
   * Whether alerts about this agency go to every channel following its state: true for state
   * agencies, and for agencies nobody could place, so that no follower misses them.
   */
  public boolean alertsWholeState() {
    return statewide || !resolved();
  }

  /**
   * The coverage as {@code resolve --csv} prints it: FIPS codes sorted and joined by ";", "ST:XX"
   * for a statewide agency, empty when unresolved.
   */
  public String predictedFips() {
    if (statewide) {
      return "ST:" + state.code();
    }
    return String.join(";", counties);
  }

  /** How a coverage was decided. */
  public enum Basis {
    /** ICE's COUNTY column, as written. */
    ICE_COUNTY,
    /** ICE's COUNTY column, with a typo corrected to the closest county of the state. */
    ICE_COUNTY_CORRECTED,
    /** A county named in the agency's name ("Harris County Sheriff's Office"). */
    AGENCY_NAME,
    /** The city or town named in the agency's name, and the counties it lies in. */
    CITY_LOOKUP,
    /**
     * The township or town (a county subdivision that is a government, not a Census place) named in
     * the agency's name, and its county.
     */
    SUBDIVISION,
    /** The curated table of regional bodies, campuses and other special cases. */
    CURATED,
    /** A state government or state agency. */
    STATE_AGENCY,
    /** Nothing placed it; it alerts the whole state. */
    UNRESOLVED
  }

  /** How sure a coverage is. */
  public enum Confidence {
    /** Found as written: a county, place, township or curated entry, or a state agency. */
    EXACT("exact"),
    /** Found after correcting a typo in the name or in ICE's COUNTY cell. */
    CORRECTED("corrected"),
    /** The name fits several counties and nothing says which: the whole state is alerted. */
    AMBIGUOUS("ambiguous"),
    /** Nothing placed it: the whole state is alerted. */
    FALLBACK("state-wide fallback");

    private final String label;

    Confidence(String label) {
      this.label = label;
    }

    /**
     * As {@code resolve --json} writes it: "exact", "corrected", "ambiguous", "state-wide
     * fallback".
     */
    public String label() {
      return label;
    }
  }
}
