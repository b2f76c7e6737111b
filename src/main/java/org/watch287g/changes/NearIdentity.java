package org.watch287g.changes;

import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.AgreementKey;
import org.watch287g.dataset.EditDistance;
import org.watch287g.dataset.Publication;

/**
 * Whether two rows with different keys are one agency: the test behind {@code RENAMED}, behind
 * {@code PENDING_SIGNED} when ICE signs a request under a shorter name, and behind {@code
 * MODEL_CHANGED} when one agency's model ends as another begins.
 *
 * <p>Conservative by design, because a wrong match hides a termination and a new agreement behind a
 * rename nobody is alerted to. It uses only what the rows themselves say (state, name, ICE's COUNTY
 * cell, MOA link, signing date), never county resolution. {@link #match} pairs rows of one state
 * and model; the first four rules also need signing dates less than a renewal apart ({@link
 * RowComparison#RENEWAL_GAP_DAYS}). Strongest first:
 *
 * <ol>
 *   <li>{@link Strength#SAME_WORDS}: the names differ only in generic words, abbreviations, their
 *       misspellings, the state's own name, "City of" or "State Patrol" for "State Police" ({@link
 *       NameForm}): "Lower Burrell Fourth Ward Constable's Office" and "Lower Burrell Fourth Ward
 *       Constable".
 *   <li>{@link Strength#SAME_MOA}: both rows link the same MOA, a link no other row of either file
 *       shares: "Okaloosa County Sheriff's Office" corrected to "Okaloosa County Board of County
 *       Commissioners", the body that signed that MOA.
 *   <li>{@link Strength#COUNTY_WORD}: both rows give the same COUNTY cell and the names differ in
 *       one word only, which in one of them is "County", "Parish" or "Borough": ICE's "St. Charles
 *       Place Sheriff's Office" and "St. Charles Parish Sheriff's Office", both in "German Coast
 *       County".
 *   <li>{@link Strength#ALIAS}: one name adds an alias after a slash or in parentheses ("Tennessee
 *       Department of Safety and Homeland Security / THP"), signed the same day.
 *   <li>{@link Strength#SUFFIX}: one name is the other with a part added after a comma, whatever
 *       the dates: "Florida Department of Financial Services" and "Florida Department of Financial
 *       Services, Criminal Investigation Division" (re-signed four months later).
 *   <li>{@link Strength#INSTITUTION}: a university's or college's board and its police, whatever
 *       the dates ({@link NameForm#institution}): "University of Central Florida Board of Trustees"
 *       and "University of Central Florida Police Department".
 *   <li>{@link Strength#TYPO}: the same words but for typos in place words, signed the same day or
 *       with no dates to compare: at most one typo per word, none in a role word ("Sheriff",
 *       "Police", "County"), a number, an ordinal or compass word, or a first letter; and few for
 *       the length of the place words: with the same signing date, one typo from 7 letters and two
 *       from 10 ("Lampass" and "Lampasas", "Green Forks" and "Greens Fork"); without dates (pending
 *       requests), one from 9 and two from 16 ("Indialantic" and "Indiatlantic"). Short names never
 *       match by a typo: "Lee County" is not "Lea County" nor "Lake County", "Dallas" is not
 *       "Dallam".
 * </ol>
 *
 * <p>{@link #sameAgency} asks the same of rows under two different models, where the dates and MOA
 * are those of two agreements and tell nothing: only {@code SAME_WORDS}, {@code COUNTY_WORD},
 * {@code SUFFIX} and {@code INSTITUTION} count. Two sheriffs of one state ("Lee County" and "Lake
 * County" in Florida) stay two agencies by every rule.
 *
 * <p>Not thread-safe: it remembers each row's {@link NameForm} for the diff it serves.
 */
final class NearIdentity {
  private static final Pattern SPACE = Pattern.compile(" ");

  /** Words that tell agencies apart however alike they look: "Fourth" is not "Fifth". */
  private static final Set<String> EXACT =
      words(
          "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
              + " north south east west northern southern eastern western upper lower new old");

