package org.watch287g.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.watch287g.alerts.AdminNotices;
import org.watch287g.alerts.Notice;
import org.watch287g.dataset.ListKind;
import org.watch287g.watch.CycleReport.Problem;

/**
 * Turns what each poll met into what the operator needs to hear, once: a broken publication as soon
 * as it is set aside (each file once), a source that cannot be reached only after several polls in
 * a row (one slow answer is not an outage), and the recovery after that.
 *
 * <p>Why the threshold: ICE's site answers 5xx or times out now and then, and the retries inside a
 * poll absorb most of it. An operator told about every blip stops reading the channel.
 */
public final class SourceHealth {
  /** Failed polls in a row before the operator is told: at the default interval, half an hour. */
  public static final int FAILING_AFTER = 3;

  private final AdminNotices notices;
  private final int failingAfter;
  private int failedInARow;
  private boolean told;

  public SourceHealth(AdminNotices notices, int failingAfter) {
    if (failingAfter < 1) {
      throw new IllegalArgumentException("failingAfter must be at least 1: " + failingAfter);
    }
    this.notices = notices;
    this.failingAfter = failingAfter;
  }

  /** Takes in one poll's report; called after every cycle, on the poller's thread. */
  public synchronized void observe(CycleReport report) {
    notices.summarizeIfDue();
    List<Notice> setAside = new ArrayList<>();
    for (Problem problem : setAside(report.problems())) {
      ListKind list = Objects.requireNonNull(problem.list(), "a set-aside file has a list");
      setAside.add(
          Notice.setAside(
              list,
              problem.kind() == Problem.Kind.QUARANTINED,
              problem.file(),
              problem.identity(),
              problem.reason()));
    }
    if (!setAside.isEmpty()) {
      // Both lists of one publication broken (swapped, or an error page at both links) is one
      // event for the operator, so it is one message.
      notices.tell(Notice.together(setAside));
    }
    if (report.unreachable()) {
      failedInARow++;
      if (failedInARow >= failingAfter && !told) {
        String reason =
            report.problems().stream()
                .filter(p -> p.kind() == Problem.Kind.UNREACHABLE)
                .map(Problem::reason)
                .findFirst()
                .orElse("unknown");
        told = notices.tell(Notice.sourceFailing(failedInARow, reason)) || told;
      }
      return;
    }
    if (told) {
      notices.forget(Notice.sourceFailing(0, "").key());
      notices.tell(Notice.sourceRecovered(failedInARow));
      told = false;
    }
    failedInARow = 0;
  }

  /**
   * The cycle's broken files, one per identity: when ICE serves the same broken bytes at both links
   * (an error page), the operator hears of it once.
   */
  private static List<Problem> setAside(List<Problem> problems) {
    List<Problem> distinct = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Problem p : problems) {
      if (p.kind() != Problem.Kind.UNREACHABLE && !seen.contains(p.identity())) {
        seen.add(p.identity());
        distinct.add(p);
      }
    }
    return distinct;
  }
}
