package org.watch287g.geo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.UsState;

/**
 * Reads what a person writes for a county, or a whole state, and completes what they are typing.
 *
 * <p>{@link #parse} forgives case, accents, punctuation, "St."/"Saint", the county kind written or
 * not ("County", "Parish", "Co.", "cnty") and a state after the name ("harris tx", "Harris County,
 * Texas") or spelt out before it. It reads, and the first step that finds something decides:
 *
 * <ol>
 *   <li>a 5-digit FIPS code, current or of 2010 ({@link Gazetteer#successors}); 4 digits are a code
 *       that lost its leading zero;
 *   <li>a state's code or name alone: the whole state ("LA" is Louisiana; "Washington" the state,
 *       "Washington County" the counties);
 *   <li>a county's name. Without "city" a name means the county: "Fairfax" is Fairfax County,
 *       "Fairfax city" the independent city. A name that is both a county and, elsewhere in its
 *       state, a city ("Houston TX": Houston County, and the city in Harris County) is ambiguous;
 *   <li>a city or town: the county it lies in ("Hialeah FL": Miami-Dade County);
 *   <li>a misspelt county ("hariss tx", "miami dad");
 *   <li>with a state written, a misspelt city or town of that state.
 * </ol>
 *
 * <p>Text longer than {@link #MAX_LENGTH} is not read. No input throws. The notes in results are
 * short facts ("Hialeah, FL is in Miami-Dade County"); what to say to the person is for whoever
 * shows the result.
 *
 * <p>Immutable and thread-safe; build one per gazetteer and share it.
 */
public final class CountyQuery {
  /** The longest text {@link #parse} and {@link #complete} read. */
  public static final int MAX_LENGTH = 200;

  /** How many suggestions a {@link NoMatch} offers at most. */
  static final int SUGGESTIONS = 5;

  private static final Pattern SPACE = Pattern.compile(" ");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  private final Gazetteer gazetteer;
  private final NameIndex names;
  private final PlaceLookup places;
  private final Completions completions;

  /**
   * Indexes the gazetteer's counties: some hundreds of milliseconds on a cold JVM and about 3 MB of
   * heap, so build one and share it.
   */
  public CountyQuery(Gazetteer gazetteer) {
    this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    this.names = new NameIndex(gazetteer.allCounties());
    this.places = new PlaceLookup(gazetteer);
    this.completions = new Completions(gazetteer.allCounties());
  }

  /** What a query came to. */
  public sealed interface Result permits CountyMatch, StateMatch, Ambiguous, NoMatch {
    /**
     * The counties to show: the match alone, the candidates, or the suggestions (none for a state).
     */
    List<County> candidates();
  }

  /** How the text led to the county. */
  public enum Basis {
    /** Its name (or, if {@link CountyMatch#corrected}, a misspelling of it). */
    NAME,
    /** Its FIPS code. */
    FIPS,
    /** The 2010 FIPS code it replaced. */
    OLD_FIPS,
    /** A city or town in it (or a misspelling of one). */
    PLACE
  }

  /**
   * One county.
   *
   * @param county the county
   * @param basis how the text led to it
   * @param corrected whether the text was read as a misspelling: worth confirming with the person
   * @param note a short fact worth showing ("Hialeah, FL is in Miami-Dade County", "also Fairfax
   *     city, VA"), or "" when there is none
   * @param place the one city or town the text named, when that is how it led to the county (so
   *     that a reply can say where the city lies in its own words); null otherwise
   */
  public record CountyMatch(
      County county, Basis basis, boolean corrected, String note, @Nullable PlaceCounties place)
      implements Result {
    public CountyMatch {
      Objects.requireNonNull(county, "county");
      Objects.requireNonNull(note, "note");
    }

    /** A match that did not come through one named city or town. */
    public CountyMatch(County county, Basis basis, boolean corrected, String note) {
      this(county, basis, corrected, note, null);
    }

    @Override
    public List<County> candidates() {
      return List.of(county);
    }
  }

  /** A whole state: its code or name alone ("TX", "texas", "N.C."). */
  public record StateMatch(UsState state) implements Result {
    @Override
    public List<County> candidates() {
      return List.of();
    }
  }

  /**
   * Several counties fit equally well, or nearly: the best first (by how exactly the name matched,
   * then by state name), then the others that fit. Never fewer than two.
   *
   * @param note a short fact ("Houston, TX is mostly in Harris County"), or ""
   */
  public record Ambiguous(List<County> candidates, String note) implements Result {
    public Ambiguous {
      candidates = List.copyOf(candidates);
      Objects.requireNonNull(note, "note");
    }
  }

