package org.watch287g.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.UsState;

/**
 * Cities and towns as {@link CountyQuery} reads them: "Houston TX" is a city, mostly in Harris
 * County.
 */
final class PlaceLookup {
  /**
   * Census kinds of the places big enough to be meant instead of a county of the same name. Towns,
   * villages and New York towns are left out: "Lee FL" is Lee County, not the town of Lee (pop.
   * 350) in Madison County.
   */
  static final Set<String> CITY_KINDS =
      Set.of(
          "city",
          "ny-city",
          "consolidated government",
          "metropolitan government",
          "unified government",
          "urban county");

  /** A county holding this share of a place's people is where the place is, for a person. */
  private static final double MOSTLY = 0.9;

  /** Words after a place's name that the gazetteer's names leave out. */
  private static final Set<String> PLACE_KINDS = Set.of("city", "town", "village", "township");

  private final Gazetteer gazetteer;

  PlaceLookup(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /**
   * The places a reading names, in its state or in every state: municipalities only when there are
   * any. "Kansas City" is looked up as written, "Houston city" as "Houston".
   */
  List<PlaceCounties> named(Reading reading) {
    List<PlaceCounties> found = named(reading.state(), reading.spaced());
    List<String> name = reading.name();
    if (found.isEmpty() && name.size() > 1 && PLACE_KINDS.contains(name.get(name.size() - 1))) {
      found = named(reading.state(), String.join(" ", name.subList(0, name.size() - 1)));
    }
    return found;
  }

  private List<PlaceCounties> named(@Nullable UsState state, String name) {
    List<PlaceCounties> found = new ArrayList<>();
    for (UsState s : state == null ? List.of(UsState.values()) : List.of(state)) {
      found.addAll(gazetteer.places(s, name));
    }
    List<PlaceCounties> municipalities =
        found.stream().filter(PlaceCounties::incorporated).toList();
    // Without a state, a CDP or a GeoNames name somewhere is too weak a reading to offer.
    if (municipalities.isEmpty() && state == null) {
      return List.of();
    }
    return municipalities.isEmpty() ? List.copyOf(found) : municipalities;
  }

  /** The cities of the state called {@code name} (see {@link #CITY_KINDS}). */
  List<PlaceCounties> cities(UsState state, String name) {
    return gazetteer.places(state, name).stream()
        .filter(p -> CITY_KINDS.contains(p.kind()))
        .toList();
  }

  /**
   * The counties a person in these places lives in: for each place the county holding most of its
   * people (90% or more), else all of its counties by share; several states' places by state.
   */
  List<County> counties(List<PlaceCounties> places) {
    Set<County> counties = new LinkedHashSet<>();
    for (PlaceCounties p : places) {
      for (String fips : primaryCounties(p)) {
        gazetteer.county(fips).ifPresent(counties::add);
      }
    }
    boolean oneState = places.stream().map(PlaceCounties::state).distinct().count() <= 1;
    return oneState ? List.copyOf(counties) : counties.stream().sorted(NameIndex.BY_STATE).toList();
  }

  private static List<String> primaryCounties(PlaceCounties place) {
    List<Map.Entry<String, Double>> byShare =
        place.shares().entrySet().stream()
            .sorted(
                Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()))
            .toList();
    if (byShare.get(0).getValue() >= MOSTLY && byShare.size() > 1) {
      return List.of(byShare.get(0).getKey());
    }
    // Census lists some counties with a share that rounds to 0: nobody lives in that part.
    boolean anyoneLives = byShare.get(0).getValue() > 0;
    return byShare.stream()
        .filter(e -> !anyoneLives || e.getValue() > 0)
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * A short note on where places lie: "Hialeah, FL is in Miami-Dade County", "Houston, TX is mostly
   * in Harris County", "Yoakum, TX lies in Lavaca County and DeWitt County", "3 places are called
   * Springfield".
   */
  String note(List<PlaceCounties> places) {
    if (places.size() > 1) {
      return places.size() + " places are called " + places.get(0).name();
    }
    PlaceCounties p = places.get(0);
    String where = p.name() + ", " + p.state().code();
    List<String> primary = primaryCounties(p);
    String names =
        primary.stream()
            .map(f -> gazetteer.county(f).map(County::name).orElse(f))
            .collect(Collectors.collectingAndThen(Collectors.toList(), PlaceLookup::and));
    if (primary.size() > 1) {
      return where + " lies in " + names;
    }
    return where + (p.shares().size() > 1 ? " is mostly in " : " is in ") + names;
  }

  /** "A", "A and B", "A, B and C". */
  static String and(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
