package org.watch287g.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.AgencyType;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.UsState;

/**
 * Decides which counties an agreement covers: a sheriff its county, a city's police the counties
 * the city lies in, a state agency its whole state, a regional body its members.
 *
 * <p>The evidence, strongest first: the curated table; ICE's TYPE saying "State"; a county named in
 * the agency's name; a city or town named in it (looked up in the gazetteer, which knows every
 * county a city spreads over); a township or New England town named in it (a county subdivision,
 * which is a government but not a Census place); ICE's COUNTY column (typos corrected to the
 * closest county of the state). Where the agency's name and ICE's COUNTY disagree, the name wins,
 * because ICE's column has been seen wrong ("Bowie County" for Texarkana, Arkansas, which is Miller
 * County) while a city's counties come from the Census; but a name matched only loosely (a typo, or
 * a Census-designated place rather than a municipality) yields to ICE's column. A township name
 * that repeats within the state (Pennsylvania has 18 Union townships) is settled by ICE's column,
 * or reported as ambiguous: never guessed. An agency nothing places is {@link
 * Coverage.Basis#UNRESOLVED} and alerts its whole state.
 *
 * <p>Pure and thread-safe.
 */
public final class AgencyResolver {
  private final Gazetteer gazetteer;
  private final Subdivisions subdivisions;
  private final CuratedAgencies curated;

  AgencyResolver(Gazetteer gazetteer, Subdivisions subdivisions, CuratedAgencies curated) {
    this.gazetteer = gazetteer;
    this.subdivisions = subdivisions;
    this.curated = curated;
  }

  /** The resolver over the gazetteer, subdivisions and curated table shipped in the jar. */
  public static AgencyResolver bundled() {
    return new AgencyResolver(
        Gazetteer.bundled(), Subdivisions.bundled(), CuratedAgencies.bundled());
  }

  /** Where this agreement reaches. */
  public Coverage resolve(Agreement agreement) {
    return resolve(agreement.state(), agreement.agency(), agreement.type(), agreement.county());
  }

  /**
   * Where an agency reaches.
   *
   * @param type ICE's TYPE column, if any
   * @param iceCounty ICE's COUNTY column as written, if any
   */
  public Coverage resolve(
      UsState state, String agency, @Nullable AgencyType type, @Nullable String iceCounty) {
    AgencyName name = new AgencyName(agency);
    Optional<CuratedAgencies.Entry> entry = curated.find(state, agency);
    if (entry.isPresent()) {
      return fromCurated(state, entry.get());
    }
    Optional<IceCounty> ice = iceCounty(state, iceCounty);
    Optional<County> named = countyInName(state, name);
    if (named.isPresent()) {
      // Before TYPE: ICE has typed "Wicomico County Corrections Center" a State agency.
      return byCountyName(state, name, type, named.get(), ice);
    }
    if (type == AgencyType.STATE) {
      return Coverage.wholeState(
          state, Jurisdiction.STATE, Coverage.Basis.STATE_AGENCY, "ICE's TYPE says State");
    }
    // By name only where ICE gives no TYPE (lists before 2025): "Pennsylvania State Constable's
    // Office, Cooke Township" is typed a municipality, and is one.
    if (type == null && (name.startsWithStateName(state) || name.namesStateBody())) {
      return Coverage.wholeState(
          state, Jurisdiction.STATE, Coverage.Basis.STATE_AGENCY, "a state body by its name");
    }
    Optional<County> sheriffCity = sheriffWithoutCountyWord(state, name);
    if (sheriffCity.isPresent()) {
      return byCountyName(state, name, type, sheriffCity.get(), ice);
    }
    Optional<PlaceMatch> place = placeInName(state, name);
    if (place.isPresent() && place.get().strong()) {
      return byPlace(state, name, type, place.get(), ice);
    }
    // After a municipality of the right kind, before a Census-designated place, a GeoNames or
    // postal name or a loose match: "Sewickley Township" is not Sewickley borough, and a New
    // Hampshire town's police is the town's, not a village's of the same name.
    Optional<Coverage> township = bySubdivision(state, name, type, ice, place.isPresent());
    if (township.isPresent()) {
      return township.get();
    }
    if (place.isPresent()) {
      return byPlace(state, name, type, place.get(), ice);
    }
    if (ice.isPresent()) {
      return byIceCounty(state, name, type, ice.get(), "");
    }
    return Coverage.unresolved(
        state,
        level(name, type, Jurisdiction.OTHER),
        "no county, city or curated entry matches; alerting the whole state");
  }

  private static Coverage fromCurated(UsState state, CuratedAgencies.Entry entry) {
    String note = "curated: " + entry.source();
    return entry.statewide()
        ? Coverage.wholeState(state, entry.level(), Coverage.Basis.CURATED, note)
        : Coverage.counties(state, entry.level(), entry.fips(), Coverage.Basis.CURATED, note);
  }

