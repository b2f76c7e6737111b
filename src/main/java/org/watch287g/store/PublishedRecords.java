package org.watch287g.store;

import java.util.List;
import java.util.Optional;
import org.watch287g.commands.PublishedLists;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Snapshot;
import org.watch287g.dataset.UsState;

/** What {@code status} reads, from the snapshot and change-event tables. */
public final class PublishedRecords implements PublishedLists {
  private final SnapshotRepository snapshots;
  private final EventStore events;

  public PublishedRecords(SnapshotRepository snapshots, EventStore events) {
    this.snapshots = snapshots;
    this.events = events;
  }

  @Override
  public Optional<Snapshot> latestGood(ListKind kind) {
    return snapshots.latestGood(kind);
  }

  @Override
  public List<RecordedChange> recentChanges(UsState state, int limit) {
    return events.recent(state, limit).stream()
        .map(e -> new RecordedChange(e.detectedAt(), e.event(), e.coverage()))
        .toList();
  }
}