  /** Words that say what an agency is; a typo may not turn one into another. */
  private static final Set<String> ROLES =
      words(
          "police sheriff constable county parish state marshal jail correction detention patrol"
              + " highway court attorney university college board commissioner airport port"
              + " authority regional district ward judicial circuit safety public enforcement law"
              + " department office service division");

  /** The words by which a name says it is a county's. */
  private static final Set<String> COUNTY_WORDS = words("county parish borough");

  private final IdentityHashMap<Agreement, NameForm> forms = new IdentityHashMap<>();
  private final Set<String> sharedMoas;

  private NearIdentity(Set<String> sharedMoas) {
    this.sharedMoas = sharedMoas;
  }

  /** A matcher for rows of these publications (some may be null). */
  static NearIdentity over(List<@Nullable Publication> publications) {
    Set<String> shared = new HashSet<>();
    for (Publication p : publications) {
      if (p == null) {
        continue;
      }
      Set<String> seen = new HashSet<>();
      for (Agreement a : p.agreements()) {
        if (a.moaUrl() != null && !seen.add(a.moaUrl())) {
          shared.add(a.moaUrl());
        }
      }
    }
    return new NearIdentity(shared);
  }

  /** How strongly two rows match; stronger sorts first. */
  enum Strength {
    SAME_WORDS,
    SAME_MOA,
    COUNTY_WORD,
    ALIAS,
    SUFFIX,
    INSTITUTION,
    TYPO
  }

  /**
   * A match and its typos, ordered best first.
   *
   * @param typos the typos the match needed; 0 unless {@link Strength#TYPO}
   */
  record Match(Strength strength, int typos) implements Comparable<Match> {
    @Override
    public int compareTo(Match other) {
      int byStrength = strength.compareTo(other.strength);
      return byStrength != 0 ? byStrength : Integer.compare(typos, other.typos);
    }
  }

  /** How two rows of one model match, or empty when they may be two agreements. */
  Optional<Match> match(Agreement a, Agreement b) {
    if (a.state() != b.state() || a.model() != b.model()) {
      return Optional.empty();
    }
    boolean datesKnown = a.signed() != null && b.signed() != null;
    long days = datesKnown ? Math.abs(ChronoUnit.DAYS.between(a.signed(), b.signed())) : 0;
    NameForm fa = form(a);
    NameForm fb = form(b);
    boolean kinds = fa.kindsCompatibleWith(fb);
    if (days < RowComparison.RENEWAL_GAP_DAYS) {
      if (kinds && fa.words().equals(fb.words())) {
        return Optional.of(new Match(Strength.SAME_WORDS, 0));
      }
      if (a.moaUrl() != null && a.moaUrl().equals(b.moaUrl()) && !sharedMoas.contains(a.moaUrl())) {
        return Optional.of(new Match(Strength.SAME_MOA, 0));
      }
      if (kinds && countyWordCorrected(a, b, fa, fb)) {
        return Optional.of(new Match(Strength.COUNTY_WORD, 0));
      }
      if (kinds && days == 0 && datesKnown && sameBeforeAlias(fa, fb)) {
        return Optional.of(new Match(Strength.ALIAS, 0));
      }
    }
    Optional<Match> named = namedAlike(a, b, fa, fb);
    if (named.isPresent() || !kinds || days != 0) {
      return named;
    }
    int typos = typos(fa.words(), fb.words(), datesKnown);
    return typos < 0 ? Optional.empty() : Optional.of(new Match(Strength.TYPO, typos));
  }

  /**
   * How two rows of one state under different models are one agency, or empty: the name rules only,
   * since the dates and MOA of two agreements differ anyway.
   */
  Optional<Match> sameAgency(Agreement a, Agreement b) {
    if (a.state() != b.state() || a.model() == b.model()) {
      return Optional.empty();
    }
    NameForm fa = form(a);
    NameForm fb = form(b);
    if (fa.kindsCompatibleWith(fb)) {
      if (fa.words().equals(fb.words())) {
        return Optional.of(new Match(Strength.SAME_WORDS, 0));
      }
      if (countyWordCorrected(a, b, fa, fb)) {
        return Optional.of(new Match(Strength.COUNTY_WORD, 0));
      }
    }
    return namedAlike(a, b, fa, fb);
  }

