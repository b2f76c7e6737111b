package org.watch287g.changes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.watch287g.dataset.Agreement;

/**
 * Pairs rows that left with rows that arrived when they are one agency ({@link NearIdentity}).
 *
 * <p>A pair is made only when each row is the other's single best match: a row with two equally
 * good partners (say "Mohawk Police Department" against both "Village of Mohawk" and "Town of
 * Mohawk" police) is paired with neither, since guessing could hide a real change.
 */
final class Pairing {
  private Pairing() {}

  /** A matched pair: a row from {@code left} and one from {@code right}. */
  record Pair(Agreement left, Agreement right, NearIdentity.Match match) {}

  private record Candidate(int left, int right, NearIdentity.Match match) {}

  /** How two rows match, or empty. */
  private interface Test {
    Optional<NearIdentity.Match> match(Agreement a, Agreement b);
  }

  /**
   * The pairs of one agreement under two names ({@link NearIdentity#match}), in the order of {@code
   * left}; rows left unpaired are simply not in the result.
   */
  static List<Pair> pairs(List<Agreement> left, List<Agreement> right, NearIdentity identity) {
    return pairs(left, right, identity::match, true);
  }

  /**
   * The pairs of one agency under two models ({@link NearIdentity#sameAgency}), in the order of
   * {@code left}.
   */
  static List<Pair> switches(List<Agreement> left, List<Agreement> right, NearIdentity identity) {
    return pairs(left, right, identity::sameAgency, false);
  }

  private static List<Pair> pairs(
      List<Agreement> left, List<Agreement> right, Test test, boolean byModel) {
    List<Candidate> candidates = candidates(left, right, test, byModel);
    Best ofLeft = new Best();
    Best ofRight = new Best();
    for (int n = 0; n < candidates.size(); n++) {
      ofLeft.offer(candidates, candidates.get(n).left(), n);
      ofRight.offer(candidates, candidates.get(n).right(), n);
    }
    List<Pair> pairs = new ArrayList<>();
    for (int n = 0; n < candidates.size(); n++) {
      Candidate c = candidates.get(n);
      if (ofLeft.isUniqueBest(c.left(), n) && ofRight.isUniqueBest(c.right(), n)) {
        pairs.add(new Pair(left.get(c.left()), right.get(c.right()), c.match()));
      }
    }
    return pairs;
  }

  // Candidates in left order, then right order: the pairs come out in left order. Only rows of
  // one state (and model, for renames) can match, so the right rows are looked up by those.
  private static List<Candidate> candidates(
      List<Agreement> left, List<Agreement> right, Test test, boolean byModel) {
    Map<String, List<Integer>> bySlot = new HashMap<>();
    for (int j = 0; j < right.size(); j++) {
      bySlot.computeIfAbsent(slot(right.get(j), byModel), k -> new ArrayList<>()).add(j);
    }
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < left.size(); i++) {
      for (int j : bySlot.getOrDefault(slot(left.get(i), byModel), List.of())) {
        Optional<NearIdentity.Match> match = test.match(left.get(i), right.get(j));
        if (match.isPresent()) {
          candidates.add(new Candidate(i, j, match.get()));
        }
      }
    }
    return candidates;
  }

  private static String slot(Agreement a, boolean byModel) {
    return byModel ? a.state().code() + "/" + a.model() : a.state().code();
  }

  /** The best candidate of each row on one side, and whether another one ties with it. */
  private static final class Best {
    private final Map<Integer, Integer> best = new HashMap<>();
    private final Map<Integer, Boolean> tied = new HashMap<>();

    void offer(List<Candidate> candidates, int row, int candidate) {
      Integer current = best.get(row);
      int order =
          current == null
              ? -1
              : candidates.get(candidate).match().compareTo(candidates.get(current).match());
      if (order < 0) {
        best.put(row, candidate);
        tied.put(row, false);
      } else if (order == 0) {
        tied.put(row, true);
      }
    }

    boolean isUniqueBest(int row, int candidate) {
      Integer current = best.get(row);
      return current != null && current == candidate && !tied.getOrDefault(row, false);
    }
  }
}
