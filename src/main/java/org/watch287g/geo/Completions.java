package org.watch287g.geo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.EditDistance;
import org.watch287g.dataset.UsState;

/**
 * The autocomplete index behind {@link CountyQuery#complete}: every way of starting to write each
 * county ("harris t", "harris county, tex", "saint lou", "dade" for Miami-Dade), in one sorted
 * array, so a prefix is a binary search and a short scan.
 *
 * <p>Counties are numbered in the order people are shown them (name, then state name), so sorting
 * the numbers of the counties found ranks them. Immutable; each call allocates what it needs.
 */
final class Completions {
  private static final Pattern SPACE = Pattern.compile(" ");

  /** A key from the start of a name: "harris tx". */
  private static final byte NAME_START = 1;

  /** A key from a later word of a name: "dade fl" for Miami-Dade. */
  private static final byte WORD_START = 2;

  /** Fold spells these words short; people typing may not have finished the long form yet. */
  private static final Map<String, String> SPELT_OUT =
      Map.of("st", "saint", "ste", "sainte", "ft", "fort", "mt", "mount");

  /** The states' names folded, by ordinal. */
  private static final Map<UsState, String> FOLDED_TITLES = new EnumMap<>(UsState.class);

  static {
    for (UsState s : UsState.values()) {
      FOLDED_TITLES.put(s, Names.fold(s.title()));
    }
  }

  private final County[] ranked;

  /**
   * Every key's text, ASCII (folded), one after another in sorted order, with where each starts
   * (and one more for where the last ends): a String per key cost about 40 bytes more than its
   * text, for tens of thousands of keys.
   */
  private final byte[] keys;

  private final int[] keyStarts;
  private final int[] owners;
  private final byte[] kinds;
  private final County[] byFips;
  private final String[] fips;
  private final String[] fuzzyNames;
  private final int[][] fuzzyOwners;
  private final List<UsState> statesByTitle;

  /** One key: where it leads and whether it starts the name. */
  private record Key(String text, int owner, byte kind) {}

