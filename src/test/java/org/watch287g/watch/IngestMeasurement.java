package org.watch287g.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Target;
import org.watch287g.changes.PublicationGuard;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.County;
import org.watch287g.geo.Gazetteer;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.source.UnreadablePublicationException;
import org.watch287g.store.Database;
import org.watch287g.store.EventStore;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SourceCursor;
import org.watch287g.store.SourceLedger;
import org.watch287g.store.SubscriptionRepository;

/**
 * One ingest of the real 2026-05-18 participating list after 2026-01-23, as {@link PollCycle} does
 * it once the bytes are downloaded: parse, then {@link Ingest#keep} (guard, diff, match, and the
 * one SQLite transaction that keeps the snapshot, the events and the outbox rows). Lives in this
 * package because {@code Ingest.keep} is package-private. Used by the bench's ingest section.
 */
public final class IngestMeasurement implements AutoCloseable {
  private static final String BEFORE = "2026-01-23";
  private static final String AFTER = "2026-05-18";

  private final SpreadsheetParser parser = new SpreadsheetParser();
  private final AgencyResolver resolver = AgencyResolver.bundled();
  private final byte[] newParticipating = BundledSnapshots.read(AFTER + "-participating.xlsx");
  private final Publication oldParticipating;
  private final Publication oldPending;
  private final Path directory;
  private final int subscriptions;
  private int run;

  /**
   * What one timed ingest found and took: in total, and its parse, judge (guard, diff, match) and
   * commit parts, measured by a second pass over a twin database (the stage does all three in one
   * call).
   */
  public record Result(
      long nanos,
      int events,
      int alertsQueued,
      long parseNanos,
      long judgeNanos,
      long commitNanos) {}

  /**
   * @param subscriptions channels following places: every state once, then counties in turn
   */
  public IngestMeasurement(int subscriptions) throws IOException, UnreadablePublicationException {
    this.subscriptions = subscriptions;
    this.oldParticipating =
        parser.parse(BundledSnapshots.read(BEFORE + "-participating.xlsx"), BEFORE);
    this.oldPending = parser.parse(BundledSnapshots.read(BEFORE + "-pending.xlsx"), BEFORE);
    this.directory = Files.createTempDirectory("bench-ingest");
  }

  /**
   * One ingest into a fresh database holding 2026-01-23 as the last good publication (set up
   * untimed); only the parse and {@code keep} are timed.
   */
  public Result once() throws UnreadablePublicationException {
    run++;
    try (Database database =
        Database.open(directory.resolve("ingest-" + run + ".db"), Duration.ofSeconds(5))) {
      SnapshotRepository snapshots = new SnapshotRepository(database);
      EventStore events = new EventStore(database);
      SourceLedger ledger = new SourceLedger(database, snapshots, events);
      SubscriptionRepository follows = new SubscriptionRepository(database);
      seedFollows(follows);
      Instant then = Instant.parse(BEFORE + "T12:00:00Z");
      ledger.keep(
          List.of(
              SourceLedger.Judged.good(arrival(ListKind.PARTICIPATING, oldParticipating, then)),
              SourceLedger.Judged.good(arrival(ListKind.PENDING, oldPending, then))),
          List.of(),
          then);
      Ingest ingest = Ingest.create(new PublicationGuard(), resolver, ledger, snapshots, follows);

      long start = System.nanoTime();
      Publication fresh = parser.parse(newParticipating, AFTER + "-participating.xlsx");
      Instant now = Instant.parse(AFTER + "T12:00:00Z");
      Ingest.Result stored = ingest.keep(List.of(arrival(ListKind.PARTICIPATING, fresh, now)), now);
      long took = System.nanoTime() - start;
      int queued = stored.found().stream().mapToInt(found -> found.channels().size()).sum();
      long[] parts = parts(fresh, now);
      return new Result(took, stored.found().size(), queued, parts[0], parts[1], parts[2]);
    }
  }

  /** The same ingest in its three steps, timed apart, on a twin database. */
  private long[] parts(Publication unused, Instant now) throws UnreadablePublicationException {
    run++;
    try (Database database =
        Database.open(directory.resolve("ingest-" + run + ".db"), Duration.ofSeconds(5))) {
      SnapshotRepository snapshots = new SnapshotRepository(database);
      EventStore events = new EventStore(database);
      SourceLedger ledger = new SourceLedger(database, snapshots, events);
      SubscriptionRepository follows = new SubscriptionRepository(database);
      seedFollows(follows);
      Instant then = Instant.parse(BEFORE + "T12:00:00Z");
      ledger.keep(
          List.of(
              SourceLedger.Judged.good(arrival(ListKind.PARTICIPATING, oldParticipating, then)),
              SourceLedger.Judged.good(arrival(ListKind.PENDING, oldPending, then))),
          List.of(),
          then);
      Ingest ingest = Ingest.create(new PublicationGuard(), resolver, ledger, snapshots, follows);
      long start = System.nanoTime();
      Publication fresh = parser.parse(newParticipating, AFTER + "-participating.xlsx");
      long parsed = System.nanoTime();
      Ingest.Judgement judgement =
          ingest.judge(
              List.of(arrival(ListKind.PARTICIPATING, fresh, now)),
              Ingest.bases(snapshots),
              follows.all());
      long judged = System.nanoTime();
      ledger.keep(judgement.judged(), judgement.found(), now);
      long committed = System.nanoTime();
      return new long[] {parsed - start, judged - parsed, committed - judged};
    }
  }

  private void seedFollows(SubscriptionRepository follows) {
    List<Target> targets = new ArrayList<>();
    for (UsState state : UsState.values()) {
      targets.add(Target.state(state));
    }
    for (County county : Gazetteer.bundled().allCounties()) {
      targets.add(Target.county(county.fips()));
    }
    for (int i = 0; i < subscriptions; i++) {
      follows.follow(
          new ChannelRef(i % 2 == 0 ? "slack" : "discord", "W" + (i % 20), "C" + i),
          targets.get(i % targets.size()),
          Instant.EPOCH,
          null);
    }
  }

  private static SourceLedger.Arrival arrival(ListKind kind, Publication publication, Instant at) {
    String source = "https://www.ice.gov/bench/" + kind + "-" + at;
    return new SourceLedger.Arrival(
        new SourceCursor(kind, source, null, null, "sha-" + at + kind, at, at),
        new Provenance(Provenance.Origin.FETCHED, source, kind, at, "sha-" + at + kind),
        publication,
        publication.describe());
  }

  @Override
  public void close() throws IOException {
    try (var files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(directory);
  }
}
