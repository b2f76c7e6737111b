package org.watch287g.alerts;

import java.util.ArrayList;
import java.util.List;
import org.watch287g.geo.County;
import org.watch287g.geo.Coverage;
import org.watch287g.geo.Gazetteer;

/**
 * Where an agreement reaches, in words: "Harris County, TX", "Harris County, Fort Bend County and
 * Waller County, TX", "Texas, statewide", "Texas, county unknown".
 */
final class Places {
  /** A headline names at most this many counties; regional jails can span nine. */
  static final int HEADLINE_COUNTIES = 3;

  private final Gazetteer gazetteer;

  Places(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** The place for an alert's "Where" line: every county, or why none is named. */
  String full(Coverage coverage, Texts texts) {
    if (!hasCounties(coverage)) {
      return coverage.statewide()
          ? texts.text("place.statewide", texts.state(coverage.state()))
          : texts.text("place.unresolvedWhy", texts.state(coverage.state()));
    }
    return withState(texts.joined(names(coverage)), coverage);
  }

  /** The place for a headline: short enough for one line. */
  String brief(Coverage coverage, Texts texts) {
    if (!hasCounties(coverage)) {
      return coverage.statewide()
          ? texts.text("place.statewide", texts.state(coverage.state()))
          : texts.text("place.unresolved", texts.state(coverage.state()));
    }
    List<String> names = names(coverage);
    if (names.size() <= HEADLINE_COUNTIES) {
      return withState(texts.joined(names), coverage);
    }
    String first = String.join(", ", names.subList(0, HEADLINE_COUNTIES - 1));
    int others = names.size() - (HEADLINE_COUNTIES - 1);
    return withState(texts.text("place.others", first, others), coverage);
  }

  /**
   * Counties are only named when the coverage is placed and not statewide; a resolved coverage with
   * no county (which the resolver does not make) reads as unresolved rather than as nothing.
   */
  private static boolean hasCounties(Coverage coverage) {
    return !coverage.statewide() && !coverage.counties().isEmpty();
  }

  /** The counties' names without their state, in FIPS order; a FIPS the gazetteer lacks as is. */
  private List<String> names(Coverage coverage) {
    List<String> names = new ArrayList<>();
    for (String fips : coverage.counties()) {
      names.add(gazetteer.county(fips).map(County::name).orElse(fips));
    }
    return names;
  }

  /** Every county of a coverage is in its state, so the code is written once, at the end. */
  private static String withState(String counties, Coverage coverage) {
    return counties + ", " + coverage.state().code();
  }
}
