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
 * What one cycle's new publications mean: each judged by the guard against the last good one of its
 * list, the good ones diffed together against the last good state of both lists, and each change
 * matched to the channels that follow the places it reaches.
 *
 * <p>The first publication of an installation is its baseline: with nothing to diff against, it
 * yields no changes, whatever its date. The snapshot bundled in the jar is never a base.
 *
 * <p>Shared by the poll cycle and the replay of {@code demo}, so both keep publications the same
 * way.
 */
public final class Publications {
  private final PublicationGuard guard;
  private final Differ differ;
  private final AgencyResolver resolver;
  private final Matcher matcher;
  private final SourceLedger ledger;
  private final SnapshotRepository snapshots;
  private final SubscriptionRepository subscriptions;

  Publications(
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
  public static Publications create(
      PublicationGuard guard,
      AgencyResolver resolver,
      SourceLedger ledger,
      SnapshotRepository snapshots,
      SubscriptionRepository subscriptions) {
    return new Publications(
        guard, new Differ(), resolver, new Matcher(), ledger, snapshots, subscriptions);
  }

  /**
   * What {@link #keep} did.
   *
   * @param outcome the publications kept (with their verdicts) and the changes found
   * @param ids the new snapshots' ids, in the order of {@code outcome.kept()}
   * @param baseline whether there was nothing to diff against: the installation's first
   */
  record Stored(Outcome outcome, List<Long> ids, boolean baseline) {}

  /**
   * Judges, diffs and matches new publications against the latest good ones, and keeps it all in
   * one transaction.
   */
  Stored keep(List<Fresh> fresh, Instant now) {
    Map<ListKind, Publication> bases = bases(snapshots);
    Outcome outcome = judge(fresh, bases, subscriptions.all());
    List<Long> ids = ledger.keep(outcome.kept(), outcome.found(), now);
    return new Stored(outcome, ids, bases.isEmpty());
  }

  /** A publication just downloaded and parsed, with what the ledger needs to keep it. */
  record Fresh(ListKind linkedAs, Publication publication, SourceLedger.Kept pending) {}

  /** The publications to keep (with their verdicts) and the changes to keep and send. */
  record Outcome(List<SourceLedger.Kept> kept, List<SourceLedger.Found> found) {}

  /**
   * Judges, diffs and matches.
   *
   * @param bases the latest good, non-bundled publication of each list that has one
   */
  Outcome judge(
      List<Fresh> fresh, Map<ListKind, Publication> bases, List<Subscription> subscriptions) {
    List<SourceLedger.Kept> kept = new ArrayList<>();
    Map<ListKind, Publication> good = new EnumMap<>(ListKind.class);
    for (Fresh f : fresh) {
      Publication previous = bases.get(f.linkedAs());
      Verdict verdict = guard.check(f.publication(), f.linkedAs(), previous);
      SourceLedger.Kept k = f.pending();
      kept.add(
          new SourceLedger.Kept(
              k.next(),
              k.provenance(),
              verdict.status(),
              verdict.ok() ? null : verdict.reason(),
              k.publication(),
              verdict.ok() ? k.detail() : "quarantined: " + verdict.reason()));
      if (verdict.ok()) {
        good.put(f.linkedAs(), f.publication());
      }
    }
    return new Outcome(kept, good.isEmpty() ? List.of() : changes(good, bases, subscriptions));
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