  /**
   * Nothing fits.
   *
   * @param message a short statement of what was not found, e.g. {@code no county, state or place
   *     is called "asdfgh"}
   * @param suggestions the closest counties, at most five, where any are close; may be empty
   */
  public record NoMatch(String message, List<County> suggestions) implements Result {
    public NoMatch {
      Objects.requireNonNull(message, "message");
      suggestions = List.copyOf(suggestions);
    }

    @Override
    public List<County> candidates() {
      return suggestions;
    }
  }

  /**
   * A completion to offer while a person types.
   *
   * @param label what to show, e.g. "Harris County, TX" or "Texas (whole state)"
   * @param value what to send back: {@link #parse} reads it as exactly this county (its FIPS code)
   *     or state (its code)
   */
  public record Suggestion(String label, String value) {}

  /** Reads a person's text; see the class comment for how. Never throws for any text. */
  public Result parse(String text) {
    if (text.length() > MAX_LENGTH) {
      return new NoMatch("longer than " + MAX_LENGTH + " characters", List.of());
    }
    String folded = Names.fold(text);
    if (folded.isEmpty()) {
      return new NoMatch("nothing to look up", List.of());
    }
    List<String> words = List.of(SPACE.split(folded, -1));
    List<String> code = words.get(0).equals("fips") ? words.subList(1, words.size()) : words;
    if (!code.isEmpty() && code.stream().allMatch(w -> DIGITS.matcher(w).matches())) {
      return byFips(String.join("", code));
    }
    Optional<UsState> state =
        DIGITS.matcher(folded).find() ? Optional.empty() : UsState.parse(folded);
    if (state.isPresent()) {
      return new StateMatch(state.get());
    }
    List<Reading> readings = Reading.of(words);
    if (readings.isEmpty()) {
      return new NoMatch("no county is called \"" + folded + "\"", List.of());
    }
    Result found = byName(readings);
    if (found == null) {
      found = byPlace(readings);
    }
    if (found == null) {
      found = byMisspeltName(readings);
    }
    if (found == null) {
      found = byMisspeltPlace(readings);
    }
    return found == null ? noMatch(readings.get(0)) : found;
  }

  private Result byFips(String digits) {
    String code = digits.length() == 4 ? "0" + digits : digits;
    if (code.length() != 5) {
      return new NoMatch("a county's FIPS code has 5 digits, not " + digits.length(), List.of());
    }
    Optional<County> county = gazetteer.county(code);
    if (county.isPresent()) {
      return new CountyMatch(county.get(), Basis.FIPS, false, "");
    }
    List<County> successors = gazetteer.successors(code);
    if (successors.size() == 1) {
      County now = successors.get(0);
      return new CountyMatch(
          now, Basis.OLD_FIPS, false, code + " is a 2010 code, now " + now.fips());
    }
    if (successors.size() > 1) {
      return new Ambiguous(successors, "2010 code " + code + " was split");
    }
    return new NoMatch("no county has FIPS code " + code, List.of());
  }

  /** Step 3: a county's name, in the reading that matches best (a state-bearing one on ties). */
  private @Nullable Result byName(List<Reading> readings) {
    Reading reading = null;
    List<NameIndex.Hit> hits = List.of();
    for (Reading r : readings) {
      List<NameIndex.Hit> h = names.exact(r);
      if (!h.isEmpty() && (hits.isEmpty() || h.get(0).tier().compareTo(hits.get(0).tier()) < 0)) {
        reading = r;
        hits = h;
      }
    }
    if (reading == null) {
      return null;
    }
    List<County> counties = hits.stream().map(NameIndex.Hit::county).toList();
    NameIndex.Tier bestTier = hits.get(0).tier();
    List<County> best =
        hits.stream().filter(h -> h.tier() == bestTier).map(h -> h.county()).toList();
    Collisions cities = reading.kind() == null ? collisions(reading, counties) : Collisions.NONE;
    if (best.size() == 1 && cities.counties().isEmpty()) {
      List<String> others =
          counties.subList(1, counties.size()).stream().map(County::label).toList();
      String note = others.isEmpty() ? "" : "also " + PlaceLookup.and(others);
      return new CountyMatch(best.get(0), Basis.NAME, false, note);
    }
    Set<County> all = new LinkedHashSet<>(counties);
    all.addAll(cities.counties());
    return new Ambiguous(List.copyOf(all), cities.note());
  }

  /** Cities named like the counties found but lying elsewhere in their states, and a note. */
  private record Collisions(List<County> counties, String note) {
    static final Collisions NONE = new Collisions(List.of(), "");
  }

  private Collisions collisions(Reading reading, List<County> counties) {
    List<County> extra = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (UsState s : counties.stream().map(County::state).distinct().toList()) {
      for (PlaceCounties city : places.cities(s, reading.spaced())) {
        if (counties.stream().noneMatch(c -> city.shares().containsKey(c.fips()))) {
          extra.addAll(places.counties(List.of(city)));
          notes.add(places.note(List.of(city)));
        }
      }
    }
    return extra.isEmpty() ? Collisions.NONE : new Collisions(extra, String.join("; ", notes));
  }

