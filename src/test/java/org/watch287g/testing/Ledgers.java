package org.watch287g.testing;

import java.time.Instant;
import java.util.List;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.store.SourceCursor;
import org.watch287g.store.SourceLedger;

/**
 * Keeping a publication in a test as a poll cycle would: fetched, judged good, with its changes.
 */
public final class Ledgers {
  private Ledgers() {}

  /** Keeps {@code publication}, read from {@code source} at {@code now}, with the changes found. */
  public static void keepFetched(
      SourceLedger ledger,
      String source,
      Publication publication,
      List<SourceLedger.Found> found,
      Instant now) {
    ListKind list = publication.kind();
    ledger.keep(
        List.of(
            SourceLedger.Judged.good(
                new SourceLedger.Arrival(
                    new SourceCursor(list, source, null, null, "h", now, now),
                    new Provenance(Provenance.Origin.FETCHED, source, list, now, "h"),
                    publication,
                    "d"))),
        found,
        now);
  }
}
