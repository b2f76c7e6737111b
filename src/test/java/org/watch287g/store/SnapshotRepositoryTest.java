package org.watch287g.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.watch287g.dataset.AgencyType;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.Snapshot;
import org.watch287g.dataset.UsState;
import org.watch287g.testing.TestStores;

@ParameterizedClass(name = "on {0}")
@EnumSource(TestStores.Kind.class)
class SnapshotRepositoryTest {
  @Parameter TestStores.Kind kind;
  @RegisterExtension final TestStores stores = new TestStores();

  static final Instant T0 = Instant.parse("2026-05-18T10:00:00Z");

  @TempDir Path dir;
  Database database;
  SnapshotRepository snapshots;

  @BeforeEach
  void open() {
    database = stores.open(kind, dir.resolve("sub/bot.db"));
    snapshots = new SnapshotRepository(database);
  }

  static Publication participating(Agreement... rows) {
    return new Publication(
        ListKind.PARTICIPATING,
        List.of("STATE", "LAW ENFORCEMENT AGENCY", "SUPPORT TYPE", "SIGNED", "MOA"),
        List.of(rows),
        List.of("row 9: skipped, unknown SUPPORT TYPE 'Liaison'"));
  }

  static Agreement colbert(Model model) {
    return new Agreement(
        2,
        UsState.AL,
        "Colbert County Sheriff’s Office",
        AgencyType.COUNTY,
        "Colbert County",
        model,
        LocalDate.of(2025, 5, 8),
        "https://www.ice.gov/doclib/287gMOA/colbert.pdf",
        false,
        null);
  }

  static Provenance fetched(String sha) {
    return new Provenance(
        Provenance.Origin.FETCHED,
        "https://www.ice.gov/doclib/about/offices/ero/287g/participatingAgencies05182026am.xlsx",
        ListKind.PARTICIPATING,
        T0,
        sha);
  }

  @Test
  @DisplayName("a stored publication reads back exactly, rows, provenance and warnings included")
  void storedPublicationReadsBackExactly() {
    Agreement pending =
        new Agreement(
            3,
            UsState.TX,
            "Harris County Precinct 4",
            null,
            null,
            Model.TFM,
            null,
            null,
            true,
            null);
    Publication publication = participating(colbert(Model.JEM), pending);

    long id = snapshots.save(fetched("ab12"), Snapshot.Status.GOOD, null, publication);
    Snapshot back = snapshots.find(id).orElseThrow();

    assertEquals(publication, back.publication());
    assertEquals(fetched("ab12"), back.provenance());
    assertEquals(Snapshot.Status.GOOD, back.status());
  }

  @Test
  @DisplayName("the bot serves the newest good snapshot, never a quarantined one")
  void latestGoodSkipsQuarantined() {
    long good =
        snapshots.save(fetched("1"), Snapshot.Status.GOOD, null, participating(colbert(Model.JEM)));
    snapshots.save(fetched("2"), Snapshot.Status.QUARANTINED, "swapped", participating());

    assertEquals(good, snapshots.latestGood(ListKind.PARTICIPATING).orElseThrow().id());
    assertTrue(snapshots.latestGood(ListKind.PENDING).isEmpty());
    assertTrue(snapshots.hasAny(ListKind.PARTICIPATING));
    assertFalse(snapshots.hasAny(ListKind.PENDING));
  }

  @Test
  @DisplayName("a failure in the middle of storing leaves nothing behind")
  void failedTransactionLeavesNothing() {
    assertThrows(
        IllegalStateException.class,
        () ->
            database.transaction(
                c -> {
                  snapshots.insert(
                      c,
                      fetched("3"),
                      Snapshot.Status.GOOD,
                      null,
                      participating(colbert(Model.TFM)));
                  throw new IllegalStateException("crash between two writes");
                }));

    assertFalse(snapshots.hasAny(ListKind.PARTICIPATING));
  }

  @Test
  @DisplayName("reopening the same file keeps the data and does not re-run migrations")
  void reopeningKeepsData() {
    long id =
        snapshots.save(fetched("4"), Snapshot.Status.GOOD, null, participating(colbert(Model.WSO)));

    Database again = stores.open(kind, dir.resolve("sub/bot.db"));

    assertEquals(
        id, new SnapshotRepository(again).latestGood(ListKind.PARTICIPATING).orElseThrow().id());
  }

  @Test
  @DisplayName("SQLite runs in WAL mode, and both databases enforce foreign keys")
  void walAndForeignKeys() {
    if (kind == TestStores.Kind.SQLITE) {
      assertEquals("wal", journalMode());
    }
    assertThrows(
        StorageException.class,
        () ->
            database.write(
                c -> {
                  try (var s = c.createStatement()) {
                    s.executeUpdate(
                        "INSERT INTO agreement (snapshot_id, row, state, agency, agency_key, model,"
                            + " moa_pending) VALUES (999, 1, 'AL', 'x', 'x', 'JEM', 0)");
                  }
                }));
  }

  private String journalMode() {
    return database.read(
        c -> {
          try (var s = c.createStatement();
              var r = s.executeQuery("PRAGMA journal_mode")) {
            r.next();
            return r.getString(1);
          }
        });
  }
}
