package org.watch287g.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.watch287g.dataset.UsState;

/**
 * The county subdivisions that are governments: Pennsylvania's and the Midwest's townships, New
 * England's and New York's towns, Maine's plantations (Census 2020, {@code
 * gazetteer/subdivisions.tsv}, made by {@code tools/build-gazetteer.py}). Each lies in exactly one
 * county; many names repeat within a state (Pennsylvania has a Union township in 18 counties), so a
 * lookup returns every subdivision of the name and leaves the choice to the caller.
 *
 * <p>Packed for a small heap (the bot is to run in 64 MB): per state, the 18,000 folded names sit
 * in one string, sorted, with an array of offsets, a byte for the kind and a short for the county,
 * and no object per subdivision. Read-only and thread-safe once built.
 */
final class Subdivisions {
  private static final Pattern TAB = Pattern.compile("\t");

  /** The kind words, in the order they were first read; a kind is its index here. */
  private final List<String> kinds;

  private final Map<UsState, Packed> byState;

  private Subdivisions(List<String> kinds, Map<UsState, Packed> byState) {
    this.kinds = kinds;
    this.byState = byState;
  }

  /** A subdivision: its name without the kind word, the kind word ("township"), its county. */
  record Subdivision(String name, String kind, String countyFips) {
    /** "Derry township", or the name alone when the Census gives no kind word. */
    String label() {
      return kind.isEmpty() ? name : name + " " + kind;
    }
  }

  /** One state's subdivisions, sorted by folded name. */
  @SuppressWarnings("ArrayRecordComponent")
  private record Packed(
      String folded, int[] starts, String[] names, byte[] kinds, short[] counties, String prefix) {
    int size() {
      return kinds.length;
    }

    String foldedAt(int i) {
      int end = i + 1 < starts.length ? starts[i + 1] : folded.length();
      return folded.substring(starts[i], end);
    }
  }

  /** The table shipped in the jar, loaded on first use. */
  static Subdivisions bundled() {
    return Bundled.INSTANCE;
  }

  private static final class Bundled {
    static final Subdivisions INSTANCE = load();

    private static Subdivisions load() {
      InputStream in = Subdivisions.class.getResourceAsStream("/gazetteer/subdivisions.tsv");
      if (in == null) {
        throw new IllegalStateException("the jar lacks /gazetteer/subdivisions.tsv");
      }
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return read(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("the jar's subdivision table cannot be read", e);
      }
    }
  }

  /** One row being read. */
  private record Row(String folded, String name, byte kind, short county) {}

  /** Reads the tab-separated table: state, name, kind word ("-" for none), county FIPS. */
  static Subdivisions read(BufferedReader reader) throws IOException {
    List<String> kinds = new ArrayList<>();
    Map<UsState, List<Row>> rows = new EnumMap<>(UsState.class);
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      String[] f = TAB.split(line, -1);
      String bad = line;
      UsState state = UsState.parse(f[0]).orElseThrow(() -> new IllegalStateException(bad));
      String kind = f[2].equals("-") ? "" : f[2];
      int k = kinds.indexOf(kind);
      if (k < 0) {
        kinds.add(kind);
        k = kinds.size() - 1;
      }
      if (!f[3].startsWith(state.fips()) || f[3].length() != 5) {
        throw new IllegalStateException("a county of another state: " + line);
      }
      rows.computeIfAbsent(state, s -> new ArrayList<>())
          .add(new Row(Names.fold(f[1]), f[1], (byte) k, Short.parseShort(f[3].substring(2), 10)));
    }
    Map<UsState, Packed> byState = new EnumMap<>(UsState.class);
    rows.forEach((state, list) -> byState.put(state, pack(state, list)));
    return new Subdivisions(List.copyOf(kinds), byState);
  }

  private static Packed pack(UsState state, List<Row> rows) {
    rows.sort(Comparator.comparing(Row::folded));
    StringBuilder folded = new StringBuilder();
    int[] starts = new int[rows.size()];
    byte[] kinds = new byte[rows.size()];
    short[] counties = new short[rows.size()];
    // The display name is kept only where rebuilding it from the folded words would not give it
    // back ("McAdoo", "Mount Carmel", accents); elsewhere it costs nothing.
    String[] names = new String[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      starts[i] = folded.length();
      folded.append(r.folded());
      kinds[i] = r.kind();
      counties[i] = r.county();
      if (!capitalised(r.folded()).equals(r.name())) {
        names[i] = r.name();
      }
    }
    return new Packed(folded.toString(), starts, names, kinds, counties, state.fips());
  }

  /**
   * The subdivisions of a state with this name (without its kind word: "Derry", "South Middleton",
   * "Mt. Carmel"), of every kind and county, in county order; empty when none has it.
   */
  List<Subdivision> named(UsState state, String name) {
    Packed p = byState.get(state);
    if (p == null) {
      return List.of();
    }
    String key = Names.fold(name);
    int lo = 0;
    int hi = p.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (p.foldedAt(mid).compareTo(key) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    List<Subdivision> found = new ArrayList<>();
    for (int i = lo; i < p.size() && p.foldedAt(i).equals(key); i++) {
      String county = p.prefix() + String.format(Locale.ROOT, "%03d", p.counties()[i]);
      found.add(new Subdivision(displayName(p, i), kinds.get(p.kinds()[i]), county));
    }
    found.sort(Comparator.comparing(Subdivision::countyFips));
    return found;
  }

  private static String displayName(Packed p, int i) {
    return p.names()[i] != null ? p.names()[i] : capitalised(p.foldedAt(i));
  }

  private static String capitalised(String folded) {
    String[] words = folded.split(" ", -1);
    for (int w = 0; w < words.length; w++) {
      if (!words[w].isEmpty()) {
        words[w] = Character.toUpperCase(words[w].charAt(0)) + words[w].substring(1);
      }
    }
    return String.join(" ", words);
  }

  /** How many subdivisions each state has, for tests and figures. */
  Map<UsState, Integer> counts() {
    Map<UsState, Integer> counts = new LinkedHashMap<>();
    byState.forEach((state, p) -> counts.put(state, p.size()));
    return counts;
  }
}