  private Coverage byCountyName(
      UsState state,
      AgencyName name,
      @Nullable AgencyType type,
      County county,
      Optional<IceCounty> ice) {
    String note = "the name names " + county.label();
    if (ice.isPresent() && !ice.get().county().equals(county)) {
      note += "; ICE's COUNTY says " + ice.get().written() + ", but the name wins";
    }
    return Coverage.counties(
        state,
        level(name, type, Jurisdiction.COUNTY),
        Set.of(county.fips()),
        Coverage.Basis.AGENCY_NAME,
        note);
  }

  private Coverage byPlace(
      UsState state,
      AgencyName name,
      @Nullable AgencyType type,
      PlaceMatch match,
      Optional<IceCounty> ice) {
    Set<String> counties = match.place().counties();
    String where = match.place().name() + " (" + match.place().kind() + ")";
    if (ice.isPresent() && !counties.contains(ice.get().county().fips())) {
      if (!match.strong()) {
        return byIceCounty(
            state, name, type, ice.get(), "; " + where + " is only a loose match for the name");
      }
      return Coverage.counties(
          state,
          level(name, type, Jurisdiction.MUNICIPALITY),
          counties,
          Coverage.Basis.CITY_LOOKUP,
          where
              + " lies in "
              + counties
              + "; ICE's COUNTY says "
              + ice.get().written()
              + ", but the city's own counties win");
    }
    return Coverage.counties(
        state,
        level(name, type, Jurisdiction.MUNICIPALITY),
        counties,
        Coverage.Basis.CITY_LOOKUP,
        match.exact() ? Coverage.Confidence.EXACT : Coverage.Confidence.CORRECTED,
        where + " lies in " + counties + (match.exact() ? "" : " (name matched despite a typo)"));
  }

  /**
   * The township or town the name names, if the state has one of that name (and of that kind, when
   * the name says "Township" or "Town"). One county: that county. Several (the name repeats within
   * the state): ICE's COUNTY picks one of them, or the coverage is ambiguous. A bare name ("Candia
   * Police Department") that ICE's COUNTY places elsewhere yields to it, as a loose place match
   * does, and so does a bare name found in several counties when a looser place match exists; a
   * name that says "Township" yields to neither.
   */
  private Optional<Coverage> bySubdivision(
      UsState state,
      AgencyName name,
      @Nullable AgencyType type,
      Optional<IceCounty> ice,
      boolean placeToFallBackOn) {
    Optional<String> kind = name.subdivisionKind();
    if (kind.isEmpty() && name.municipalKind().isPresent()) {
      return Optional.empty(); // a city, borough or village: a place, not a subdivision
    }
    for (String candidate : name.subdivisionCandidates()) {
      List<Subdivisions.Subdivision> found =
          subdivisions.named(state, candidate).stream()
              .filter(s -> kind.isEmpty() || s.kind().endsWith(kind.get()))
              .toList();
      if (!found.isEmpty()) {
        return Optional.ofNullable(
            fromSubdivisions(state, name, type, found, kind, ice, placeToFallBackOn));
      }
    }
    return Optional.empty();
  }

  private @Nullable Coverage fromSubdivisions(
      UsState state,
      AgencyName name,
      @Nullable AgencyType type,
      List<Subdivisions.Subdivision> found,
      Optional<String> kind,
      Optional<IceCounty> ice,
      boolean placeToFallBackOn) {
    Set<String> counties = new TreeSet<>();
    found.forEach(s -> counties.add(s.countyFips()));
    String what = found.get(0).label();
    Jurisdiction level = level(name, type, Jurisdiction.MUNICIPALITY);
    String among = counties.size() + " counties (" + labels(counties) + ")";
    if (ice.isPresent() && counties.contains(ice.get().county().fips())) {
      String fips = ice.get().county().fips();
      String note =
          counties.size() == 1
              ? what + " (a county subdivision) lies in " + labels(Set.of(fips))
              : what + " is in " + among + "; ICE's COUNTY " + ice.get().written() + " picks one";
      Coverage.Confidence confidence =
          counties.size() > 1 && ice.get().corrected()
              ? Coverage.Confidence.CORRECTED
              : Coverage.Confidence.EXACT;
      return Coverage.counties(
          state, level, Set.of(fips), Coverage.Basis.SUBDIVISION, confidence, note);
    }
    if (kind.isEmpty() && (ice.isPresent() || (counties.size() > 1 && placeToFallBackOn))) {
      return null;
    }
    if (counties.size() == 1) {
      String note = what + " (a county subdivision) lies in " + labels(counties);
      if (ice.isPresent()) {
        note += "; ICE's COUNTY says " + ice.get().written() + ", but the " + what + " wins";
      }
      return Coverage.counties(
          state, level, counties, Coverage.Basis.SUBDIVISION, Coverage.Confidence.EXACT, note);
    }
    String why =
        ice.isPresent()
            ? "ICE's COUNTY " + ice.get().written() + " is none of them"
            : "ICE's COUNTY gives none";
    return Coverage.ambiguous(
        state, level, what + " is in " + among + " and " + why + "; alerting the whole state");
  }

