package org.watch287g.watch;

import java.time.Clock;
import java.time.Instant;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.Snapshot;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.source.UnreadablePublicationException;
import org.watch287g.store.SnapshotRepository;

/**
 * Stores publications that did not come from a poll: local files ({@code import}) and the ones
 * bundled in the jar. Each is parsed and kept as a good snapshot; its kind comes from its shape.
 */
public final class Importer {
  private final SpreadsheetParser parser;
  private final SnapshotRepository snapshots;
  private final Clock clock;

  public Importer(SpreadsheetParser parser, SnapshotRepository snapshots, Clock clock) {
    this.parser = parser;
    this.snapshots = snapshots;
    this.clock = clock;
  }

  /**
   * Parses and stores one file's bytes.
   *
   * @param name the file name, kept as the snapshot's source
   * @throws UnreadablePublicationException if the bytes are not an ICE list; nothing is stored
   */
  public Snapshot store(byte[] bytes, String name, Provenance.Origin origin)
      throws UnreadablePublicationException {
    return store(bytes, name, origin, clock.instant());
  }

  /**
   * As {@link #store(byte[], String, Provenance.Origin)}, dated {@code publishedAt}: for files
   * whose publication date is known (the bundled ones), so that {@code status} does not present a
   * 2026 list as read today.
   */
  public Snapshot store(byte[] bytes, String name, Provenance.Origin origin, Instant publishedAt)
      throws UnreadablePublicationException {
    Publication publication = parser.parse(bytes, name);
    Provenance provenance =
        new Provenance(origin, name, null, publishedAt, Provenance.sha256Of(bytes));
    long id = snapshots.save(provenance, Snapshot.Status.GOOD, null, publication);
    return new Snapshot(id, provenance, Snapshot.Status.GOOD, null, publication);
  }
}