  Completions(Iterable<County> counties) {
    Map<County, String> folded = new HashMap<>();
    counties.forEach(c -> folded.put(c, Names.fold(c.shortName())));
    List<County> all = new ArrayList<>(folded.keySet());
    all.sort(
        Comparator.comparing((County c) -> folded.getOrDefault(c, ""))
            .thenComparing(NameIndex.BY_STATE));
    ranked = all.toArray(new County[0]);
    List<Key> built = new ArrayList<>();
    Map<String, List<Integer>> names = new LinkedHashMap<>();
    for (int i = 0; i < ranked.length; i++) {
      addKeys(built, i, ranked[i]);
      names.computeIfAbsent(folded.getOrDefault(ranked[i], ""), k -> new ArrayList<>()).add(i);
    }
    built.sort(Comparator.comparing(Key::text).thenComparingInt(Key::kind));
    keyStarts = new int[built.size() + 1];
    for (int i = 0; i < built.size(); i++) {
      keyStarts[i + 1] = keyStarts[i] + built.get(i).text().length();
    }
    keys = new byte[keyStarts[built.size()]];
    for (int i = 0; i < built.size(); i++) {
      byte[] text = built.get(i).text().getBytes(StandardCharsets.ISO_8859_1);
      System.arraycopy(text, 0, keys, keyStarts[i], text.length);
    }
    owners = built.stream().mapToInt(Key::owner).toArray();
    kinds = new byte[built.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = built.get(i).kind();
    }
    byFips = all.stream().sorted(Comparator.comparing(County::fips)).toArray(County[]::new);
    fips = Arrays.stream(byFips).map(County::fips).toArray(String[]::new);
    fuzzyNames = names.keySet().toArray(new String[0]);
    fuzzyOwners =
        names.values().stream()
            .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);
    statesByTitle =
        Arrays.stream(UsState.values()).sorted(Comparator.comparing(UsState::title)).toList();
  }

  private static void addKeys(List<Key> keys, int owner, County c) {
    Set<String> starts = new LinkedHashSet<>();
    String shortName = Names.fold(c.shortName());
    starts.add(shortName);
    starts.add(Names.fold(c.name()));
    starts.add(shortName.replace(" ", ""));
    String bare = NameIndex.cityWithoutCity(c);
    if (bare != null) {
      starts.add(Names.fold(bare));
    }
    for (String s : List.copyOf(starts)) {
      starts.add(spelledOut(s));
    }
    Set<String> words = new LinkedHashSet<>();
    for (String s : List.of(shortName, spelledOut(shortName))) {
      for (int i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) {
        words.add(s.substring(i + 1));
      }
    }
    words.removeAll(starts);
    String code = c.state().code().toLowerCase(Locale.ROOT);
    String title = FOLDED_TITLES.getOrDefault(c.state(), "");
    for (String s : starts) {
      keys.add(new Key(s + " " + code, owner, NAME_START));
      keys.add(new Key(s + " " + title, owner, NAME_START));
    }
    for (String s : words) {
      keys.add(new Key(s + " " + code, owner, WORD_START));
      keys.add(new Key(s + " " + title, owner, WORD_START));
    }
  }

  /** "st louis" -> "saint louis"; a name without such words comes back as it was. */
  private static String spelledOut(String folded) {
    StringBuilder out = new StringBuilder();
    for (String word : SPACE.split(folded, -1)) {
      out.append(out.length() == 0 ? "" : " ").append(SPELT_OUT.getOrDefault(word, word));
    }
    return out.toString();
  }

  /**
   * Folds what a person has typed so far; a trailing space stays, since "san " has finished its
   * word and should not complete to "Sanborn".
   */
  static String foldPrefix(String typed) {
    String folded = Names.fold(typed);
    boolean wordEnded =
        !typed.isEmpty() && Character.isWhitespace(typed.charAt(typed.length() - 1));
    return wordEnded && !folded.isEmpty() ? folded + " " : folded;
  }

  /** The states a folded prefix names or starts to name, its code or full name first. */
  List<UsState> states(String folded) {
    String p = folded.trim();
    if (p.isEmpty()) {
      return statesByTitle;
    }
    List<UsState> exact = new ArrayList<>();
    List<UsState> started = new ArrayList<>();
    for (UsState s : statesByTitle) {
      String title = FOLDED_TITLES.getOrDefault(s, "");
      if (p.equals(s.code().toLowerCase(Locale.ROOT)) || p.equals(title)) {
        exact.add(s);
      } else if (p.length() >= 2 && title.startsWith(p)) {
        started.add(s);
      }
    }
    exact.addAll(started);
    return exact;
  }

  /**
   * The counties a folded prefix starts to name, in {@code state} when it is not null: names that
   * start with it, then names with a later word that does, then names it is a misspelt start of;
   * each group in name then state order. At most {@code limit}.
   */
  List<County> counties(String folded, @Nullable UsState state, int limit) {
    if (limit <= 0 || folded.isBlank()) {
      return List.of();
    }
    if (folded.chars().allMatch(Character::isDigit)) {
      return byFipsPrefix(folded, state, limit);
    }
    byte[] best = new byte[ranked.length];
    List<Integer> touched = new ArrayList<>();
    byte[] prefix = folded.getBytes(StandardCharsets.ISO_8859_1);
    int count = keyStarts.length - 1;
    for (int i = lowerBound(prefix); i < count && keyStartsWith(i, prefix); i++) {
      int o = owners[i];
      if (state != null && ranked[o].state() != state) {
        continue;
      }
      if (best[o] == 0) {
        touched.add(o);
      }
      if (best[o] == 0 || kinds[i] < best[o]) {
        best[o] = kinds[i];
      }
    }
    List<County> found = new ArrayList<>();
    for (byte kind : new byte[] {NAME_START, WORD_START}) {
      touched.stream()
          .filter(o -> best[o] == kind)
          .sorted()
          .limit(limit - (long) found.size())
          .forEach(o -> found.add(ranked[o]));
    }
    // Misspellings only when nothing is spelt right: "harr" should not go on to "Arroyo".
    if (found.isEmpty()) {
      addMisspelt(found, folded.trim(), state, limit);
    }
    return List.copyOf(found);
  }

  private List<County> byFipsPrefix(String digits, @Nullable UsState state, int limit) {
    List<County> found = new ArrayList<>();
    int i = Arrays.binarySearch(fips, digits);
    for (i = i < 0 ? -i - 1 : i; i < fips.length && fips[i].startsWith(digits); i++) {
      if (found.size() == limit) {
        break;
      }
      if (state == null || byFips[i].state() == state) {
        found.add(byFips[i]);
      }
    }
    return found;
  }

  /** The first key not before {@code prefix}. */
  private int lowerBound(byte[] prefix) {
    int lo = 0;
    int hi = keyStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compareKey(mid, prefix) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Key {@code i} against {@code text}, as {@link String#compareTo} orders ASCII. */
  private int compareKey(int i, byte[] text) {
    int from = keyStarts[i];
    int length = keyStarts[i + 1] - from;
    int n = Math.min(length, text.length);
    for (int j = 0; j < n; j++) {
      int c = (keys[from + j] & 0xff) - (text[j] & 0xff);
      if (c != 0) {
        return c;
      }
    }
    return length - text.length;
  }

  private boolean keyStartsWith(int i, byte[] prefix) {
    int from = keyStarts[i];
    if (keyStarts[i + 1] - from < prefix.length) {
      return false;
    }
    for (int j = 0; j < prefix.length; j++) {
      if (keys[from + j] != prefix[j]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Adds the counties whose name starts with something a typo or two away from {@code typed}
   * ("hariss", "jeferson p"), closest first, from four letters on (as {@link
   * NameIndex#typosAllowed}). "hariss tx" looks in Texas.
   */
  private void addMisspelt(List<County> found, String typed, @Nullable UsState state, int limit) {
    String name = typed;
    UsState in = state;
    int space = typed.lastIndexOf(' ');
    if (in == null && space > 0) {
      Optional<UsState> written = UsState.parse(typed.substring(space + 1));
      if (written.isPresent()) {
        in = written.get();
        name = typed.substring(0, space);
      }
    }
    int maxTypos = NameIndex.typosAllowed(name.replace(" ", "").length());
    if (maxTypos == 0) {
      return;
    }
    EditDistance distance = new EditDistance(name, maxTypos);
    List<int[]> near = new ArrayList<>();
    for (int n = 0; n < fuzzyNames.length; n++) {
      int d = distance.toStartOf(fuzzyNames[n]);
      if (d <= maxTypos) {
        // "hariss" is a misspelt Harris before it is a misspelt start of Haralson.
        boolean whole = Names.distance(name, fuzzyNames[n], maxTypos) <= maxTypos;
        for (int o : fuzzyOwners[n]) {
          if ((in == null || ranked[o].state() == in) && !found.contains(ranked[o])) {
            near.add(new int[] {whole ? d : d + maxTypos + 1, o});
          }
        }
      }
    }
    near.sort(Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> a[1]));
    for (int[] n : near) {
      if (found.size() >= limit) {
        break;
      }
      found.add(ranked[n[1]]);
    }
  }
}