  /** "Luzerne County, PA; Montour County, PA", in FIPS order. */
  private String labels(Set<String> fips) {
    List<String> labels = new ArrayList<>();
    for (String f : new TreeSet<>(fips)) {
      labels.add(gazetteer.county(f).map(County::label).orElse(f));
    }
    return String.join("; ", labels);
  }

  private static Coverage byIceCounty(
      UsState state, AgencyName name, @Nullable AgencyType type, IceCounty ice, String more) {
    Coverage.Basis basis =
        ice.corrected() ? Coverage.Basis.ICE_COUNTY_CORRECTED : Coverage.Basis.ICE_COUNTY;
    String note =
        ice.corrected()
            ? "ICE's COUNTY '" + ice.written() + "' read as " + ice.county().label()
            : "ICE's COUNTY " + ice.county().label();
    return Coverage.counties(
        state,
        level(name, type, Jurisdiction.MUNICIPALITY),
        Set.of(ice.county().fips()),
        basis,
        note + more);
  }

  /** ICE's COUNTY cell, read as a county of the state, typos allowed. */
  record IceCounty(String written, County county, boolean corrected) {}

  private Optional<IceCounty> iceCounty(UsState state, @Nullable String written) {
    if (written == null || written.isBlank()) {
      return Optional.empty();
    }
    List<County> exact = gazetteer.countiesNamed(state, written);
    if (exact.size() == 1) {
      return Optional.of(new IceCounty(written, exact.get(0), false));
    }
    List<County> close = gazetteer.closestCounties(state, written, typoBudget(written));
    if (!close.isEmpty()) {
      return Optional.of(new IceCounty(written, close.get(0), true));
    }
    return Optional.empty();
  }

  private Optional<County> countyInName(UsState state, AgencyName name) {
    for (String candidate : name.countyCandidates(state)) {
      List<County> found = gazetteer.countiesNamed(state, candidate);
      if (found.size() == 1) {
        return Optional.of(found.get(0));
      }
    }
    return Optional.empty();
  }

  private Optional<County> sheriffWithoutCountyWord(UsState state, AgencyName name) {
    for (String candidate : name.sheriffPlaceCandidates()) {
      for (String form : List.of(candidate + " city", candidate)) {
        List<County> found = gazetteer.countiesNamed(state, form);
        if (found.size() == 1) {
          return Optional.of(found.get(0));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A place the name names.
   *
   * @param exact found under its own name rather than the closest spelling
   * @param strong an exact match to a municipality: strong enough to overrule ICE's COUNTY
   */
  record PlaceMatch(PlaceCounties place, boolean exact, boolean strong) {}

  private Optional<PlaceMatch> placeInName(UsState state, AgencyName name) {
    List<String> candidates = name.placeCandidates();
    Optional<String> kind = name.municipalKind();
    for (String candidate : candidates) {
      List<PlaceCounties> found = gazetteer.places(state, candidate);
      if (!found.isEmpty()) {
        // "Mohawk Village" is the village, not the town of Mohawk; a "Township" the gazetteer
        // does not list is not the borough of the same name.
        Optional<PlaceCounties> sameKind =
            kind.flatMap(k -> found.stream().filter(p -> sameKind(p, k)).findFirst());
        PlaceCounties best = sameKind.orElse(found.get(0));
        boolean strong = best.incorporated() && (kind.isEmpty() || sameKind.isPresent());
        return Optional.of(new PlaceMatch(best, true, strong));
      }
    }
    for (String candidate : candidates) {
      List<PlaceCounties> longer = gazetteer.placesStartingWith(state, candidate);
      if (longer.size() == 1) {
        return Optional.of(new PlaceMatch(longer.get(0), false, false));
      }
    }
    for (String candidate : candidates) {
      List<PlaceCounties> close = gazetteer.closestPlaces(state, candidate, typoBudget(candidate));
      if (!close.isEmpty()) {
        return Optional.of(new PlaceMatch(close.get(0), false, false));
      }
    }
    return Optional.empty();
  }

  private static boolean sameKind(PlaceCounties place, String kind) {
    return place.kind().equals(kind) || place.kind().equals("ny-" + kind);
  }

  /** Typos allowed in a name: none in very short names, one in short ones, two in longer. */
  private static int typoBudget(String name) {
    int letters = Names.fold(name).replace(" ", "").length();
    return letters < 4 ? 0 : letters < 8 ? 1 : 2;
  }

  private static Jurisdiction level(
      AgencyName name, @Nullable AgencyType type, Jurisdiction fallback) {
    if (name.namesRegionalBody()) {
      return Jurisdiction.REGIONAL;
    }
    if (name.namesOtherBody()) {
      return Jurisdiction.OTHER;
    }
    if (type == AgencyType.COUNTY) {
      return Jurisdiction.COUNTY;
    }
    if (type == AgencyType.MUNICIPALITY) {
      return Jurisdiction.MUNICIPALITY;
    }
    return fallback;
  }
}
