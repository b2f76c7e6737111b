package org.watch287g.changes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watch287g.dataset.AgreementKey;
import org.watch287g.dataset.EditDistance;
import org.watch287g.dataset.UsState;

/**
 * An agency's name reduced to the words that tell agencies apart, so that ICE's re-typing of one
 * agency does not look like two.
 *
 * <p>From the folded name ({@link AgreementKey#fold}): abbreviations are spelt out ("PD", "Dept.",
 * "Ft.", "St.", "Twp", "BOCC", "DOC"); a leading name of the agency's own state is dropped ("Alaska
 * Department of Corrections" is the "Department of Corrections" of Alaska) unless it names a county
 * or city ("Oklahoma County"); generic words are dropped ("Department", "Office", "Services",
 * "Division", "of", "the", "and"), including ICE's misspellings of them ("Offic", "Departent"); the
 * words naming a role ("Sheriff", "Police", "Constable") are kept, singular, typos corrected,
 * because a sheriff and a police department of one town are two agencies; and the kind of
 * municipality ("City of", "Town", "Township", "Borough", "Village") is set aside in {@link
 * #kinds}, since "City of Melbourne Police Department" and "Melbourne Police Department" are one
 * agency while a township and a borough of one name may be two. A state's "State Patrol" is its
 * "State Police" ("Louisiana State Patrol" and "Louisiana State Police Department"): no state lists
 * both.
 *
 * @param words the distinctive words, in order: "Berrian County Sheriff's Offic" gives [berrian,
 *     county, sheriff]
 * @param kinds the municipal kinds the name spells out
 * @param aliasFree {@link #words} without a trailing alias after a slash or in parentheses
 *     ("Tennessee Department of Safety and Homeland Security / THP"); equal to {@code words} when
 *     there is none
 */
record NameForm(List<String> words, Set<String> kinds, List<String> aliasFree) {
  private static final Pattern SPACE = Pattern.compile(" ");
  private static final Pattern ALIAS = Pattern.compile("\\s*(?:/[^/]*|\\([^()]*\\))\\s*$");

  private static final Map<String, String> ABBREVIATIONS =
      Map.of(
          "pd", "police department",
          "dept", "department",
          "ft", "fort",
          "st", "saint",
          "ste", "sainte",
          "mt", "mount",
          "twp", "township",
          "boro", "borough",
          "bocc", "board of county commissioners",
          "doc", "department of corrections");

  private static final Set<String> GENERIC =
      Set.of("department", "office", "service", "division", "of", "the", "and", "for");

  private static final Set<String> BOARDS =
      Set.of("trustee", "trustees", "regent", "regents", "governor", "governors");

  private static final Set<String> KINDS = Set.of("city", "town", "village", "borough", "township");

  /**
   * Role and generic words whose misspellings are read as the word; singular. Not "parish", one
   * letter from "Paris", nor "marshal", one from "Marshall".
   */
  private static final List<String> SPELLED_OUT =
      List.of(
          "department",
          "office",
          "service",
          "division",
          "police",
          "sheriff",
          "constable",
          "commissioner",
          "correction",
          "county",
          "public",
          "safety",
          "enforcement",
          "highway",
          "patrol");

  NameForm {
    words = List.copyOf(words);
    kinds = Set.copyOf(kinds);
    aliasFree = List.copyOf(aliasFree);
  }

  /** The form of an agency's name in its state. */
  static NameForm of(UsState state, String agency) {
    Matcher alias = ALIAS.matcher(agency);
    Set<String> kinds = new TreeSet<>();
    List<String> words = words(state, agency, kinds);
    if (!alias.find() || alias.start() == 0) {
      return new NameForm(words, kinds, words);
    }
    List<String> aliasFree = words(state, agency.substring(0, alias.start()), new TreeSet<>());
    return new NameForm(words, kinds, aliasFree);
  }

  /**
   * Whether the municipal kinds can name one municipality: when one name spells out no more kinds
   * than the other ("City of X" and "X"), not when they differ ("X Township" and "X Borough").
   */
  boolean kindsCompatibleWith(NameForm other) {
    return kinds.containsAll(other.kinds) || other.kinds.containsAll(kinds);
  }

  /**
   * The institution the name stands for, without a governing board or police at its end: both
   * "University of Central Florida Board of Trustees" and "University of Central Florida Police
   * Department" give [university, central, florida]. Empty unless the name is a university's or a
   * college's, whose board and police are one body for an agreement.
   */
  List<String> institution() {
    List<String> body = new ArrayList<>(words);
    int n = body.size();
    if (n >= 2 && body.get(n - 2).equals("board") && BOARDS.contains(body.get(n - 1))) {
      body.subList(n - 2, n).clear();
    } else if (n >= 1 && body.get(n - 1).equals("police")) {
      body.remove(n - 1);
    }
    boolean school = body.contains("university") || body.contains("college");
    return school && body.size() >= 2 ? List.copyOf(body) : List.of();
  }

  private static List<String> words(UsState state, String agency, Set<String> kinds) {
    List<String> tokens = expanded(AgreementKey.fold(agency));
    dropStateName(state, tokens);
    List<String> words = new ArrayList<>();
    for (String token : tokens) {
      String word = spelledOut(token);
      if (KINDS.contains(word)) {
        kinds.add(word);
      } else if (!GENERIC.contains(word)) {
        boolean statePatrol =
            word.equals("patrol")
                && !words.isEmpty()
                && words.get(words.size() - 1).equals("state");
        words.add(statePatrol ? "police" : word);
      }
    }
    return words;
  }

  private static List<String> expanded(String folded) {
    List<String> tokens = new ArrayList<>();
    for (String token : SPACE.split(folded, -1)) {
      String full = ABBREVIATIONS.getOrDefault(token, token);
      tokens.addAll(Arrays.asList(SPACE.split(full, -1)));
    }
    tokens.removeIf(String::isEmpty);
    return tokens;
  }

  private static void dropStateName(UsState state, List<String> tokens) {
    List<String> title = Arrays.asList(SPACE.split(AgreementKey.fold(state.title()), -1));
    int n = title.size();
    if (tokens.size() <= n || !tokens.subList(0, n).equals(title)) {
      return;
    }
    String next = tokens.get(n);
    if (next.equals("county") || next.equals("parish") || next.equals("city")) {
      return;
    }
    tokens.subList(0, n).clear();
  }

  /**
   * The role or generic word a token spells, allowing ICE's typos and plurals ("Sheriffs",
   * "Constbales", "Sherrif", "Offic"); any other token unchanged. Only words of five letters or
   * more are read loosely, and a two-typo reading needs the first three letters right, so that no
   * place ("Davison", "Paris") turns into a role ("division", "parish").
   */
  static String spelledOut(String token) {
    String singular = token;
    while (singular.length() > 4 && singular.endsWith("s")) {
      singular = singular.substring(0, singular.length() - 1);
    }
    for (String word : SPELLED_OUT) {
      if (singular.equals(word) || token.equals(word)) {
        return word;
      }
    }
    if (singular.length() < 5) {
      return token;
    }
    for (String word : SPELLED_OUT) {
      int d = EditDistance.between(singular, word, 2);
      if (d <= 1
          || (d == 2
              && word.length() >= 7
              && Math.abs(singular.length() - word.length()) <= 1
              && singular.startsWith(word.substring(0, 3)))) {
        return word;
      }
    }
    return token;
  }
}
