package org.watch287g.watch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Provenance;
import org.watch287g.source.UnreadablePublicationException;
import org.watch287g.store.SnapshotRepository;

/**
 * The ICE publications shipped in the jar ({@code src/main/resources/snapshots/}, see its
 * SOURCES.md), so a new installation answers questions before its first successful fetch.
 *
 * <p>The latest bundled file of each list is stored once, as origin {@code bundled}, into a
 * database that has no snapshot of that list yet. Later issues use all of them for {@code demo}; a
 * bundled snapshot is never the base of a diff.
 */
public final class BundledSnapshots {
  /** Every bundled publication, oldest first. */
  public static final List<String> ALL =
      List.of(
          "2024-12-18-participating-htmlderived.xlsx",
          "2025-03-06-participating.xlsx",
          "2025-05-15-pending.xlsx",
          "2025-05-16-participating.xlsx",
          "2025-05-19-participating.xlsx",
          "2025-05-19-pending.xlsx",
          "2025-05-29-participating.xlsx",
          "2025-05-29-pending.xlsx",
          "2025-07-18-participating.xlsx",
          "2025-07-18-pending.xlsx",
          "2025-12-31-participating.xlsx",
          "2025-12-31-pending.xlsx",
          "2026-01-23-participating.xlsx",
          "2026-01-23-pending.xlsx",
          "2026-05-18-participating.xlsx");

  private static final String LATEST_PARTICIPATING = "2026-05-18-participating.xlsx";
  private static final String LATEST_PENDING = "2026-01-23-pending.xlsx";

  private final Importer importer;
  private final SnapshotRepository snapshots;

  public BundledSnapshots(Importer importer, SnapshotRepository snapshots) {
    this.importer = importer;
    this.snapshots = snapshots;
  }

  /** Stores the latest bundled list of each kind the database has never seen. */
  public void seedIfEmpty() {
    seed(ListKind.PARTICIPATING, LATEST_PARTICIPATING);
    seed(ListKind.PENDING, LATEST_PENDING);
  }

  private void seed(ListKind kind, String name) {
    if (snapshots.hasAny(kind)) {
      return;
    }
    try {
      // The file names start with the date ICE published them (see SOURCES.md).
      Instant published =
          LocalDate.parse(name.substring(0, 10)).atStartOfDay(ZoneOffset.UTC).toInstant();
      importer.store(read(name), name, Provenance.Origin.BUNDLED, published);
    } catch (UnreadablePublicationException e) {
      throw new IllegalStateException("the bundled " + name + " does not parse: " + e, e);
    }
  }

  /** The bytes of a bundled publication. */
  public static byte[] read(String name) {
    try (InputStream in = BundledSnapshots.class.getResourceAsStream("/snapshots/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks /snapshots/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
