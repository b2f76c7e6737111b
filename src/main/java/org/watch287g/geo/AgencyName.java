package org.watch287g.geo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watch287g.dataset.UsState;

/**
 * What an agency's name says about where it is: the county it names ("Harris County Sheriff's
 * Office", "Pennsylvania State Constables Office Cambria County"), the city or town it names ("Ft.
 * Myers Police Department", "City of Hialeah"), and what kind of body it is.
 */
final class AgencyName {
  /** A county kind word; "Borough" only counts in Alaska, where boroughs are county-equivalents. */
  private static final Pattern COUNTY_WORD =
      Pattern.compile("\\b(county|parish|census area)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern BOROUGH_WORD =
      Pattern.compile("\\b(borough)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern SHERIFF =
      Pattern.compile("\\s+(sheriff|sheriffs|sheriff's|sheriff’s)\\b.*$", Pattern.CASE_INSENSITIVE);

  /** What follows a place's name in a municipal agency's name. */
  private static final Pattern MUNICIPAL_SUFFIX =
      Pattern.compile(
          "\\s*(\\b(police|pd|police dept\\.?|police department|police services|police division"
              + "|department|dept\\.?|services|public safety|international airport|airport"
              + "|division of police|department of police|public safety department"
              + "|department of public safety|dept\\.? of public safety|marshal'?s office"
              + "|marshals? office|marshal|constables?'?s? office|constables?|state constable"
              + "|pa state constable|ward \\d+|\\w+ ward|precinct \\d+|pct\\.? ?\\d+"
              + "|district \\d+)\\b\\.?)+\\s*$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern MUNICIPAL_PREFIX =
      Pattern.compile(
          "^(office of constable|constable|city of|town of|village of|borough of|township of"
              + "|ward \\d+)\\s+",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern PLACE_KIND =
      Pattern.compile(
          "\\s+(city|town|village|borough|township|twp\\.?)$", Pattern.CASE_INSENSITIVE);

  private static final Pattern WORDS = Pattern.compile("\\s+");

  /** The kind word of a township or New England town, anywhere in the name. */
  private static final Pattern SUBDIVISION_KIND =
      Pattern.compile("\\b(township|twp|town)\\b\\.?", Pattern.CASE_INSENSITIVE);

  /** Direction abbreviations that open a township's name: "So Middleton Twp". */
  private static final Map<String, String> DIRECTIONS =
      Map.of(
          "so", "South", "no", "North", "n", "North", "s", "South", "e", "East", "w", "West", "upr",
          "Upper", "lwr", "Lower");

  private static final List<String> STATE_BODIES =
      List.of(
          "department of corrections",
          "state police",
          "state patrol",
          "highway patrol",
          "national guard",
          "attorney general",
          "bureau of investigation",
          "department of public safety",
          "department of justice",
          "correctional services");

  private static final List<String> OTHER_BODIES =
      List.of(
          "attorney",
          "prosecutor",
          "constable",
          "marshal",
          "university",
          "college",
          "airport",
          "port authority",
          "court");

  private final String name;

  AgencyName(String name) {
    this.name = name.trim();
  }

  /**
   * Candidate county names the agency names, longest first: for "Northern York County Regional
   * Police" these are "Northern York", "York"; for "Orleans Parish Sheriff's Office", "Orleans".
   */
  List<String> countyCandidates(UsState state) {
    List<String> candidates = new ArrayList<>();
    collectBefore(COUNTY_WORD, candidates);
    if (state == UsState.AK) {
      collectBefore(BOROUGH_WORD, candidates);
    }
    return candidates;
  }

  private void collectBefore(Pattern kind, List<String> candidates) {
    Matcher m = kind.matcher(name);
    while (m.find()) {
      String before = name.substring(0, m.start()).replaceAll("[(),/]", " ").trim();
      String[] words = WORDS.split(before, -1);
      for (int n = Math.min(4, words.length); n >= 1; n--) {
        String candidate =
            String.join(" ", Arrays.copyOfRange(words, words.length - n, words.length));
        if (!candidate.isBlank()) {
          candidates.add(candidate + " " + m.group(1));
        }
      }
    }
  }

  /**
   * For a sheriff whose name gives no county word (Virginia's independent cities: "Chesapeake
   * Sheriff's Office"; typos: "St. Charles Place Sheriff's Office"): the words before "Sheriff",
   * shortened from the end.
   */
  List<String> sheriffPlaceCandidates() {
    Matcher m = SHERIFF.matcher(name);
    if (!m.find()) {
      return List.of();
    }
    String before = MUNICIPAL_PREFIX.matcher(name.substring(0, m.start()).trim()).replaceFirst("");
    String[] words = WORDS.split(before.trim(), -1);
    List<String> candidates = new ArrayList<>();
    for (int n = words.length; n >= 1; n--) {
      candidates.add(String.join(" ", Arrays.copyOfRange(words, 0, n)));
    }
    return candidates;
  }

  /**
   * Candidate place names the agency names: "Ft. Myers Police Department" gives "Ft. Myers";
   * "Kenneth City PD" gives "Kenneth City", then "Kenneth"; "Office of Constable Monroeville 6th
   * Ward" gives "Monroeville".
   */
  List<String> placeCandidates() {
    String s = name.replaceAll("[’`]", "'");
    s = MUNICIPAL_SUFFIX.matcher(s).replaceFirst("");
    s = MUNICIPAL_PREFIX.matcher(s.trim()).replaceFirst("");
    s = MUNICIPAL_SUFFIX.matcher(s).replaceFirst("").trim();
    if (s.isEmpty() || s.length() == name.length()) {
      return List.of();
    }
    List<String> candidates = new ArrayList<>(List.of(s));
    String bare = PLACE_KIND.matcher(s).replaceFirst("");
    if (!bare.equals(s) && !bare.isBlank()) {
      candidates.add(bare);
    }
    return candidates;
  }

  /**
   * The kind of municipality the name spells out, if any: "township" for "Manor Township Police
   * Department", "village" for "Mohawk Village Police Department", else empty. A township and a
   * borough of the same name can lie in different counties.
   */
  Optional<String> municipalKind() {
    for (String candidate : placeCandidates()) {
      Matcher m = PLACE_KIND.matcher(candidate);
      if (m.find()) {
        String kind = m.group(1).toLowerCase(Locale.ROOT);
        return Optional.of(kind.startsWith("twp") ? "township" : kind);
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (String kind : List.of("township", "village", "borough", "city", "town")) {
      if (lower.startsWith(kind + " of ")) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /**
   * The kind word of the township or town the name names, if any: "township" for "Mahoning TWP
   * Police Department - Montour" or "Pennsylvania State Constable's Office, Cooke Township", "town"
   * for "Town of Wells Police".
   */
  Optional<String> subdivisionKind() {
    Matcher m = SUBDIVISION_KIND.matcher(name);
    if (m.find()) {
      return Optional.of(m.group(1).equalsIgnoreCase("town") ? "town" : "township");
    }
    return Optional.empty();
  }

  /**
   * Names of a township or town the agency may name, longest first: the last one to four words
   * before "Township"/"Twp"/"Town" wherever it stands ("Pennsylvania State Constable's Office So
   * Middleton Twp" gives "Office So Middleton", "So Middleton", "South Middleton", "Middleton"),
   * then the place candidates without their kind word (a New Hampshire town's police seldom says
   * "Town").
   */
  List<String> subdivisionCandidates() {
    Set<String> candidates = new LinkedHashSet<>();
    Matcher m = SUBDIVISION_KIND.matcher(name);
    while (m.find()) {
      String before = name.substring(0, m.start()).replaceAll("[(),/:;-]", " ").trim();
      String[] words = WORDS.split(before, -1);
      for (int n = Math.min(4, words.length); n >= 1; n--) {
        String[] tail = Arrays.copyOfRange(words, words.length - n, words.length);
        if (tail[0].isBlank()) {
          continue;
        }
        candidates.add(String.join(" ", tail));
        String spelled = DIRECTIONS.get(tail[0].replace(".", "").toLowerCase(Locale.ROOT));
        if (spelled != null && n > 1) {
          tail[0] = spelled;
          candidates.add(String.join(" ", tail));
        }
      }
    }
    for (String candidate : placeCandidates()) {
      String bare = PLACE_KIND.matcher(candidate).replaceFirst("").trim();
      if (!bare.isEmpty()) {
        candidates.add(bare);
      }
    }
    return List.copyOf(candidates);
  }

  /** Whether the name starts with its state's name, as state agencies' names do. */
  boolean startsWithStateName(UsState state) {
    String lower = name.toLowerCase(Locale.ROOT);
    String title = state.title().toLowerCase(Locale.ROOT);
    if (!lower.startsWith(title + " ")) {
      return state == UsState.MP && lower.startsWith("cnmi ");
    }
    String next = lower.substring(title.length()).trim();
    return !(next.startsWith("county") || next.startsWith("parish") || next.startsWith("city"));
  }

  /** Whether the name is that of a typical state body ("Department of Corrections", ...). */
  boolean namesStateBody() {
    String lower = name.toLowerCase(Locale.ROOT);
    return STATE_BODIES.stream().anyMatch(lower::contains) && placeCandidates().isEmpty();
  }

  /** Whether it is a prosecutor, constable, marshal, campus, airport, port or court. */
  boolean namesOtherBody() {
    String lower = name.toLowerCase(Locale.ROOT);
    return OTHER_BODIES.stream().anyMatch(lower::contains);
  }

  /** Whether it is a regional body ("Regional Police", "Regional Jail", "Authority"). */
  boolean namesRegionalBody() {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.contains("regional") || lower.contains("district jail");
  }
}
