package org.watch287g.commands;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.County;
import org.watch287g.geo.Gazetteer;
import org.watch287g.maps.Category;

/**
 * Builds an {@link AgreementMap} from the same statuses {@code status} answers with, so that a map
 * and a status never disagree: a state's map is its state-wide status, county by county.
 * Thread-safe (as {@link StatusLookup} is).
 */
final class MapLookup {
  private final StatusLookup statuses;
  private final Gazetteer gazetteer;

  MapLookup(StatusLookup statuses, Gazetteer gazetteer) {
    this.statuses = statuses;
    this.gazetteer = gazetteer;
  }

  /** The map of a place's state (its county outlined), or of the whole country for null. */
  AgreementMap map(@Nullable Place place) {
    List<UsState> states = new ArrayList<>();
    if (place == null) {
      for (UsState s : UsState.values()) {
        if (!gazetteer.counties(s).isEmpty()) {
          states.add(s);
        }
      }
    } else {
      states.add(place.state());
    }
    List<AgreementMap.Shade> shades = new ArrayList<>();
    List<AgreementMap.Statewide> statewide = new ArrayList<>();
    Map<Model, Integer> byModel = new EnumMap<>(Model.class);
    int unplaced = 0;
    int agreements = 0;
    int pending = 0;
    LocalDate agreementsAsOf = null;
    LocalDate pendingAsOf = null;
    for (UsState state : states) {
      Status s = statuses.withoutChanges(Place.of(state));
      agreementsAsOf = s.agreementsAsOf();
      pendingAsOf = s.pendingAsOf();
      shades.addAll(shades(state, s));
      for (Status.Entry e : s.agreements()) {
        byModel.merge(e.agreement().model(), 1, Integer::sum);
        if (e.reach() == Status.Reach.UNKNOWN) {
          unplaced++;
        }
      }
      agreements += s.agreements().size();
      pending += s.pending().size();
      Status.statewide(s.agreements()).forEach(e -> statewide.add(statewide(e, false)));
      Status.statewide(s.pending()).forEach(e -> statewide.add(statewide(e, true)));
    }
    List<AgreementMap.Shade> top = new ArrayList<>(shades);
    top.removeIf(c -> c.agreements() == 0);
    top.sort(
        Comparator.comparingInt(AgreementMap.Shade::agreements)
            .reversed()
            .thenComparing(AgreementMap.Shade::fips));
    return new AgreementMap(
        place,
        agreementsAsOf,
        pendingAsOf,
        shades,
        statewide,
        unplaced,
        agreements,
        pending,
        byModel,
        top.subList(0, Math.min(AgreementMap.TOP, top.size())));
  }

  private static AgreementMap.Statewide statewide(Status.Entry e, boolean pending) {
    return new AgreementMap.Statewide(
        e.agreement().agency(), e.agreement().state(), e.agreement().model(), pending);
  }

  /** Each county of a state with its category; county names are unique within a state. */
  private List<AgreementMap.Shade> shades(UsState state, Status status) {
    Map<String, Category> categories = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (Status.Entry e : status.agreements()) {
      if (e.reach() != Status.Reach.COUNTIES) {
        continue;
      }
      Category category = Category.of(e.agreement().model());
      for (String county : e.counties()) {
        categories.merge(county, category, (a, b) -> a.broaderThan(b) ? a : b);
        counts.merge(county, 1, Integer::sum);
      }
    }
    for (Status.Entry e : status.pending()) {
      if (e.reach() == Status.Reach.COUNTIES) {
        e.counties().forEach(county -> categories.putIfAbsent(county, Category.PENDING));
      }
    }
    List<AgreementMap.Shade> shades = new ArrayList<>();
    for (County c : gazetteer.counties(state)) {
      shades.add(
          new AgreementMap.Shade(
              c.fips(),
              c.name(),
              state,
              categories.getOrDefault(c.name(), Category.NONE),
              counts.getOrDefault(c.name(), 0)));
    }
    shades.sort(Comparator.comparing(AgreementMap.Shade::fips));
    return shades;
  }
}
