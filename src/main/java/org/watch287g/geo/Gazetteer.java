package org.watch287g.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.UsState;

/**
 * Every U.S. county and county-equivalent (2023 vintage, with the 2010 codes they replaced), and
 * every Census place and New York town with the counties it lies in; more names from GeoNames.
 *
 * <p>Built once from {@code gazetteer/counties.tsv} and {@code gazetteer/places.tsv} (made by
 * {@code tools/build-gazetteer.py}; sources and licences in NOTICE), then read-only and
 * thread-safe. Names are compared after {@link Names#fold folding}, so case, accents, punctuation
 * and "St." vs "Saint" never matter.
 */
public final class Gazetteer {
  private static final Pattern TAB = Pattern.compile("\t");
  private static final Pattern COMMA = Pattern.compile(",");

  private final Map<String, County> byFips = new LinkedHashMap<>();
  private final Map<String, List<County>> successors = new HashMap<>();
  private final Map<UsState, List<County>> byState = new EnumMap<>(UsState.class);
  private final Map<String, List<County>> countiesByName = new HashMap<>();

  /**
   * Each place name key to its one place, or to a {@code PlaceCounties[]} when several share it
   * (municipalities first). Most of the 84,000 keys name a single place, and a list per key was
   * about 80 bytes of {@code ArrayList} and spare array each: a third of the gazetteer's heap.
   * Filled from {@code placesByNameWhileReading}, which {@link #read} then drops.
   */
  private Map<String, Object> placesByName = Map.of();

  private @Nullable Map<String, List<PlaceCounties>> placesByNameWhileReading = new HashMap<>();

  /**
   * The strings many places share, kept once: the Census suffixes ("city", "cdp"...) and the county
   * codes (every place repeats its county's), and the population share 1.0.
   */
  private final Map<String, String> shared = new HashMap<>();

  private static final Double WHOLE = 1.0;
  private final Map<UsState, List<PlaceCounties>> placesByState = new EnumMap<>(UsState.class);

  /**
   * Each place's name as {@link Names#fold} gives it, kept with the place: folding (Unicode
   * normalisation and regexes) every place of a state again for each fuzzy lookup made resolving a
   * publication's agencies the slowest step of an ingest. Folded per state on first use, in the
   * order of {@code placesByState}, so that start-up does not pay for states nobody asks about.
   */
  private final Map<UsState, List<String>> foldedNames = new ConcurrentHashMap<>();

  private Gazetteer() {}

  /** The gazetteer shipped in the jar, loaded on first use. */
  public static Gazetteer bundled() {
    return Bundled.INSTANCE;
  }

  /**
   * Starts loading the bundled gazetteer on a background thread, for a caller that will need it
   * soon and has other work first (the bot reading its configuration): {@link #bundled} then waits
   * only for what is left.
   */
  public static void loadInBackground() {
    Thread loader = new Thread(Gazetteer::bundled, "gazetteer");
    loader.setDaemon(true);
    loader.start();
  }

  private static final class Bundled {
    static final Gazetteer INSTANCE = load();

    private static Gazetteer load() {
      try (BufferedReader counties = resource("counties.tsv");
          BufferedReader places = resource("places.tsv")) {
        return read(counties, places);
      } catch (IOException e) {
        throw new UncheckedIOException("the jar's gazetteer cannot be read", e);
      }
    }

