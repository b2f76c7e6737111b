package org.watch287g.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One look at the source, as recorded.
 *
 * @param at when
 * @param target "page", "participating" or "pending"
 * @param url what was requested, if anything
 * @param outcome what came of it
 * @param detail one line for a human
 * @param snapshotId the snapshot it stored, if any
 */
public record FetchAttempt(
    Instant at,
    String target,
    @Nullable String url,
    Outcome outcome,
    String detail,
    @Nullable Long snapshotId) {

  /** What a look at the source came to. */
  public enum Outcome {
    STORED,
    QUARANTINED,
    UNCHANGED,
    FAILED,
    NOT_LINKED
  }
}
