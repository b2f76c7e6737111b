package org.watch287g.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.changes.Verdict;
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
import org.watch287g.watch.CycleReport.Problem;

/**
 * One look at ICE: read the page, then for each list download (conditionally), parse, judge and
 * store. The only class that knows the order of these stages; each stage knows nothing of the next.
 *
 * <p>Failures are expected and never thrown: each is recorded with its reason and reported as a
 * line, and the last good snapshot stays what the bot serves. Unchanged bytes (304, or the same
 * SHA-256 under a new file name) end a list's turn before parsing.
 *
 * <p>A new file's parse is journaled as started before the parser sees it and as finished after; a
 * file whose parse started twice and never finished stopped the process each time (out of memory,
 * killed), and is refused without being parsed again, as unreadable, so it cannot crash the bot at
 * every restart. (Once is retried: a kill during a good file's parse must not refuse it.)
 */
public final class PollCycle {
  private static final Logger log = LoggerFactory.getLogger(PollCycle.class);

  static final String CRASHED_BEFORE =
      "refused unread: parsing this file stopped the bot twice (out of memory or killed), so it"
          + " is not parsed again";

  private final SourceClient source;
  private final SpreadsheetParser parser;
  private final Ingest ingest;
  private final SourceLedger ledger;
  private final SnapshotRepository snapshots;
  private final String pageUrl;
  private final Clock clock;

  /** The poll cycle of the bot: reads and parses, then hands new publications to be kept. */
  public PollCycle(
      SourceClient source,
      SpreadsheetParser parser,
      Ingest ingest,
      SourceLedger ledger,
      SnapshotRepository snapshots,
      String pageUrl,
      Clock clock) {
    this.source = source;
    this.parser = parser;
    this.ingest = ingest;
    this.ledger = ledger;
    this.snapshots = snapshots;
    this.pageUrl = pageUrl;
    this.clock = clock;
  }

  /**
   * Runs one cycle; never throws for a problem with the source. One cycle at a time in a process: a
   * {@code check} or a test that runs a cycle while the poller's runs waits for it, so that no two
   * cycles read the same cursors and keep the same publication.
   */
  public synchronized CycleReport run() {
    Instant now = clock.instant();
    // Before the cursors are read: if another instance keeps a publication after this, what this
    // cycle found is stale and is not kept (two pollers overlapping at a change of leader).
    long basis = snapshots.latestId();
    List<CycleReport.Line> lines = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    PageLinks links;
    try {
      links = source.readPage();
    } catch (SourceException e) {
      ledger.pageFailed(now, pageUrl, message(e));
      lines.add(new CycleReport.Line("page", Outcome.FAILED, message(e)));
      problems.add(new Problem(Problem.Kind.UNREACHABLE, null, pageUrl, "", message(e)));
      return new CycleReport(lines, problems);
    }
    lines.add(new CycleReport.Line("page", Outcome.UNCHANGED, "read " + pageUrl));
    List<SourceLedger.Arrival> fresh = new ArrayList<>();
    list(ListKind.PARTICIPATING, links.participating(), now, fresh, problems).ifPresent(lines::add);
    list(ListKind.PENDING, links.pending(), now, fresh, problems).ifPresent(lines::add);
    if (!fresh.isEmpty()) {
      lines.addAll(keep(fresh, now, basis, problems));
    }
    return new CycleReport(lines, problems);
  }

  /** Judges, diffs and keeps the cycle's new publications in one transaction. */
  private List<CycleReport.Line> keep(
      List<SourceLedger.Arrival> fresh, Instant now, long basis, List<Problem> problems) {
    Ingest.Result result = ingest.keep(fresh, now, basis);
    List<CycleReport.Line> lines = new ArrayList<>();
    if (result.kept().isEmpty()) {
      // Another poller stored a publication while this one diffed: it found these changes first.
      for (SourceLedger.Arrival arrival : fresh) {
        lines.add(
            line(
                arrival.linkedAs(),
                Outcome.UNCHANGED,
                "not kept: another instance stored a publication meanwhile; the next cycle looks"
                    + " again"));
      }
      return lines;
    }
    for (SourceLedger.Kept k : result.kept()) {
      SourceLedger.Arrival arrival = k.judged().arrival();
      Verdict verdict = k.judged().verdict();
      if (!verdict.ok()) {
        problems.add(
            new Problem(
                Problem.Kind.QUARANTINED,
                k.linkedAs(),
                fileName(arrival.provenance().source()),
                arrival.provenance().sha256(),
                verdict.reason()));
      }
      lines.add(
          line(
              k.linkedAs(),
              verdict.ok() ? Outcome.STORED : Outcome.QUARANTINED,
              "snapshot #"
                  + k.id()
                  + (verdict.ok() ? ": " + arrival.detail() : " not served: " + verdict.reason())));
    }
    if (result.baseline()) {
      lines.add(
          new CycleReport.Line(
              "changes", Outcome.STORED, "none: this first publication is the baseline"));
    } else if (result.kept().stream().anyMatch(SourceLedger.Kept::good)) {
      lines.add(new CycleReport.Line("changes", Outcome.STORED, describe(result.found())));
    }
    return lines;
  }

