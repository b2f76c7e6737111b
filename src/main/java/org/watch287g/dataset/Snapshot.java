package org.watch287g.dataset;

import org.jspecify.annotations.Nullable;

/**
 * A stored publication: what was read, where from, and whether it may be served and diffed.
 *
 * @param id the database id; later snapshots have larger ids
 * @param provenance where the bytes came from
 * @param status good, or quarantined (kept for the record, never served or diffed)
 * @param reason why it was quarantined; null when good
 * @param publication the parsed rows
 */
public record Snapshot(
    long id,
    Provenance provenance,
    Status status,
    @Nullable String reason,
    Publication publication) {

  /** The list this snapshot is, by its shape. */
  public ListKind kind() {
    return publication.kind();
  }

  /** Whether the bot may answer from this snapshot and diff against it. */
  public enum Status {
    GOOD,
    QUARANTINED
  }
}
