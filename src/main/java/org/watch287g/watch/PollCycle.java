package org.watch287g.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.Snapshot;
import org.watch287g.source.Download;
import org.watch287g.source.PageLinks;
import org.watch287g.source.SourceClient;
import org.watch287g.source.SourceException;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.source.UnreadablePublicationException;
import org.watch287g.source.Validators;
import org.watch287g.store.FetchAttempt.Outcome;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SourceCursor;
import org.watch287g.store.SourceLedger;

/**
 * One look at ICE: read the page, then for each list download (conditionally), parse, judge and
 * store. The only class that knows the order of these stages; each stage knows nothing of the next.
 *
 * <p>Failures are expected and never thrown: each is recorded with its reason and reported as a
 * line, and the last good snapshot stays what the bot serves. Unchanged bytes (304, or the same
 * SHA-256 under a new file name) end a list's turn before parsing.
 */
public final class PollCycle {
  private static final Logger log = LoggerFactory.getLogger(PollCycle.class);

  private final SourceClient source;
  private final SpreadsheetParser parser;
  private final SourceLedger ledger;
  private final SnapshotRepository snapshots;
  private final String pageUrl;
  private final Clock clock;

  public PollCycle(
      SourceClient source,
      SpreadsheetParser parser,
      SourceLedger ledger,
      SnapshotRepository snapshots,
      String pageUrl,
      Clock clock) {
    this.source = source;
    this.parser = parser;
    this.ledger = ledger;
    this.snapshots = snapshots;
    this.pageUrl = pageUrl;
    this.clock = clock;
  }

  /** Runs one cycle; never throws for a problem with the source. */
  public CycleReport run() {
    Instant now = clock.instant();
    List<CycleReport.Line> lines = new ArrayList<>();
    PageLinks links;
    try {
      links = source.readPage();
    } catch (SourceException e) {
      ledger.pageFailed(now, pageUrl, message(e));
      lines.add(new CycleReport.Line("page", Outcome.FAILED, message(e)));
      return new CycleReport(lines);
    }
    lines.add(new CycleReport.Line("page", Outcome.UNCHANGED, "read " + pageUrl));
    lines.add(list(ListKind.PARTICIPATING, links.participating(), now));
    lines.add(list(ListKind.PENDING, links.pending(), now));
    return new CycleReport(lines);
  }

  private CycleReport.Line list(ListKind kind, @Nullable String url, Instant now) {
    if (url == null) {
      String detail = notLinkedDetail(kind);
      ledger.notLinked(kind, now, detail);
      return line(kind, Outcome.NOT_LINKED, detail);
    }
    SourceCursor cursor = ledger.cursor(kind);
    Validators previous =
        url.equals(cursor.url())
            ? new Validators(cursor.etag(), cursor.lastModified())
            : Validators.none();
    Download download;
    try {
      download = source.download(url, previous);
    } catch (SourceException e) {
      ledger.failed(kind, url, now, message(e), null);
      return line(kind, Outcome.FAILED, message(e));
    }
    if (!(download instanceof Download.Fetched fetched)) {
      ledger.unchanged(moved(cursor, now), "not modified since the last download (HTTP 304)");
      return line(kind, Outcome.UNCHANGED, "not modified (HTTP 304) " + fileName(url));
    }
    SourceCursor next =
        new SourceCursor(
            kind,
            url,
            fetched.validators().etag(),
            fetched.validators().lastModified(),
            fetched.sha256(),
            now,
            now);
    if (fetched.sha256().equals(cursor.sha256())) {
      ledger.unchanged(next, "the same bytes as the last download");
      return line(kind, Outcome.UNCHANGED, "same bytes as before " + fileName(url));
    }
    return parseAndStore(kind, url, fetched, next, now);
  }

  private CycleReport.Line parseAndStore(
      ListKind kind, String url, Download.Fetched fetched, SourceCursor next, Instant now) {
    Publication publication;
    try {
      publication = parser.parse(fetched.body(), fileName(url));
    } catch (UnreadablePublicationException e) {
      String reason = message(e);
      ledger.failed(kind, url, now, reason, next);
      return line(kind, Outcome.FAILED, reason);
    }
    Provenance provenance =
        new Provenance(Provenance.Origin.FETCHED, url, kind, now, fetched.sha256());
    String reason = shapeMismatch(kind, publication);
    Snapshot.Status status = reason == null ? Snapshot.Status.GOOD : Snapshot.Status.QUARANTINED;
    String detail = publication.describe() + " from " + fileName(url);
    long id = ledger.stored(next, provenance, status, reason, publication, detail);
    if (!publication.warnings().isEmpty()) {
      log.info(
          "{}: {} oddities repaired or skipped (java -jar watch287g.jar inspect lists them)",
          fileName(url),
          publication.warnings().size());
      publication.warnings().forEach(w -> log.debug("{}: {}", fileName(url), w));
    }
    if (reason != null) {
      return line(kind, Outcome.QUARANTINED, "snapshot #" + id + " not served: " + reason);
    }
    return line(kind, Outcome.STORED, "snapshot #" + id + ": " + detail);
  }

  /**
   * Why a publication's shape contradicts the link it came from, or null. On 2025-09-22 ICE served
   * each list under the other's link; such a file is kept for the record but never served or
   * re-routed to the other list.
   */
  private static @Nullable String shapeMismatch(ListKind linkedAs, Publication publication) {
    if (publication.kind() == linkedAs) {
      return null;
    }
    return "the "
        + linkedAs.id()
        + " link serves a "
        + publication.kind().id()
        + " list ("
        + (publication.kind() == ListKind.PENDING ? "no signing-date column" : "a SIGNED column")
        + "): ICE may have published the two lists swapped";
  }

  private String notLinkedDetail(ListKind kind) {
    Optional<Snapshot> last = snapshots.latestGood(kind);
    return "the page links no "
        + kind.id()
        + " workbook"
        + last.map(
                s ->
                    "; still serving snapshot #"
                        + s.id()
                        + " of "
                        + s.provenance().fetchedAt()
                        + ", now stale")
            .orElse("");
  }

  private static SourceCursor moved(SourceCursor cursor, Instant now) {
    return new SourceCursor(
        cursor.kind(),
        cursor.url(),
        cursor.etag(),
        cursor.lastModified(),
        cursor.sha256(),
        now,
        now);
  }

  private static CycleReport.Line line(ListKind kind, Outcome outcome, String detail) {
    return new CycleReport.Line(kind.id(), outcome, detail);
  }

  private static String fileName(String url) {
    int slash = url.lastIndexOf('/');
    return slash < 0 ? url : url.substring(slash + 1);
  }

  private static String message(Exception e) {
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
