package org.watch287g.commands;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.AgreementKey;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Snapshot;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.County;
import org.watch287g.geo.Coverage;
import org.watch287g.geo.Gazetteer;
import org.watch287g.geo.Jurisdiction;

/**
 * Builds a {@link Status}: which agreements, requests and changes are "there".
 *
 * <p>An agreement is there when its coverage includes the county asked about, or when it reaches
 * the county's whole state (a state agency, or an agency nobody could place: the same rule the
 * matcher uses for alerts, so status never hides what would alert). For a state, everything in the
 * state is there.
 *
 * <p>Resolving every row of a list costs tens of milliseconds, so the coverages of the latest
 * snapshot of each list are kept until a newer snapshot is served. The statuses answered are kept
 * too, for as long as both lists stay the same: every recorded change is stored with a new good
 * snapshot (in one transaction), so a status can only change when one of the lists does. Finding
 * the place's entries and its recent changes (500 stored events read) was most of a status answer's
 * cost; a kept status costs the two index lookups that say whether it is still current.
 * Thread-safe.
 */
final class StatusLookup {
  /** How many recorded changes a status shows. */
  static final int RECENT = 10;

  /** How many of a state's changes are read to find a county's latest ones. */
  private static final int SCAN = 500;

  private static final Pattern SHERIFF = Pattern.compile("(?i)\\bsheriff");

  private final PublishedLists lists;
  private final AgencyResolver resolver;
  private final Gazetteer gazetteer;
  private final ConcurrentMap<ListKind, Resolved> cache = new ConcurrentHashMap<>();

  /**
   * How many statuses are kept; past it, all are dropped and kept again as asked. The places a
   * community asks about fit many times over. A status holds the shared entries of {@link Resolved}
   * by reference (500 counties' statuses kept 0.2 KiB each on the bundled lists), plus at most
   * {@link #RECENT} changes of its own, so even a scan through every county stays far from a 64 MB
   * heap.
   */
  static final int KEPT = 256;

  private volatile Kept kept = new Kept(-1, -1);

  StatusLookup(PublishedLists lists, AgencyResolver resolver, Gazetteer gazetteer) {
    this.lists = lists;
    this.resolver = resolver;
    this.gazetteer = gazetteer;
  }

  /** One list's snapshot with each row's coverage. */
  private record Resolved(long snapshotId, LocalDate readOn, List<Status.Entry> entries) {}

  /** The statuses answered from the snapshots with these ids (-1: none served). */
  private record Kept(long agreements, long pending, ConcurrentMap<Asked, Status> statuses) {
    Kept(long agreements, long pending) {
      this(agreements, pending, new ConcurrentHashMap<>());
    }
  }

  /** A status asked: the place, with or without its recent changes. */
  private record Asked(Place place, boolean withChanges) {}

  /**
   * Which lists a status is read from: the latest good snapshot of each, so an answer kept for one
   * version is still right until this changes (every recorded change comes with a new snapshot).
   */
  String version() {
    return lists.latestGood(ListKind.PARTICIPATING).map(s -> Long.toString(s.id())).orElse("-")
        + "/"
        + lists.latestGood(ListKind.PENDING).map(s -> Long.toString(s.id())).orElse("-");
  }

  Status status(Place place) {
    return status(place, true);
  }

  /**
   * A status without its recent changes: what a map needs, without reading the stored events (a
   * national map asks every state).
   */
  Status withoutChanges(Place place) {
    return status(place, false);
  }

  private Status status(Place place, boolean withChanges) {
    Optional<Resolved> agreements = resolved(ListKind.PARTICIPATING);
    Optional<Resolved> pending = resolved(ListKind.PENDING);
    long agreementsId = agreements.map(Resolved::snapshotId).orElse(-1L);
    long pendingId = pending.map(Resolved::snapshotId).orElse(-1L);
    Kept current = kept;
    if (current.agreements() != agreementsId || current.pending() != pendingId) {
      current = new Kept(agreementsId, pendingId);
      kept = current;
    }
    Asked asked = new Asked(place, withChanges);
    Status known = current.statuses().get(asked);
    if (known != null) {
      return known;
    }
    Status fresh = compose(place, withChanges, agreements, pending);
    if (current.statuses().size() >= KEPT) {
      current.statuses().clear();
    }
    current.statuses().put(asked, fresh);
    return fresh;
  }

  private Status compose(
      Place place, boolean withChanges, Optional<Resolved> agreements, Optional<Resolved> pending) {
    List<Status.Entry> inForce = agreements.map(r -> there(r.entries(), place)).orElse(List.of());
    LocalDate pendingAsOf = pending.map(Resolved::readOn).orElse(null);
    Map<String, List<Agreement>> inForceByName = byFoldedName(inForce);
    List<Status.Entry> requested =
        pending.map(r -> there(r.entries(), place)).orElse(List.of()).stream()
            .filter(p -> !signed(p, inForceByName, pendingAsOf))
            .toList();
    return new Status(
        place,
        ordered(inForce, place),
        ordered(requested, place),
        withChanges ? recent(place) : List.of(),
        agreements.map(Resolved::readOn).orElse(null),
        pendingAsOf,
        gazetteer.counties(place.state()).size());
  }

