package org.watch287g.watch;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.ListKind;
import org.watch287g.store.FetchAttempt.Outcome;

/**
 * What one poll did, one line per target (the page, then each list), for the log and for {@code
 * check}.
 *
 * @param lines in the order they happened
 */
public record CycleReport(List<Line> lines, List<Problem> problems) {

  public CycleReport {
    lines = List.copyOf(lines);
    problems = List.copyOf(problems);
  }

  /** A report of a cycle without problems. */
  public CycleReport(List<Line> lines) {
    this(lines, List.of());
  }

  /** Whether ICE's page or files could not be reached this cycle (as opposed to read badly). */
  public boolean unreachable() {
    return problems.stream().anyMatch(p -> p.kind() == Problem.Kind.UNREACHABLE);
  }

  /**
   * Something the operator may need to know about, for {@link SourceHealth}.
   *
   * @param list the list concerned; null for the page itself
   * @param file the file's name, or the page's address
   * @param identity what identifies the bytes (their SHA-256); empty when nothing was read
   */
  public record Problem(
      Kind kind, @Nullable ListKind list, String file, String identity, String reason) {

    /** The kinds of trouble a cycle can meet. */
    public enum Kind {
      /**
       * The page or a workbook could not be downloaded, or the page links no participating list.
       */
      UNREACHABLE,
      /** A workbook was downloaded but could not be parsed. */
      UNREADABLE,
      /** A workbook parsed but the guard found it broken. */
      QUARANTINED
    }
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
