package org.watch287g.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.testing.TestStores;

@ParameterizedClass(name = "on {0}")
@EnumSource(TestStores.Kind.class)
class SourceLedgerTest {
  @Parameter TestStores.Kind kind;
  @RegisterExtension final TestStores stores = new TestStores();

  static final Instant T0 = Instant.parse("2026-05-18T10:00:00Z");
  static final String URL = "https://ice.example/participatingAgencies05182026am.xlsx";

  @TempDir Path dir;
  SnapshotRepository snapshots;
  SourceLedger ledger;

  @BeforeEach
  void open() {
    Database database = stores.open(kind, dir.resolve("bot.db"));
    snapshots = new SnapshotRepository(database);
    ledger = new SourceLedger(database, snapshots, new EventStore(database));
  }

  SourceCursor cursor(String sha, Instant at) {
    return new SourceCursor(ListKind.PARTICIPATING, URL, "\"e1\"", "Mon, 18 May 2026", sha, at, at);
  }

  @Test
  @DisplayName("a list never fetched has an empty cursor")
  void emptyCursor() {
    assertEquals(SourceCursor.empty(ListKind.PENDING), ledger.cursor(ListKind.PENDING));
  }

  @Test
  @DisplayName("storing a publication moves the cursor and records the attempt with the snapshot")
  void storedMovesCursor() {
    SourceLedger.Kept kept =
        ledger
            .keep(
                List.of(
                    SourceLedger.Judged.good(
                        new SourceLedger.Arrival(
                            cursor("aa", T0),
                            SnapshotRepositoryTest.fetched("aa"),
                            SnapshotRepositoryTest.participating(
                                SnapshotRepositoryTest.colbert(Model.JEM)),
                            "1 agreement"))),
                List.of(),
                T0)
            .get(0);

    assertEquals(cursor("aa", T0), ledger.cursor(ListKind.PARTICIPATING));
    FetchAttempt attempt = ledger.recentAttempts(1).get(0);
    assertEquals(FetchAttempt.Outcome.STORED, attempt.outcome());
    assertEquals(kept.id(), attempt.snapshotId());
  }

  @Test
  @DisplayName("a download that failed before any bytes leaves the cursor where it was")
  void failureWithoutBytesKeepsCursor() {
    ledger.unchanged(cursor("aa", T0), "304");

    ledger.failed(ListKind.PARTICIPATING, URL, T0.plusSeconds(600), "HTTP 500 from " + URL, null);

    assertEquals(cursor("aa", T0), ledger.cursor(ListKind.PARTICIPATING));
    FetchAttempt attempt = ledger.recentAttempts(1).get(0);
    assertEquals(FetchAttempt.Outcome.FAILED, attempt.outcome());
    assertEquals("HTTP 500 from " + URL, attempt.detail());
    assertNull(attempt.snapshotId());
  }

  @Test
  @DisplayName("attempts are listed newest first, page failures and unlinked lists included")
  void attemptsNewestFirst() {
    ledger.pageFailed(T0, "https://ice.example/287g", "HTTP 503");
    ledger.notLinked(ListKind.PENDING, T0.plusSeconds(1), "the page links no pending workbook");

    List<FetchAttempt> attempts = ledger.recentAttempts(10);

    assertEquals(2, attempts.size());
    assertEquals(FetchAttempt.Outcome.NOT_LINKED, attempts.get(0).outcome());
    assertEquals("page", attempts.get(1).target());
  }
}