  /**
   * Whether a pending request is in force already: the same agency (names folded as agreements'
   * identities are) has an agreement of the same model, or one signed on or after the day the
   * pending list was read (a request for one model may be signed under another). Either way the
   * older list is behind the newer one, and the agency is shown once, as in force.
   */
  private static boolean signed(
      Status.Entry request,
      Map<String, List<Agreement>> inForceByName,
      @Nullable LocalDate pendingAsOf) {
    Agreement p = request.agreement();
    for (Agreement a : inForceByName.getOrDefault(foldedName(p), List.of())) {
      LocalDate signed = a.signed();
      if (a.model() == p.model()
          || (signed != null && pendingAsOf != null && !signed.isBefore(pendingAsOf))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The agreements in force by state and folded agency name: each name folded once per answer, not
   * once per pending request (folding is Unicode normalisation and regexes, and comparing every
   * pair made most of a status answer's allocation).
   */
  private static Map<String, List<Agreement>> byFoldedName(List<Status.Entry> inForce) {
    Map<String, List<Agreement>> byName = new HashMap<>();
    for (Status.Entry e : inForce) {
      byName.computeIfAbsent(foldedName(e.agreement()), k -> new ArrayList<>(1)).add(e.agreement());
    }
    return byName;
  }

  private static String foldedName(Agreement a) {
    return a.state().code() + "|" + AgreementKey.fold(a.agency());
  }

  /**
   * A county's entries with its own agencies first: the sheriff, the police of places in it, its
   * other local bodies, then agencies nobody could place, then statewide ones; ICE's order within
   * each. A state's entries keep ICE's order.
   */
  private static List<Status.Entry> ordered(List<Status.Entry> entries, Place place) {
    if (place.county() == null) {
      return entries;
    }
    List<Status.Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingInt(StatusLookup::rank));
    return sorted;
  }

  private static int rank(Status.Entry e) {
    return switch (e.reach()) {
      case STATEWIDE -> 4;
      case UNKNOWN -> 3;
      case COUNTIES -> {
        if (e.level() == Jurisdiction.COUNTY && SHERIFF.matcher(e.agreement().agency()).find()) {
          yield 0;
        }
        yield e.level() == Jurisdiction.MUNICIPALITY ? 1 : 2;
      }
    };
  }

  private Optional<Resolved> resolved(ListKind kind) {
    Optional<Snapshot> latest = lists.latestGood(kind);
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    Snapshot snapshot = latest.get();
    Resolved cached = cache.get(kind);
    if (cached != null && cached.snapshotId() == snapshot.id()) {
      return Optional.of(cached);
    }
    List<Status.Entry> entries = new ArrayList<>();
    for (Agreement a : snapshot.publication().agreements()) {
      Coverage c = resolver.resolve(a);
      entries.add(new Status.Entry(a, reach(c), names(List.copyOf(c.counties())), c.level()));
    }
    Resolved fresh = new Resolved(snapshot.id(), day(snapshot.provenance().fetchedAt()), entries);
    cache.put(kind, fresh);
    return Optional.of(fresh);
  }

  private static List<Status.Entry> there(List<Status.Entry> entries, Place place) {
    return entries.stream()
        .filter(e -> e.agreement().state() == place.state())
        .filter(e -> covers(e.reach(), e.counties(), place))
        .toList();
  }

  private List<Status.Change> recent(Place place) {
    List<Status.Change> found = new ArrayList<>();
    for (PublishedLists.RecordedChange r : lists.recentChanges(place.state(), SCAN)) {
      List<String> codes = codes(r.coverage());
      Status.Reach reach = reach(r.coverage());
      List<String> names = names(codes);
      if (covers(reach, names, place) && found.size() < RECENT) {
        found.add(
            new Status.Change(
                r.id(), r.detectedAt(), day(r.detectedAt()), r.event(), reach, names));
      }
    }
    return found;
  }

  /**
   * Whether an agency reaching so far is there; compares county names, which are unique in a state.
   */
  private static boolean covers(Status.Reach reach, List<String> counties, Place place) {
    County county = place.county();
    return county == null || reach != Status.Reach.COUNTIES || counties.contains(county.name());
  }

  private static Status.Reach reach(Coverage c) {
    if (c.statewide()) {
      return Status.Reach.STATEWIDE;
    }
    return c.resolved() ? Status.Reach.COUNTIES : Status.Reach.UNKNOWN;
  }

  private static Status.Reach reach(String coverage) {
    if (coverage.startsWith("ST:")) {
      return Status.Reach.STATEWIDE;
    }
    return coverage.isEmpty() ? Status.Reach.UNKNOWN : Status.Reach.COUNTIES;
  }

  private static List<String> codes(String coverage) {
    if (coverage.isEmpty() || coverage.startsWith("ST:")) {
      return List.of();
    }
    return Arrays.asList(coverage.split(";", -1));
  }

  private List<String> names(List<String> fips) {
    List<String> names = new ArrayList<>();
    for (String code : fips) {
      names.add(gazetteer.county(code).map(County::name).orElse(code));
    }
    return names;
  }

  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
