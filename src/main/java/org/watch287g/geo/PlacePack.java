package org.watch287g.geo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.watch287g.dataset.UsState;

/**
 * The gazetteer's places without an object per place: names and folded names as bytes in one array
 * each with offsets, a byte for the kind, the county shares as a short (a county code's index) and
 * a double each, and, per state, the places' numbers sorted by folded name and by joined name
 * ("dekalb") so that a name is a binary search. About 2 MB for the 42,000 places, where a {@link
 * PlaceCounties} each and a hash map of 84,000 name keys took about 13 MB; a {@link PlaceCounties}
 * is made when one is asked for.
 *
 * <p>Places are numbered by state, in the order they were read within their state: the order in
 * which lookups return equals.
 */
// A state's ordinal numbers its range of places in memory only; nothing stores it.
@SuppressWarnings("EnumOrdinal")
final class PlacePack {
  private static final Pattern COMMA = Pattern.compile(",");
  private static final byte SPACE = ' ';

  static final PlacePack EMPTY = new Builder().build();

  private final UsState[] states = UsState.values();

  /** Where each state's places start (by ordinal); one more for where the last ends. */
  private final int[] stateStarts;

  private final byte[] names;
  private final int[] nameStarts;
  private final byte[] folded;
  private final int[] foldedStarts;
  private final String[] kinds;
  private final byte[] kindOf;
  private final boolean[] kindIncorporated;
  private final int[] shareStarts;
  private final String[] fips;
  private final short[] shareCounty;
  private final double[] shareValue;

  /** Within each state's range: place numbers by folded name, then number. */
  private final int[] byFolded;

  /** Within each state's range: place numbers by folded name without spaces, then number. */
  private final int[] byJoined;

  private PlacePack(Builder b, int[] order) {
    int n = order.length;
    stateStarts = new int[states.length + 1];
    for (int i = 0; i < n; i++) {
      stateStarts[b.state.get(order[i]).ordinal() + 1]++;
    }
    for (int s = 0; s < states.length; s++) {
      stateStarts[s + 1] += stateStarts[s];
    }
    nameStarts = new int[n + 1];
    foldedStarts = new int[n + 1];
    kindOf = new byte[n];
    shareStarts = new int[n + 1];
    byte[][] nameBytes = new byte[n][];
    byte[][] foldedBytes = new byte[n][];
    int shares = 0;
    for (int i = 0; i < n; i++) {
      int p = order[i];
      nameBytes[i] = b.name.get(p).getBytes(StandardCharsets.UTF_8);
      foldedBytes[i] = Names.fold(b.name.get(p)).getBytes(StandardCharsets.UTF_8);
      nameStarts[i + 1] = nameStarts[i] + nameBytes[i].length;
      foldedStarts[i + 1] = foldedStarts[i] + foldedBytes[i].length;
      kindOf[i] = b.kind.get(p);
      shares += b.shareCounty.get(p).length;
      shareStarts[i + 1] = shares;
    }
    names = new byte[nameStarts[n]];
    folded = new byte[foldedStarts[n]];
    shareCounty = new short[shares];
    shareValue = new double[shares];
    for (int i = 0; i < n; i++) {
      int p = order[i];
      System.arraycopy(nameBytes[i], 0, names, nameStarts[i], nameBytes[i].length);
      System.arraycopy(foldedBytes[i], 0, folded, foldedStarts[i], foldedBytes[i].length);
      System.arraycopy(
          b.shareCounty.get(p), 0, shareCounty, shareStarts[i], b.shareCounty.get(p).length);
      System.arraycopy(
          b.shareValue.get(p), 0, shareValue, shareStarts[i], b.shareValue.get(p).length);
    }
    kinds = b.kinds.toArray(new String[0]);
    kindIncorporated = new boolean[kinds.length];
    for (int k = 0; k < kinds.length; k++) {
      kindIncorporated[k] =
          !kinds[k].equals("cdp") && !kinds[k].equals("geonames") && !kinds[k].equals("postal");
    }
    fips = b.fips.toArray(new String[0]);
    byFolded = sortedWithinStates(false);
    byJoined = sortedWithinStates(true);
  }

