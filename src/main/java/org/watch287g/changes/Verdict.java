package org.watch287g.changes;

import java.util.List;
import org.watch287g.dataset.Snapshot;

/**
 * Whether a publication may be diffed and served, and if not, why.
 *
 * @param ok true when the publication is good
 * @param reasons why it is quarantined, one human-readable line each; empty when ok
 */
public record Verdict(boolean ok, List<String> reasons) {

  public Verdict {
    reasons = List.copyOf(reasons);
    if (ok != reasons.isEmpty()) {
      throw new IllegalArgumentException(
          ok ? "a good publication has no reasons" : "a quarantine needs a reason");
    }
  }

  /** A good publication. */
  public static Verdict good() {
    return new Verdict(true, List.of());
  }

  /** A quarantined publication, with at least one reason. */
  public static Verdict quarantined(List<String> reasons) {
    return new Verdict(false, reasons);
  }

  /** Whether the publication is quarantined: stored for the record, never diffed or served. */
  public boolean quarantined() {
    return !ok;
  }

  /** The snapshot status this verdict gives. */
  public Snapshot.Status status() {
    return ok ? Snapshot.Status.GOOD : Snapshot.Status.QUARANTINED;
  }

  /** The reasons as one line, for {@link Snapshot#reason()}; empty when ok. */
  public String reason() {
    return String.join("; ", reasons);
  }
}
