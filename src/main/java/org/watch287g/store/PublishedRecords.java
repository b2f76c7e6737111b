package org.watch287g.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.watch287g.commands.PublishedLists;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Snapshot;
import org.watch287g.dataset.UsState;

/**
 * What {@code status} reads, from the snapshot and change-event tables.
 *
 * <p>The latest snapshot of each list is kept in memory while it stays the latest: a stored
 * snapshot never changes, so one index lookup per command says whether the copy is still current,
 * instead of reading 1,843 rows for every {@code /287g status}. Thread-safe.
 */
public final class PublishedRecords implements PublishedLists {
  private final SnapshotRepository snapshots;
  private final EventStore events;
  private final Map<ListKind, Snapshot> latest = new ConcurrentHashMap<>();

  public PublishedRecords(SnapshotRepository snapshots, EventStore events) {
    this.snapshots = snapshots;
    this.events = events;
  }

  @Override
  public Optional<Snapshot> latestGood(ListKind kind) {
    Optional<Long> id = snapshots.latestGoodId(kind);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Snapshot cached = latest.get(kind);
    if (cached != null && cached.id() == id.get()) {
      return Optional.of(cached);
    }
    Optional<Snapshot> fresh = snapshots.latestGood(kind);
    fresh.ifPresent(snapshot -> latest.put(kind, snapshot));
    return fresh;
  }

  @Override
  public List<RecordedChange> recentChanges(UsState state, int limit) {
    return events.recent(state, limit).stream()
        .map(e -> new RecordedChange(e.id(), e.detectedAt(), e.event(), e.coverage()))
        .toList();
  }
}
