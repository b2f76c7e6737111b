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
import org.watch287g.dataset.EditDistance;
import org.watch287g.dataset.Publication;

/**
 * Whether two rows with different keys are one agreement under two names: the test behind {@code
 * RENAMED}, and behind {@code PENDING_SIGNED} when ICE signs a request under a shorter name.
 *
 * <p>Conservative by design, because a wrong match hides a termination and a new agreement behind a
 * rename nobody is alerted to. Two rows can match only in the same state and model, and not when
 * their signing dates are a renewal apart ({@link RowComparison#RENEWAL_GAP_DAYS}). Then, strongest
 * first:
 *
 * <ol>
 *   <li>{@link Strength#SAME_WORDS}: the names differ only in generic words, abbreviations, their
 *       misspellings, the state's own name or "City of" ({@link NameForm}): "Lower Burrell Fourth
 *       Ward Constable's Office" and "Lower Burrell Fourth Ward Constable".
 *   <li>{@link Strength#SAME_MOA}: both rows link the same MOA, a link no other row of either file
 *       shares: "Okaloosa County Sheriff's Office" corrected to "Okaloosa County Board of County
 *       Commissioners", the body that signed that MOA.
 *   <li>{@link Strength#ALIAS}: one name adds an alias after a slash or in parentheses ("Tennessee
 *       Department of Safety and Homeland Security / THP"), signed the same day.
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
    ALIAS,
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

  /** How the two rows match, or empty when they may be two agreements. */
  Optional<Match> match(Agreement a, Agreement b) {
    if (a.state() != b.state() || a.model() != b.model()) {
      return Optional.empty();
    }
    boolean datesKnown = a.signed() != null && b.signed() != null;
    long days = datesKnown ? Math.abs(ChronoUnit.DAYS.between(a.signed(), b.signed())) : 0;
    if (days >= RowComparison.RENEWAL_GAP_DAYS) {
      return Optional.empty();
    }
    NameForm fa = form(a);
    NameForm fb = form(b);
    boolean kinds = fa.kindsCompatibleWith(fb);
    if (kinds && fa.words().equals(fb.words())) {
      return Optional.of(new Match(Strength.SAME_WORDS, 0));
    }
    if (a.moaUrl() != null && a.moaUrl().equals(b.moaUrl()) && !sharedMoas.contains(a.moaUrl())) {
      return Optional.of(new Match(Strength.SAME_MOA, 0));
    }
    if (!kinds || days != 0) {
      return Optional.empty();
    }
    if (datesKnown && sameBeforeAlias(fa, fb)) {
      return Optional.of(new Match(Strength.ALIAS, 0));
    }
    int typos = typos(fa.words(), fb.words(), datesKnown);
    return typos < 0 ? Optional.empty() : Optional.of(new Match(Strength.TYPO, typos));
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
