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
    String s = isAscii(text) ? asciiWords(text) : words(text);
    return (" " + s + " ")
        .replace(" saint ", " st ")
        .replace(" sainte ", " ste ")
        .replace(" fort ", " ft ")
        .replace(" mount ", " mt ")
        .trim();
  }

  /** Lower-case letters and digits, one space between words; accents dropped, "&" is "and". */
  static String words(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKD);
    s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
    s = s.replace("&", " and ").replace("'", "").replace("\u2019", "");
    return NOT_ALNUM.matcher(s).replaceAll(" ").trim();
  }

  /**
   * {@link #words} for plain ASCII, in one pass without normalising or regular expressions: the
   * gazetteer folds 84,000 names as the bot starts, and this makes that five times faster.
   */
  static String asciiWords(String text) {
    StringBuilder out = new StringBuilder(text.length() + 4);
    boolean gap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        continue;
      }
      if (c == '&') {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append("and");
        gap = true;
        continue;
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (gap && out.length() > 0) {
          out.append(' ');
        }
        out.append(c);
        gap = false;
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
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
