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
   * Every place, packed for a small heap (the bot is to run in 64 MB): 42,000 places were an object
   * each with a map of shares, and 84,000 name keys in a hash map, about 13 MB. Filled by {@link
   * #read}, then read-only.
   */
  private PlacePack places = PlacePack.EMPTY;

  private PlacePack.@Nullable Builder placesWhileReading = new PlacePack.Builder();

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
    g.places = Objects.requireNonNull(g.placesWhileReading).build();
    g.placesWhileReading = null;
    return g;
  }

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
    Objects.requireNonNull(placesWhileReading).add(state, f[1], f[2], f[3]);
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
    String folded = Names.fold(name);
    List<PlaceCounties> found = places.named(state, folded, false);
    return found.isEmpty() ? places.named(state, folded.replace(" ", ""), true) : found;
  }

  /**
   * The municipalities of a state whose name begins with {@code name} as whole words: "Sunny Isles"
   * finds Sunny Isles Beach. For agency names that shorten their town's.
   */
  public List<PlaceCounties> placesStartingWith(UsState state, String name) {
    return places.incorporatedStartingWith(state, Names.fold(name) + " ");
  }

  /**
   * The places of a state whose name is within {@code maxTypos} typos of {@code name}, closest
   * first, municipalities first among equals; for ICE's "Indiatlantic" (Indialantic, FL).
   *
   * <p>A name known only from GeoNames or the postal list (thick with hamlets) is offered only when
   * the name is long and one typo away: "Pittsburgh" finds Pittsburg, New Hampshire, but "Harris"
   * does not find the hamlet of Parrish.
   */
  public List<PlaceCounties> closestPlaces(UsState state, String name, int maxTypos) {
    String target = Names.fold(name);
    boolean longName = target.replace(" ", "").length() >= 8;
    List<Scored<Integer>> scored = new ArrayList<>();
    int end = places.end(state);
    for (int i = places.start(state); i < end; i++) {
      boolean incorporated = places.incorporated(i);
      int limit = incorporated ? maxTypos : longName ? Math.min(1, maxTypos) : 0;
      if (limit == 0) {
        continue;
      }
      int d = Names.distance(target, places.folded(i), limit);
      if (d <= limit) {
        scored.add(new Scored<>(i, incorporated ? d * 2 : d * 2 + 1));
      }
    }
    List<PlaceCounties> found = new ArrayList<>();
    for (int i : Scored.best(scored)) {
      found.add(places.place(i));
    }
    return List.copyOf(found);
  }

  /** A candidate and how far it is from what was asked. */
  private record Scored<T>(T value, int distance) {
    static <T> List<T> best(List<Scored<T>> scored) {
      scored.sort(Comparator.comparingInt(Scored::distance));
      return scored.stream().map(Scored::value).toList();
    }
  }
}