    private static BufferedReader resource(String name) {
      InputStream in = Gazetteer.class.getResourceAsStream("/gazetteer/" + name);
      if (in == null) {
        throw new IllegalStateException("the jar lacks /gazetteer/" + name);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
  }

  /** Reads the two tab-separated tables (formats in {@code tools/build-gazetteer.py}). */
  static Gazetteer read(BufferedReader counties, BufferedReader places) throws IOException {
    Gazetteer g = new Gazetteer();
    for (String line = counties.readLine(); line != null; line = counties.readLine()) {
      g.addCounty(TAB.split(line, -1));
    }
    for (String line = places.readLine(); line != null; line = places.readLine()) {
      g.addPlace(TAB.split(line, -1));
    }
    g.packPlaceNames();
    return g;
  }

  private void packPlaceNames() {
    Map<String, List<PlaceCounties>> lists = Objects.requireNonNull(placesByNameWhileReading);
    Map<String, Object> packed = new HashMap<>(lists.size() * 4 / 3 + 1);
    for (Map.Entry<String, List<PlaceCounties>> entry : lists.entrySet()) {
      List<PlaceCounties> list = entry.getValue();
      list.sort(INCORPORATED_FIRST);
      packed.put(
          entry.getKey(), list.size() == 1 ? list.get(0) : list.toArray(new PlaceCounties[0]));
    }
    placesByName = packed;
    placesByNameWhileReading = null;
    placesByState.values().forEach(list -> ((ArrayList<PlaceCounties>) list).trimToSize());
    shared.clear();
  }

  private String shared(String value) {
    return shared.computeIfAbsent(value, v -> v);
  }

  private static final Comparator<PlaceCounties> INCORPORATED_FIRST =
      Comparator.comparing((PlaceCounties p) -> !p.incorporated())
          .thenComparing(p -> p.kind().equals("geonames"));

  private void addCounty(String[] f) {
    UsState state = UsState.parse(f[1]).orElseThrow(() -> new IllegalStateException(f[1]));
    County county = new County(f[0], state, f[2]);
    byFips.put(county.fips(), county);
    byState.computeIfAbsent(state, s -> new ArrayList<>()).add(county);
    for (String key : nameKeys(state, county.shortName())) {
      countiesByName.computeIfAbsent(key, k -> new ArrayList<>()).add(county);
    }
    if (!f[3].isEmpty()) {
      for (String old : COMMA.split(f[3], -1)) {
        successors.computeIfAbsent(old, k -> new ArrayList<>()).add(county);
      }
    }
  }

  private void addPlace(String[] f) {
    UsState state = UsState.parse(f[0]).orElseThrow(() -> new IllegalStateException(f[0]));
    Map<String, Double> shares = new HashMap<>();
    for (String part : COMMA.split(f[3], -1)) {
      int colon = part.indexOf(':');
      double share = Double.parseDouble(part.substring(colon + 1));
      // Both arms boxed: a bare double arm would unbox WHOLE and box a new Double per place.
      Double boxed = share == 1.0 ? WHOLE : Double.valueOf(share);
      shares.put(shared(part.substring(0, colon)), boxed);
    }
    PlaceCounties place = new PlaceCounties(state, f[1], shared(f[2]), shares);
    placesByState.computeIfAbsent(state, s -> new ArrayList<>()).add(place);
    Map<String, List<PlaceCounties>> lists = Objects.requireNonNull(placesByNameWhileReading);
    for (String key : nameKeys(state, place.name())) {
      lists.computeIfAbsent(key, k -> new ArrayList<>(1)).add(place);
    }
  }

  /** A name is found folded ("de kalb") and with its spaces removed ("dekalb"). */
  private static List<String> nameKeys(UsState state, String name) {
    String folded = Names.fold(name);
    String joined = folded.replace(" ", "");
    String prefix = state.code() + "|";
    return List.of(prefix + folded, prefix + "~" + joined);
  }

  private static String key(UsState state, String name) {
    return state.code() + "|" + Names.fold(name);
  }

  private static String joinedKey(UsState state, String name) {
    return state.code() + "|~" + Names.fold(name).replace(" ", "");
  }

  /** The county with this FIPS code (2023 vintage). */
  public Optional<County> county(String fips) {
    return Optional.ofNullable(byFips.get(fips));
  }

  /**
   * The counties that replaced a 2010 code, e.g. "46113" (Shannon County, SD) -> Oglala Lakota
   * County; empty for a code that is current or unknown.
   */
  public List<County> successors(String oldFips) {
    return successors.getOrDefault(oldFips, List.of());
  }

  /** Every county, in FIPS order. */
  public Collection<County> allCounties() {
    return byFips.values();
  }

  /** The counties of a state, in FIPS order; empty for a state without any listed. */
  public List<County> counties(UsState state) {
    return byState.getOrDefault(state, List.of());
  }

  /**
   * The counties of a state with this name, written any way: "Harris", "Harris County", "ORLEANS
   * PARISH", "St. Louis city", "Saint Louis County", "Miami Dade", "Dona Ana", "DeKalb". A name
   * without "city" means the county ("Baltimore" is Baltimore County, not Baltimore city). Usually
   * one county; empty when none has the name.
   */
  public List<County> countiesNamed(UsState state, String name) {
    String bare = Names.withoutCountyKind(name.trim());
    List<County> found = countiesByName.get(key(state, bare));
    if (found == null) {
      found = countiesByName.get(joinedKey(state, bare));
    }
    return found == null ? List.of() : List.copyOf(found);
  }

  /**
   * The counties of a state whose name is within {@code maxTypos} typos (insertions, deletions,
   * substitutions, swaps) of {@code name}, closest first; for ICE's "Pulaksi County", "Lexignton
   * County", "Calacasieu Parish".
   */
  public List<County> closestCounties(UsState state, String name, int maxTypos) {
    String target = Names.foldWithoutKindLoosely(name);
    List<Scored<County>> scored = new ArrayList<>();
    for (County c : counties(state)) {
      int d = Names.distance(target, Names.fold(c.shortName()), maxTypos);
      if (d <= maxTypos) {
        scored.add(new Scored<>(c, d));
      }
    }
    return Scored.best(scored);
  }

  /**
   * The places of a state with this name (without its Census suffix: "Yoakum", "Fort Myers", "Ft.
   * Myers"), municipalities before Census-designated places and GeoNames names.
   */
  public List<PlaceCounties> places(UsState state, String name) {
    Object found = placesByName.get(key(state, name));
    if (found == null) {
      found = placesByName.get(joinedKey(state, name));
    }
    if (found instanceof PlaceCounties one) {
      return List.of(one);
    }
    return found == null ? List.of() : List.of((PlaceCounties[]) found);
  }

  /**
   * The municipalities of a state whose name begins with {@code name} as whole words: "Sunny Isles"
   * finds Sunny Isles Beach. For agency names that shorten their town's.
   */
  public List<PlaceCounties> placesStartingWith(UsState state, String name) {
    String prefix = Names.fold(name) + " ";
    List<PlaceCounties> places = placesByState.getOrDefault(state, List.of());
    List<String> folded = folded(state);
    List<PlaceCounties> found = new ArrayList<>();
    for (int i = 0; i < places.size(); i++) {
      if (places.get(i).incorporated() && folded.get(i).startsWith(prefix)) {
        found.add(places.get(i));
      }
    }
    return found;
  }

  /**
   * The places of a state whose name is within {@code maxTypos} typos of {@code name}, closest
   * first, municipalities first among equals; for ICE's "Indiatlantic" (Indialantic, FL).
   *
   * <p>A name known only from GeoNames or the postal list (thick with hamlets) is offered only when
   * the name is long and one typo away: "Pittsburgh" finds Pittsburg, New Hampshire, but "Harris"
   * does not find the hamlet of Parrish.
   */
  private List<String> folded(UsState state) {
    return foldedNames.computeIfAbsent(
        state,
        s ->
            placesByState.getOrDefault(s, List.of()).stream()
                .map(place -> Names.fold(place.name()))
                .toList());
  }

  public List<PlaceCounties> closestPlaces(UsState state, String name, int maxTypos) {
    String target = Names.fold(name);
    boolean longName = target.replace(" ", "").length() >= 8;
    List<Scored<PlaceCounties>> scored = new ArrayList<>();
    List<PlaceCounties> places = placesByState.getOrDefault(state, List.of());
    List<String> folded = folded(state);
    for (int i = 0; i < places.size(); i++) {
      PlaceCounties p = places.get(i);
      int limit = p.incorporated() ? maxTypos : longName ? Math.min(1, maxTypos) : 0;
      if (limit == 0) {
        continue;
      }
      int d = Names.distance(target, folded.get(i), limit);
      if (d <= limit) {
        scored.add(new Scored<>(p, p.incorporated() ? d * 2 : d * 2 + 1));
      }
    }
    return Scored.best(scored);
  }

  /** A candidate and how far it is from what was asked. */
  private record Scored<T>(T value, int distance) {
    static <T> List<T> best(List<Scored<T>> scored) {
      scored.sort(Comparator.comparingInt(Scored::distance));
      return scored.stream().map(Scored::value).toList();
    }
  }
}
