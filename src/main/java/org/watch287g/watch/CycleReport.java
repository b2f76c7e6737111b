package org.watch287g.watch;

import java.util.List;
import org.watch287g.store.FetchAttempt.Outcome;

/**
 * What one poll did, one line per target (the page, then each list), for the log and for {@code
 * check}.
 *
 * @param lines in the order they happened
 */
public record CycleReport(List<Line> lines) {

  public CycleReport {
    lines = List.copyOf(lines);
  }

  /** Whether nothing failed. A list not linked on the page is not a failure. */
  public boolean ok() {
    return lines.stream().noneMatch(l -> l.outcome() == Outcome.FAILED);
  }

  /** Whether a new good publication was stored. */
  public boolean storedAny() {
    return lines.stream().anyMatch(l -> l.outcome() == Outcome.STORED);
  }

  /**
   * One target's outcome.
   *
   * @param target "page", "participating" or "pending"
   * @param outcome what came of it
   * @param detail one line for a human
   */
  public record Line(String target, Outcome outcome, String detail) {
    @Override
    public String toString() {
      return String.format(
          "%-13s %-11s %s", target, outcome.name().toLowerCase(java.util.Locale.ROOT), detail);
    }
  }
}
