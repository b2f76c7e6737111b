package org.watch287g.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.watch287g.store.Vitals;

/**
 * Whether the bot is doing its job, for {@code /readyz} and the container's HEALTHCHECK: the
 * database answers, ICE was read successfully within the last three poll intervals, and no chat
 * platform has been disconnected for longer than a grace period.
 *
 * <p>Three intervals, not one: a single failed poll (ICE's site has bad minutes) must not make an
 * orchestrator restart a bot that is fine. A bot just started has those three intervals to make its
 * first read. The grace period likewise lets a platform reconnect (a gateway resume, a network
 * blip) without the bot turning unready; meanwhile {@code /readyz} still names the platform, as a
 * note under "ready". The grace is counted from the first check that saw the platform's problem
 * (the HEALTHCHECK checks every 30 s), and starts again once a check finds it connected.
 */
public final class Readiness {

  /** One platform's connection, as its adapter sees it: empty when fine, else what is wrong. */
  public record PlatformCheck(String platform, Supplier<Optional<String>> problem) {}

  /**
   * The verdict.
   *
   * @param ready whether nothing is wrong for longer than it may be
   * @param problems when not ready, every reason
   * @param notes what is wrong but still within its grace period (a platform reconnecting)
   */
  public record Verdict(boolean ready, List<String> problems, List<String> notes) {
    public Verdict {
      problems = List.copyOf(problems);
      notes = List.copyOf(notes);
    }
  }

  private final Vitals vitals;
  private final Duration pollInterval;
  private final List<PlatformCheck> platforms;
  private final Duration platformGrace;
  private final Clock clock;
  private final Instant started;
  private final Map<String, Instant> troubledSince = new ConcurrentHashMap<>();
  private final BooleanSupplier startDone;

  /** For a bot already started. */
  public Readiness(
      Vitals vitals,
      Duration pollInterval,
      List<PlatformCheck> platforms,
      Duration platformGrace,
      Clock clock) {
    this(vitals, pollInterval, platforms, platformGrace, clock, () -> true);
  }

  /**
   * @param started whether the bot has done what it does before it may be called ready (its
   *     endpoint may answer sooner, while the rest starts): until then, not ready, "starting"
   */
  public Readiness(
      Vitals vitals,
      Duration pollInterval,
      List<PlatformCheck> platforms,
      Duration platformGrace,
      Clock clock,
      BooleanSupplier started) {
    this.startDone = started;
    this.vitals = vitals;
    this.pollInterval = pollInterval;
    this.platforms = List.copyOf(platforms);
    this.platformGrace = platformGrace;
    this.clock = clock;
    this.started = clock.instant();
  }

  /** Looks at everything now. */
  public Verdict check() {
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Instant now = clock.instant();
    if (!startDone.getAsBoolean()) {
      problems.add("starting");
    }
    if (!vitals.reachable()) {
      problems.add("the database does not answer");
    } else {
      Duration window = pollInterval.multipliedBy(3);
      Optional<Instant> last = vitals.read().lastGoodFetch();
      boolean fresh = last.isPresent() && last.get().plus(window).isAfter(now);
      boolean starting = started.plus(window).isAfter(now);
      if (!fresh && !starting) {
        problems.add(
            last.map(t -> "ICE's lists were last read successfully at " + t)
                    .orElse("ICE's lists have never been read successfully")
                + " (more than 3 poll intervals ago)");
      }
    }
    for (PlatformCheck platform : platforms) {
      Optional<String> problem = platform.problem().get();
      if (problem.isEmpty()) {
        troubledSince.remove(platform.platform());
        continue;
      }
      Instant since = troubledSince.computeIfAbsent(platform.platform(), p -> now);
      long seconds = Duration.between(since, now).toSeconds();
      if (seconds >= platformGrace.toSeconds()) {
        problems.add(platform.platform() + ": " + problem.get() + " (for " + seconds + " s)");
      } else {
        notes.add(
            platform.platform()
                + ": "
                + problem.get()
                + " (for "
                + seconds
                + " s; not ready after "
                + platformGrace.toSeconds()
                + " s)");
      }
    }
    return new Verdict(problems.isEmpty(), problems, notes);
  }
}
