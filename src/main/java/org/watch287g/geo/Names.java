package org.watch287g.geo;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.watch287g.dataset.EditDistance;

/**
 * How place names are compared: people and ICE write "St. Luice", "Saint Lucie", "DOÑA ANA" and
 * "Miami Dade"; {@link #fold} makes them comparable by dropping case, accents, punctuation and the
 * spelling of common abbreviations.
 */
final class Names {
  /** County kinds that end a county's name; "city" is left alone (see {@link County#shortName}). */
  private static final Pattern COUNTY_KIND =
      Pattern.compile(
          "\\s+(county|parish|borough|census area|city and borough|municipality|planning region"
              + "|municipio|district|islands?)$",
          Pattern.CASE_INSENSITIVE);

  /** Kinds ICE misspells at the end of a COUNTY cell. */
  private static final List<String> LOOSE_KINDS = List.of("county", "parish");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

  private Names() {}

  /**
   * Lower case, no accents, no punctuation, single spaces, and "saint", "sainte", "fort" and
   * "mount" written "st", "ste", "ft" and "mt": "St. Luice" and "saint luice" fold alike.
   */
  static String fold(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKD);
    s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
    s = s.replace("&", " and ").replace("'", "").replace("\u2019", "");
    s = NOT_ALNUM.matcher(s).replaceAll(" ").trim();
    return (" " + s + " ")
        .replace(" saint ", " st ")
        .replace(" sainte ", " ste ")
        .replace(" fort ", " ft ")
        .replace(" mount ", " mt ")
        .trim();
  }

  /** "Harris County" -> "Harris"; "St. Louis city" stays. */
  static String withoutCountyKind(String name) {
    return COUNTY_KIND.matcher(name.trim()).replaceFirst("");
  }

  /**
   * The folded name without a trailing county kind, even a misspelt one: ICE writes "Guadalupe
   * Conty", "Baldwin Couny", "Custer Countey".
   */
  static String foldWithoutKindLoosely(String name) {
    String folded = fold(withoutCountyKind(name.trim()));
    int space = folded.lastIndexOf(' ');
    if (space > 0) {
      String last = folded.substring(space + 1);
      for (String kind : LOOSE_KINDS) {
        if (distance(last, kind, 2) <= 2) {
          return folded.substring(0, space);
        }
      }
    }
    return folded;
  }

  /** How many typos separate two folded names, up to {@code limit} + 1. */
  static int distance(String a, String b, int limit) {
    return EditDistance.between(a, b, limit);
  }
}