  private int[] sortedWithinStates(boolean joined) {
    Integer[] order = new Integer[nameStarts.length - 1];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Comparator<Integer> byName =
        (x, y) -> {
          int c = compare(x, folded, foldedStarts[y], foldedStarts[y + 1], joined);
          return c != 0 ? c : Integer.compare(x, y);
        };
    for (int s = 0; s < states.length; s++) {
      Arrays.sort(order, stateStarts[s], stateStarts[s + 1], byName);
    }
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  /**
   * Compares place {@code i}'s folded name with {@code key[from, to)}, unsigned bytes, both without
   * their spaces when {@code joined}.
   */
  private int compare(int i, byte[] key, int from, int to, boolean joined) {
    int a = foldedStarts[i];
    int aEnd = foldedStarts[i + 1];
    int b = from;
    while (true) {
      if (joined) {
        while (a < aEnd && folded[a] == SPACE) {
          a++;
        }
        while (b < to && key[b] == SPACE) {
          b++;
        }
      }
      if (a == aEnd || b == to) {
        return (a == aEnd ? 0 : 1) - (b == to ? 0 : 1);
      }
      int c = Integer.compare(folded[a] & 0xff, key[b] & 0xff);
      if (c != 0) {
        return c;
      }
      a++;
      b++;
    }
  }

  int start(UsState state) {
    return stateStarts[state.ordinal()];
  }

  int end(UsState state) {
    return stateStarts[state.ordinal() + 1];
  }

  boolean incorporated(int i) {
    return kindIncorporated[kindOf[i]];
  }

  /** Place {@code i}'s name as {@link Names#fold} gives it. */
  String folded(int i) {
    return new String(
        folded, foldedStarts[i], foldedStarts[i + 1] - foldedStarts[i], StandardCharsets.UTF_8);
  }

  PlaceCounties place(int i) {
    Map<String, Double> shares = new HashMap<>();
    for (int s = shareStarts[i]; s < shareStarts[i + 1]; s++) {
      shares.put(fips[shareCounty[s]], shareValue[s]);
    }
    return new PlaceCounties(
        states[stateOf(i)],
        new String(names, nameStarts[i], nameStarts[i + 1] - nameStarts[i], StandardCharsets.UTF_8),
        kinds[kindOf[i]],
        shares);
  }

  private int stateOf(int i) {
    int s = Arrays.binarySearch(stateStarts, i);
    if (s < 0) {
      return -s - 2;
    }
    // Several states may start here (those without places): the last of them holds it.
    while (stateStarts[s + 1] == i) {
      s++;
    }
    return s;
  }

  /**
   * The places of a state whose folded name is {@code key} (or, {@code joined}, whose name without
   * spaces is), municipalities first, then Census-designated places, GeoNames names last, each in
   * the order read.
   */
  List<PlaceCounties> named(UsState state, String key, boolean joined) {
    int[] index = joined ? byJoined : byFolded;
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    int lo = start(state);
    int hi = end(state);
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(index[mid], k, 0, k.length, joined) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    List<Integer> found = new ArrayList<>(1);
    for (int i = lo; i < end(state) && compare(index[i], k, 0, k.length, joined) == 0; i++) {
      found.add(index[i]);
    }
    if (found.isEmpty()) {
      return List.of();
    }
    found.sort(
        Comparator.comparing((Integer p) -> !incorporated(p))
            .thenComparing(p -> kinds[kindOf[p]].equals("geonames")));
    PlaceCounties[] places = new PlaceCounties[found.size()];
    for (int i = 0; i < places.length; i++) {
      places[i] = place(found.get(i));
    }
    return List.of(places);
  }

  /** The municipalities of a state whose folded name starts with {@code prefix}, in order read. */
  List<PlaceCounties> incorporatedStartingWith(UsState state, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
    List<PlaceCounties> found = new ArrayList<>();
    for (int i = start(state); i < end(state); i++) {
      if (incorporated(i) && startsWith(i, p)) {
        found.add(place(i));
      }
    }
    return found;
  }

  private boolean startsWith(int i, byte[] prefix) {
    int from = foldedStarts[i];
    if (foldedStarts[i + 1] - from < prefix.length) {
      return false;
    }
    for (int j = 0; j < prefix.length; j++) {
      if (folded[from + j] != prefix[j]) {
        return false;
      }
    }
    return true;
  }

  /** Collects places as they are read; {@link #build} packs them. */
  static final class Builder {
    private final List<UsState> state = new ArrayList<>();
    private final List<String> name = new ArrayList<>();
    private final List<Byte> kind = new ArrayList<>();
    private final List<short[]> shareCounty = new ArrayList<>();
    private final List<double[]> shareValue = new ArrayList<>();
    private final List<String> kinds = new ArrayList<>();
    private final List<String> fips = new ArrayList<>();
    private final Map<String, Integer> kindNumbers = new HashMap<>();
    private final Map<String, Integer> fipsNumbers = new HashMap<>();

    /**
     * One row of {@code places.tsv}: state, name, kind, and "county:share" pairs joined by commas
     * ("48201:0.9953,48157:0.0047").
     */
    void add(UsState placeState, String placeName, String placeKind, String shares) {
      state.add(placeState);
      name.add(placeName);
      kind.add(
          (byte)
              (int)
                  kindNumbers.computeIfAbsent(
                      placeKind,
                      k -> {
                        kinds.add(k);
                        return kinds.size() - 1;
                      }));
      String[] parts = COMMA.split(shares, -1);
      short[] counties = new short[parts.length];
      double[] values = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        int colon = parts[i].indexOf(':');
        counties[i] =
            (short)
                (int)
                    fipsNumbers.computeIfAbsent(
                        parts[i].substring(0, colon),
                        f -> {
                          fips.add(f);
                          return fips.size() - 1;
                        });
        values[i] = Double.parseDouble(parts[i].substring(colon + 1));
      }
      shareCounty.add(counties);
      shareValue.add(values);
      if (kinds.size() > Byte.MAX_VALUE || fips.size() > Short.MAX_VALUE) {
        throw new IllegalStateException("too many place kinds or counties to pack");
      }
    }

    PlacePack build() {
      Integer[] order = new Integer[state.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      // Stable: within a state, places keep the order they were read in.
      Arrays.sort(order, Comparator.comparingInt(i -> state.get(i).ordinal()));
      return new PlacePack(this, Arrays.stream(order).mapToInt(Integer::intValue).toArray());
    }
  }
}
