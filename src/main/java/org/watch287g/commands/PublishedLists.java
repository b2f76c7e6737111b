package org.watch287g.commands;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Snapshot;
import org.watch287g.dataset.UsState;

/**
 * The port through which {@code status} reads what has been published and what changed, from local
 * storage (implemented in {@code store}). Calls must be quick: platforms give commands three
 * seconds.
 */
public interface PublishedLists {

  /** The newest good snapshot of a list (bundled ones count); empty if none was ever stored. */
  Optional<Snapshot> latestGood(ListKind kind);

  /** The latest changes about agencies of a state, newest first, at most {@code limit}. */
  List<RecordedChange> recentChanges(UsState state, int limit);

  /**
   * A change as recorded.
   *
   * @param id its stored id: the same change always has the same id, so feeds never repeat it
   * @param detectedAt when it was found
   * @param event what changed
   * @param coverage where the agency reaches, as {@code resolve} writes it: FIPS codes joined by
   *     ";", "ST:XX" for a statewide agency, "" when nobody could place it
   */
  record RecordedChange(long id, Instant detectedAt, ChangeEvent event, String coverage) {}
}