  private static String describe(List<SourceLedger.Found> found) {
    long alerting = found.stream().filter(f -> f.event().alerts()).count();
    long messages = found.stream().mapToLong(f -> f.channels().size()).sum();
    return found.size()
        + " found, "
        + alerting
        + " worth an alert, "
        + messages
        + " alerts queued for the channels that follow them";
  }

  /**
   * Looks at one list: the line to report, or nothing when a new publication joined {@code fresh}
   * (it is reported once judged and kept).
   */
  private Optional<CycleReport.Line> list(
      ListKind kind,
      @Nullable String url,
      Instant now,
      List<SourceLedger.Arrival> fresh,
      List<Problem> problems) {
    if (url == null) {
      String detail = notLinkedDetail(kind);
      ledger.notLinked(kind, now, detail);
      if (kind == ListKind.PARTICIPATING) {
        // The pending list may come and go; the list of agreements is always published.
        problems.add(new Problem(Problem.Kind.UNREACHABLE, kind, pageUrl, "", detail));
      }
      return Optional.of(line(kind, Outcome.NOT_LINKED, detail));
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
      problems.add(new Problem(Problem.Kind.UNREACHABLE, kind, fileName(url), "", message(e)));
      return Optional.of(line(kind, Outcome.FAILED, message(e)));
    }
    if (!(download instanceof Download.Fetched fetched)) {
      ledger.unchanged(moved(cursor, now), "not modified since the last download (HTTP 304)");
      return Optional.of(line(kind, Outcome.UNCHANGED, "not modified (HTTP 304) " + fileName(url)));
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
      return Optional.of(line(kind, Outcome.UNCHANGED, "same bytes as before " + fileName(url)));
    }
    return parse(kind, url, fetched, next, now, fresh, problems);
  }

  /** Parses a download; a good parse joins {@code fresh} and reports nothing yet. */
  private Optional<CycleReport.Line> parse(
      ListKind kind,
      String url,
      Download.Fetched fetched,
      SourceCursor next,
      Instant now,
      List<SourceLedger.Arrival> fresh,
      List<Problem> problems) {
    if (ledger.parseKeepsCrashing(fetched.sha256())) {
      return Optional.of(unreadable(kind, url, fetched, next, now, CRASHED_BEFORE, problems));
    }
    Publication publication;
    ledger.parseStarted(fetched.sha256(), url, now);
    try {
      publication = parser.parse(fetched.body(), fileName(url));
    } catch (UnreadablePublicationException e) {
      ledger.parseFinished(fetched.sha256(), clock.instant());
      return Optional.of(unreadable(kind, url, fetched, next, now, message(e), problems));
    }
    ledger.parseFinished(fetched.sha256(), clock.instant());
    if (!publication.warnings().isEmpty()) {
      log.info(
          "{}: {} oddities repaired or skipped (java -jar watch287g.jar inspect lists them)",
          fileName(url),
          publication.warnings().size());
      publication.warnings().forEach(w -> log.debug("{}: {}", fileName(url), w));
    }
    Provenance provenance =
        new Provenance(Provenance.Origin.FETCHED, url, kind, now, fetched.sha256());
    String detail = publication.describe() + " from " + fileName(url);
    fresh.add(new SourceLedger.Arrival(next, provenance, publication, detail));
    return Optional.empty();
  }

  /** Records a file that cannot be read, moving the cursor past it; the operator is told once. */
  private CycleReport.Line unreadable(
      ListKind kind,
      String url,
      Download.Fetched fetched,
      SourceCursor next,
      Instant now,
      String reason,
      List<Problem> problems) {
    ledger.failed(kind, url, now, reason, next);
    problems.add(
        new Problem(Problem.Kind.UNREADABLE, kind, fileName(url), fetched.sha256(), reason));
    return line(kind, Outcome.FAILED, reason);
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
