package org.watch287g.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.watch287g.alerts.Matcher;
import org.watch287g.alerts.Subscription;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.changes.Differ;
import org.watch287g.changes.Lists;
import org.watch287g.changes.PublicationGuard;
import org.watch287g.changes.Verdict;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Publication;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.Coverage;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SourceLedger;
import org.watch287g.store.SubscriptionRepository;

/**
 * The ingest stage, between reading ICE's files and delivering alerts: each new publication judged
 * by the guard against the last good one of its list, the good ones diffed together against the
 * last good state of both lists, each change resolved to the places it reaches and matched to the
 * channels that follow them, and all of it kept in one transaction.
 *
 * <p>Data flows one way: arrivals in, the guard's verdicts on them, the ledger's kept snapshots
 * (each with its id) out.
 *
 * <p>The first publication of an installation is its baseline: with nothing to diff against, it
 * yields no changes, whatever its date. The snapshot bundled in the jar is never a base.
 *
 * <p>Shared by the poll cycle and the replay of {@code demo}, so both keep publications the same
 * way.
 */
public final class Ingest {
  private final PublicationGuard guard;
  private final Differ differ;
  private final AgencyResolver resolver;
  private final Matcher matcher;
  private final SourceLedger ledger;
  private final SnapshotRepository snapshots;
  private final SubscriptionRepository subscriptions;

  Ingest(
      PublicationGuard guard,
      Differ differ,
      AgencyResolver resolver,
      Matcher matcher,
      SourceLedger ledger,
      SnapshotRepository snapshots,
      SubscriptionRepository subscriptions) {
    this.guard = guard;
    this.differ = differ;
    this.resolver = resolver;
    this.matcher = matcher;
    this.ledger = ledger;
    this.snapshots = snapshots;
    this.subscriptions = subscriptions;
  }

  /** The stage between parsing and delivery: guard, diff, match and keep. */
  public static Ingest create(
      PublicationGuard guard,
      AgencyResolver resolver,
      SourceLedger ledger,
      SnapshotRepository snapshots,
      SubscriptionRepository subscriptions) {
    return new Ingest(
        guard, new Differ(), resolver, new Matcher(), ledger, snapshots, subscriptions);
  }

  /**
   * What {@link #keep} did.
   *
   * @param kept the publications as kept, with their verdicts and snapshot ids, in arrival order
   * @param found the changes found, with the channels to alert
   * @param baseline whether there was nothing to diff against: the installation's first
   */
  record Result(List<SourceLedger.Kept> kept, List<SourceLedger.Found> found, boolean baseline) {}

  /**
   * Judges, diffs and matches new publications against the latest good ones, and keeps it all in
   * one transaction.
   */
  Result keep(List<SourceLedger.Arrival> arrivals, Instant now) {
    // Read before the bases: if anything is stored after it, these bases are stale.
    return keep(arrivals, now, snapshots.latestId());
  }

  /**
   * Like {@link #keep(List, Instant)}, kept only if no snapshot was stored after {@code basis} (the
   * newest snapshot id when the caller began): else nothing is kept and the result is empty.
   */
  Result keep(List<SourceLedger.Arrival> arrivals, Instant now, long basis) {
    Map<ListKind, Publication> bases = bases(snapshots);
    Judgement judgement = judge(arrivals, bases, subscriptions.all());
    List<SourceLedger.Kept> kept = ledger.keep(judgement.judged(), judgement.found(), now, basis);
    if (kept.isEmpty()) {
      return new Result(kept, List.of(), false);
    }
    return new Result(kept, judgement.found(), bases.isEmpty());
  }

  /** The guard's verdict on each arrival, in order, and the changes to keep and send. */
  record Judgement(List<SourceLedger.Judged> judged, List<SourceLedger.Found> found) {}

  /**
   * Judges, diffs and matches.
   *
   * @param bases the latest good, non-bundled publication of each list that has one
   */
  Judgement judge(
      List<SourceLedger.Arrival> arrivals,
      Map<ListKind, Publication> bases,
      List<Subscription> subscriptions) {
    List<SourceLedger.Judged> judged = new ArrayList<>();
    Map<ListKind, Publication> good = new EnumMap<>(ListKind.class);
    for (SourceLedger.Arrival arrival : arrivals) {
      Publication previous = bases.get(arrival.linkedAs());
      Verdict verdict = guard.check(arrival.publication(), arrival.linkedAs(), previous);
      judged.add(new SourceLedger.Judged(arrival, verdict));
      if (verdict.ok()) {
        good.put(arrival.linkedAs(), arrival.publication());
      }
    }
    return new Judgement(judged, good.isEmpty() ? List.of() : changes(good, bases, subscriptions));
  }

  private List<SourceLedger.Found> changes(
      Map<ListKind, Publication> good,
      Map<ListKind, Publication> bases,
      List<Subscription> subscriptions) {
    Publication p0 = bases.get(ListKind.PARTICIPATING);
    Publication q0 = bases.get(ListKind.PENDING);
    if (p0 == null && q0 == null) {
      return List.of(); // the installation's baseline
    }
    Lists before = new Lists(p0, q0);
    Lists after =
        new Lists(
            good.getOrDefault(ListKind.PARTICIPATING, p0), good.getOrDefault(ListKind.PENDING, q0));
    List<SourceLedger.Found> found = new ArrayList<>();
    Matcher.Prepared followers = matcher.prepare(subscriptions);
    for (ChangeEvent event : differ.diff(before, after)) {
      Coverage coverage = resolver.resolve(event.agreement());
      found.add(
          new SourceLedger.Found(
              event,
              coverage.predictedFips(),
              event.alerts() ? followers.channels(coverage, event) : List.of()));
    }
    return found;
  }

  /**
   * The latest good, non-bundled publication of each list that has one: what a diff starts from.
   */
  static Map<ListKind, Publication> bases(SnapshotRepository snapshots) {
    Map<ListKind, Publication> bases = new EnumMap<>(ListKind.class);
    for (ListKind kind : ListKind.values()) {
      snapshots.latestBase(kind).ifPresent(s -> bases.put(kind, s.publication()));
    }
    return bases;
  }
}
