package org.watch287g.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.UsState;

/**
 * One way to read a query's words: a name, the county kind written after it (if any) and the state
 * written before or after it (if any). "harris county tx" reads as name "harris", kind "county",
 * state Texas; it also reads as name "harris county tx" alone, which finds nothing.
 *
 * @param name the folded words of the name, kind and state removed; never empty
 * @param kind the county kind written, spelt as the Census spells it ("county", "parish", "census
 *     area"...), or null when none was
 * @param state the state written, or null when none was
 */
record Reading(List<String> name, @Nullable String kind, @Nullable UsState state) {
  /** Kinds as people write them, to the Census spelling. "city" is no kind: it is in the name. */
  private static final Map<String, String> KIND_WORDS =
      Map.ofEntries(
          Map.entry("county", "county"),
          Map.entry("cnty", "county"),
          Map.entry("cty", "county"),
          Map.entry("co", "county"),
          Map.entry("parish", "parish"),
          Map.entry("par", "parish"),
          Map.entry("borough", "borough"),
          Map.entry("boro", "borough"),
          Map.entry("municipio", "municipio"),
          Map.entry("municipality", "municipality"),
          Map.entry("district", "district"),
          Map.entry("island", "island"),
          Map.entry("islands", "islands"));

  private static final List<String> LONG_KINDS =
      List.of("city and borough", "census area", "planning region");

  /** Kinds misspelt often enough to be recognised within two typos. */
  private static final List<String> LOOSE_KINDS = List.of("county", "parish");

  /**
   * Well-known short names, read as the name they stand for (key: joined name, "|", kind or "").
   */
  private static final Map<String, String> ALIASES =
      Map.of(
          "la|county", "los angeles",
          "pg|county", "prince georges",
          "nyc|", "new york city",
          "matsu|", "matanuska susitna",
          "matsu|borough", "matanuska susitna");

  /** At most this many words name a state ("commonwealth of the northern mariana islands"). */
  private static final int MAX_STATE_WORDS = 5;

  Reading {
    name = List.copyOf(name);
  }

  /** The name without spaces, as the name index keys it ("miamidade", "dekalb"). */
  String joined() {
    return String.join("", name);
  }

  /** The name with single spaces, as the gazetteer's place index folds it. */
  String spaced() {
    return String.join(" ", name);
  }

  /** The name with its kind, without spaces ("harriscounty"); the name alone without a kind. */
  String joinedWithKind() {
    return kind == null ? joined() : joined() + kind.replace(" ", "");
  }

  /**
   * Every reading of the folded words: each with a state named after (or, spelt out, before) the
   * name first, then the words as a name alone. Empty for words that name nothing but a state.
   */
  static List<Reading> of(List<String> folded) {
    List<String> words = withoutCountry(folded);
    List<Reading> readings = new ArrayList<>();
    int n = words.size();
    for (int k = Math.min(MAX_STATE_WORDS, n - 1); k >= 1; k--) {
      Optional<UsState> after = UsState.parse(String.join(" ", words.subList(n - k, n)));
      if (after.isPresent()) {
        add(readings, withoutTrailingIn(words.subList(0, n - k)), after.get());
      }
      String first = String.join("", words.subList(0, k));
      Optional<UsState> before = UsState.parse(first);
      // Only a state spelt out may come first: "la salle" and "de witt" are names, not states.
      if (before.isPresent() && first.length() > 3) {
        add(readings, words.subList(k, n), before.get());
      }
    }
    add(readings, words, null);
    return List.copyOf(readings);
  }

  private static void add(List<Reading> readings, List<String> words, @Nullable UsState state) {
    List<String> name = new ArrayList<>(words);
    @Nullable String kind = moveKindOfToEnd(name);
    if (kind == null) {
      kind = stripKind(name);
    }
    String alias = ALIASES.get(String.join("", name) + "|" + (kind == null ? "" : kind));
    if (alias != null) {
      name = List.of(alias.split(" ", -1));
    }
    // "county" left over from "Washington County" read as the state Washington names nothing;
    // "Island" from "Island County" does.
    boolean onlyAKind = kind == null && name.size() == 1 && KIND_WORDS.containsKey(name.get(0));
    if (!name.isEmpty() && !onlyAKind) {
      readings.add(new Reading(name, kind, state));
    }
  }

  /**
   * "county of los angeles" -> "los angeles" (kind county); "city of fairfax" -> "fairfax city";
   * "town of hempstead" -> "hempstead". Returns the kind moved, if any.
   */
  private static @Nullable String moveKindOfToEnd(List<String> name) {
    if (name.size() < 3 || !name.get(1).equals("of")) {
      return null;
    }
    String first = name.get(0);
    name.subList(0, 2).clear();
    return switch (first) {
      case "city" -> {
        name.add("city");
        yield null;
      }
      case "county", "parish", "borough" -> first;
      case "town", "village" -> null;
      default -> {
        name.add(0, "of");
        name.add(0, first);
        yield null;
      }
    };
  }

  /** Removes a trailing kind ("county", "co", "cnty", "census area", "parrish") and returns it. */
  private static @Nullable String stripKind(List<String> name) {
    for (String kind : LONG_KINDS) {
      List<String> words = List.of(kind.split(" ", -1));
      if (name.size() > words.size() && endsWith(name, words)) {
        name.subList(name.size() - words.size(), name.size()).clear();
        return kind;
      }
    }
    if (name.size() < 2) {
      return null;
    }
    String last = name.get(name.size() - 1);
    String kind = KIND_WORDS.get(last);
    if (kind == null && last.length() >= 4) {
      kind =
          LOOSE_KINDS.stream()
              .filter(k -> Names.distance(last, k, 2) <= 2)
              .findFirst()
              .orElse(null);
    }
    if (kind != null) {
      name.remove(name.size() - 1);
    }
    return kind;
  }

  private static boolean endsWith(List<String> name, List<String> words) {
    return name.subList(name.size() - words.size(), name.size()).equals(words);
  }

  /** "harris county in texas": the "in" goes with the state. */
  private static List<String> withoutTrailingIn(List<String> words) {
    int n = words.size();
    return n > 1 && words.get(n - 1).equals("in") ? words.subList(0, n - 1) : words;
  }

  /** "Harris County, TX, USA": the country says nothing. */
  private static List<String> withoutCountry(List<String> words) {
    int n = words.size();
    if (n > 1 && words.get(n - 1).equals("usa")) {
      return words.subList(0, n - 1);
    }
    if (n > 2 && words.subList(n - 2, n).equals(List.of("united", "states"))) {
      return words.subList(0, n - 2);
    }
    return words;
  }
}