  /** The rules that hold whatever the dates: a suffix added or dropped, one institution. */
  private static Optional<Match> namedAlike(Agreement a, Agreement b, NameForm fa, NameForm fb) {
    if (suffixed(a.agency(), b.agency(), fa) || suffixed(b.agency(), a.agency(), fb)) {
      return Optional.of(new Match(Strength.SUFFIX, 0));
    }
    List<String> institution = fa.institution();
    if (!institution.isEmpty() && institution.equals(fb.institution())) {
      return Optional.of(new Match(Strength.INSTITUTION, 0));
    }
    return Optional.empty();
  }

  /** Whether {@code longer} is {@code shorter} with a part added after a comma. */
  private static boolean suffixed(String shorter, String longer, NameForm shorterForm) {
    String s = shorter.strip();
    String l = longer.strip();
    return !shorterForm.words().isEmpty()
        && l.length() > s.length() + 1
        && l.regionMatches(true, 0, s, 0, s.length())
        && l.charAt(s.length()) == ',';
  }

  /**
   * Whether the names differ in one word only, "County", "Parish" or "Borough" in one of them, and
   * ICE gave both rows the same COUNTY cell.
   */
  private static boolean countyWordCorrected(Agreement a, Agreement b, NameForm fa, NameForm fb) {
    if (a.county() == null
        || b.county() == null
        || !AgreementKey.fold(a.county()).equals(AgreementKey.fold(b.county()))) {
      return false;
    }
    List<String> x = fa.words();
    List<String> y = fb.words();
    if (x.size() != y.size() || x.size() < 3) {
      return false;
    }
    int differing = -1;
    for (int i = 0; i < x.size(); i++) {
      if (!x.get(i).equals(y.get(i))) {
        if (differing >= 0) {
          return false;
        }
        differing = i;
      }
    }
    return differing > 0
        && (COUNTY_WORDS.contains(x.get(differing)) || COUNTY_WORDS.contains(y.get(differing)));
  }

  private NameForm form(Agreement agreement) {
    return forms.computeIfAbsent(agreement, a -> NameForm.of(a.state(), a.agency()));
  }

  private static boolean sameBeforeAlias(NameForm fa, NameForm fb) {
    List<String> a = fa.aliasFree();
    List<String> b = fb.aliasFree();
    return (a.equals(fb.words()) || fa.words().equals(b) || a.equals(b)) && a.size() >= 2;
  }

  /** The typos that turn one list of words into the other, or -1 when that is not a typo. */
  private static int typos(List<String> a, List<String> b, boolean sameDay) {
    if (a.size() != b.size()) {
      return -1;
    }
    int typos = 0;
    int letters = 0;
    for (int i = 0; i < a.size(); i++) {
      String x = a.get(i);
      String y = b.get(i);
      if (!ROLES.contains(x)) {
        letters += Math.max(x.length(), y.length());
      }
      if (x.equals(y)) {
        continue;
      }
      if (!mayDifferByTypo(x, y) || EditDistance.between(x, y, 1) > 1) {
        return -1;
      }
      typos++;
    }
    return typos <= budget(letters, sameDay) ? typos : -1;
  }

  private static boolean mayDifferByTypo(String x, String y) {
    return !ROLES.contains(x)
        && !ROLES.contains(y)
        && !EXACT.contains(x)
        && !EXACT.contains(y)
        && !hasDigit(x)
        && !hasDigit(y)
        && x.charAt(0) == y.charAt(0);
  }

  private static int budget(int letters, boolean sameDay) {
    if (sameDay) {
      return letters >= 10 ? 2 : letters >= 7 ? 1 : 0;
    }
    return letters >= 16 ? 2 : letters >= 9 ? 1 : 0;
  }

  private static boolean hasDigit(String word) {
    return word.chars().anyMatch(Character::isDigit);
  }

  private static Set<String> words(String text) {
    return Set.of(SPACE.split(text, -1));
  }
}
