package org.watch287g.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.Snapshot;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.store.Database;
import org.watch287g.store.EventStore;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SourceCursor;
import org.watch287g.store.SourceLedger;
import org.watch287g.watch.BundledSnapshots;

/**
 * A database holding real ICE publications, as an installation that imported them would: the
 * participating list of 2026-05-18 and the pending list of 2026-01-23 (origin IMPORTED), and one
 * recorded change, the real 2025-05-19 correction of "Indialantic" to "Indiatlantic Police
 * Department" (FL), stored through the same one-transaction path a poll uses.
 */
public final class SeededDatabase {
  public static final String PARTICIPATING = "2026-05-18-participating.xlsx";
  public static final String PENDING = "2026-01-23-pending.xlsx";
  public static final Instant READ_AT = Instant.parse("2026-05-18T15:00:00Z");

  private SeededDatabase() {}

  /** Creates the database file at {@code path} and fills it. */
  public static Database create(Path path) throws Exception {
    Database database = Database.open(path, Duration.ofSeconds(5));
    SnapshotRepository snapshots = new SnapshotRepository(database);
    EventStore events = new EventStore(database);
    SourceLedger ledger = new SourceLedger(database, snapshots, events);
    Publication participating = parse(PARTICIPATING);
    SourceLedger.Judged kept =
        SourceLedger.Judged.good(
            new SourceLedger.Arrival(
                SourceCursor.empty(ListKind.PARTICIPATING),
                provenance(PARTICIPATING),
                participating,
                "imported"));
    ledger.keep(List.of(kept), List.of(renamed()), READ_AT);
    snapshots.save(provenance(PENDING), Snapshot.Status.GOOD, null, parse(PENDING));
    return database;
  }

  private static SourceLedger.Found renamed() {
    Agreement before = brevard("Indialantic Police Department");
    Agreement after = brevard("Indiatlantic Police Department");
    ChangeEvent event =
        new ChangeEvent(ChangeEvent.Type.RENAMED, ListKind.PARTICIPATING, after, before, Set.of());
    String coverage = AgencyResolver.bundled().resolve(after).predictedFips();
    return new SourceLedger.Found(event, coverage, List.of());
  }

  /** A Brevard County, Florida agreement of the seeded lists' kind, named {@code agency}. */
  public static Agreement brevard(String agency) {
    return new Agreement(
        1,
        UsState.FL,
        agency,
        null,
        "Brevard",
        Model.TFM,
        java.time.LocalDate.of(2025, 5, 7),
        null,
        true,
        null);
  }

  private static Publication parse(String name) throws Exception {
    return new SpreadsheetParser().parse(BundledSnapshots.read(name), name);
  }

  private static Provenance provenance(String name) {
    return new Provenance(Provenance.Origin.IMPORTED, name, null, READ_AT, "0".repeat(64));
  }
}