  /** Step 4: a city or town, with a state first, else in any state. */
  private @Nullable Result byPlace(List<Reading> readings) {
    for (Reading r : readings) {
      List<PlaceCounties> found = places.named(r);
      if (!found.isEmpty()) {
        return fromPlaces(found, false);
      }
    }
    return null;
  }

  private @Nullable Result fromPlaces(List<PlaceCounties> found, boolean corrected) {
    List<County> counties = places.counties(found);
    String note = places.note(found);
    if (counties.isEmpty()) {
      return null;
    }
    if (counties.size() == 1) {
      PlaceCounties place = found.size() == 1 ? found.get(0) : null;
      return new CountyMatch(counties.get(0), Basis.PLACE, corrected, note, place);
    }
    return new Ambiguous(counties, note);
  }

  /**
   * Step 5: the closest county names. When a state was written, only readings with it count:
   * "harris fl" is no misspelling of "harris".
   */
  private @Nullable Result byMisspeltName(List<Reading> readings) {
    List<NameIndex.Near> best = List.of();
    for (Reading r : withStateIfAny(readings)) {
      List<NameIndex.Near> near = names.closest(r, NameIndex.typosAllowed(r.joined().length()));
      if (!near.isEmpty() && (best.isEmpty() || near.get(0).score() < best.get(0).score())) {
        best = near;
      }
    }
    if (best.isEmpty()) {
      return null;
    }
    if (best.size() == 1) {
      return new CountyMatch(best.get(0).county(), Basis.NAME, true, "");
    }
    return new Ambiguous(best.stream().map(NameIndex.Near::county).toList(), "");
  }

  private static List<Reading> withStateIfAny(List<Reading> readings) {
    List<Reading> withState = readings.stream().filter(r -> r.state() != null).toList();
    return withState.isEmpty() ? readings : withState;
  }

  /** Step 6: the closest city or town of the state written. */
  private @Nullable Result byMisspeltPlace(List<Reading> readings) {
    for (Reading r : readings) {
      UsState state = r.state();
      if (state == null) {
        continue;
      }
      int typos = NameIndex.typosAllowed(r.joined().length());
      List<PlaceCounties> near =
          typos == 0 ? List.of() : gazetteer.closestPlaces(state, r.spaced(), typos);
      if (!near.isEmpty()) {
        return fromPlaces(List.of(near.get(0)), true);
      }
    }
    return null;
  }

  private NoMatch noMatch(Reading reading) {
    UsState state = reading.state();
    String message =
        state == null
            ? "no county, state or place is called \"" + reading.spaced() + "\""
            : "no county or place in " + state.title() + " is called \"" + reading.spaced() + "\"";
    Set<County> suggestions = new LinkedHashSet<>();
    names.exact(new Reading(reading.name(), reading.kind(), null)).stream()
        .map(NameIndex.Hit::county)
        .forEach(suggestions::add);
    suggestions.addAll(completions.counties(reading.spaced(), state, SUGGESTIONS));
    if (suggestions.isEmpty() && state != null) {
      suggestions.addAll(completions.counties(reading.spaced(), null, SUGGESTIONS));
    }
    return new NoMatch(message, suggestions.stream().limit(SUGGESTIONS).toList());
  }

  /**
   * Completions for what a person has typed so far, best first, at most {@code limit} (Discord
   * allows 25): the states it names or starts to name ("tx", "tex", "new "), then counties whose
   * name starts with it ("harr", "harris t", "st lou", "doña"), then counties with a later word
   * that does ("dade"), then names it is a misspelt start of ("hariss"). Digits complete FIPS codes
   * ("48" lists Texas's counties in code order). Nothing typed yet lists the states. Each {@link
   * Suggestion#value} reads back through {@link #parse} as exactly what it labels.
   *
   * <p>Uses an index built with this object: on a warm JVM about 5-15 µs a call, under 0.1 ms at
   * the 99th percentile (see {@code CountyQueryTimings} in the tests).
   */
  public List<Suggestion> complete(String prefix, int limit) {
    if (limit <= 0 || prefix.length() > MAX_LENGTH) {
      return List.of();
    }
    String folded = Completions.foldPrefix(prefix);
    List<Suggestion> out = new ArrayList<>();
    if (!folded.chars().allMatch(Character::isDigit) || folded.isEmpty()) {
      for (UsState s : completions.states(folded)) {
        if (out.size() < limit) {
          out.add(new Suggestion(s.title() + " (whole state)", s.code()));
        }
      }
    }
    for (County c : completions.counties(folded, null, limit - out.size())) {
      out.add(new Suggestion(c.label(), c.fips()));
    }
    return List.copyOf(out);
  }
}
