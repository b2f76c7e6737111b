package org.watch287g.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every county by each name it can be called, for {@link CountyQuery}: its full name ("harris
 * county"), its name without the kind ("harris") and, for an independent city, its name without
 * "city" ("fairfax" for Fairfax city). Keys are folded and joined ("miamidade"), so "Miami Dade",
 * "Miami-Dade" and "MiamiDade" meet.
 */
final class NameIndex {
  /** How a name was matched, best first. */
  enum Tier {
    /** The full name, kind included: "Harris County", "St. Louis city". */
    FULL,
    /** The name without its kind: "Harris" for Harris County. */
    SHORT,
    /** An independent city's name without "city": "Fairfax" for Fairfax city. */
    CITY_BARE
  }

  /** A county and how well a name matched it. */
  record Hit(County county, Tier tier) {}

  /** A county a misspelt name is close to; lower scores are closer. */
  record Near(County county, int score) {}

  /** A name to compare misspellings with: folded, joined, and whether it drops "city". */
  private record Spelling(County county, String key, boolean cityBare) {}

  /** Orders counties that fit equally well: by state name, then by FIPS code. */
  static final Comparator<County> BY_STATE =
      Comparator.comparing((County c) -> c.state().title()).thenComparing(County::fips);

  private final Map<String, List<Hit>> byKey = new HashMap<>();
  private final Map<String, String> kinds = new HashMap<>();
  private final List<Spelling> spellings = new ArrayList<>();

  NameIndex(Iterable<County> counties) {
    for (County c : counties) {
      String full = Names.fold(c.name());
      String shortName = Names.fold(c.shortName());
      put(full, c, Tier.FULL);
      put(shortName, c, Tier.SHORT);
      spellings.add(new Spelling(c, joined(shortName), false));
      String bare = cityWithoutCity(c);
      if (bare != null) {
        put(Names.fold(bare), c, Tier.CITY_BARE);
        spellings.add(new Spelling(c, joined(Names.fold(bare)), true));
      }
      kinds.put(c.fips(), kindOf(c, full, shortName));
    }
  }

  private void put(String folded, County county, Tier tier) {
    List<Hit> hits = byKey.computeIfAbsent(joined(folded), k -> new ArrayList<>());
    // A name that is both full and short ("Guam", "St. Louis city") keeps its better tier.
    if (hits.stream().noneMatch(h -> h.county().equals(county))) {
      hits.add(new Hit(county, tier));
    }
  }

  /** "Fairfax" for "Fairfax city"; null for a county or for "Carson City", whose City is named. */
  static @Nullable String cityWithoutCity(County county) {
    String name = county.name();
    return name.endsWith(" city") ? name.substring(0, name.length() - " city".length()) : null;
  }

  /** The county's kind as Census writes it ("county", "parish", "census area", "city", ""). */
  private static String kindOf(County county, String full, String shortName) {
    if (cityWithoutCity(county) != null) {
      return "city";
    }
    return full.equals(shortName) ? "" : full.substring(shortName.length()).trim();
  }

  private static String joined(String folded) {
    return folded.replace(" ", "");
  }

  /** The kind of a county, as {@link Reading#kind} spells kinds. */
  String kind(County county) {
    return kinds.getOrDefault(county.fips(), "");
  }

  /**
   * The counties a reading names exactly, in its state if it has one, each once with its best tier,
   * best first, then by state name. When a kind was written and some county has that full name,
   * only those count: "Orleans Parish" is not Orleans County, Vermont.
   */
  List<Hit> exact(Reading reading) {
    Map<County, Tier> best = new LinkedHashMap<>();
    if (reading.kind() != null) {
      for (Hit h : byKey.getOrDefault(reading.joinedWithKind(), List.of())) {
        best.put(h.county(), Tier.FULL);
      }
    }
    for (Hit h : byKey.getOrDefault(reading.joined(), List.of())) {
      best.merge(h.county(), h.tier(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    List<Hit> hits = new ArrayList<>();
    best.forEach((county, tier) -> hits.add(new Hit(county, tier)));
    hits.removeIf(h -> reading.state() != null && h.county().state() != reading.state());
    if (reading.kind() != null && hits.stream().anyMatch(h -> h.tier() == Tier.FULL)) {
      hits.removeIf(h -> h.tier() != Tier.FULL);
    }
    hits.sort(Comparator.comparing(Hit::tier).thenComparing(Hit::county, BY_STATE));
    return List.copyOf(hits);
  }

  /**
   * The counties whose name is closest to a misspelt one, within the typos its length allows (none
   * up to 3 letters, one up to 5, two beyond), in the reading's state if it has one. Ties all come
   * back, by state name. At equal distance a name with the first letter written beats one without
   * ("hariss" is Harris, not Maries), then a county of the kind written beats another kind.
   */
  List<Near> closest(Reading reading, int maxTypos) {
    String target = reading.joined();
    String kindWritten = reading.kind();
    List<Near> near = new ArrayList<>();
    for (Spelling spelling : spellings) {
      County c = spelling.county();
      if (reading.state() != null && c.state() != reading.state()) {
        continue;
      }
      int d = Names.distance(target, spelling.key(), maxTypos);
      if (d <= maxTypos) {
        // Among equally close names, people mistype a first letter least, then the kind.
        boolean otherStart = target.isEmpty() || spelling.key().charAt(0) != target.charAt(0);
        boolean otherKind = kindWritten != null && !kindWritten.equals(kind(c));
        int score =
            d * 8 + (otherStart ? 4 : 0) + (otherKind ? 2 : 0) + (spelling.cityBare() ? 1 : 0);
        near.add(new Near(c, score));
      }
    }
    int bestScore = near.stream().mapToInt(Near::score).min().orElse(0);
    return near.stream()
        .filter(n -> n.score() == bestScore)
        .sorted(Comparator.comparing(Near::county, BY_STATE))
        .distinct()
        .toList();
  }

  /** How many typos a name of this many letters may carry and still be read. */
  static int typosAllowed(int letters) {
    if (letters <= 3) {
      return 0;
    }
    return letters <= 5 ? 1 : 2;
  }
}
