package org.watch287g.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.watch287g.store.Vitals;

/**
 * Whether the bot is doing its job, for {@code /readyz}: the database answers, ICE was read
 * successfully within the last three poll intervals, and every chat platform is connected.
 *
 * <p>Three intervals, not one: a single failed poll (ICE's site has bad minutes) must not make an
 * orchestrator restart a bot that is fine. A bot just started has those three intervals to make its
 * first read.
 */
public final class Readiness {

  /** One platform's connection, as its adapter sees it: empty when fine, else what is wrong. */
  public record PlatformCheck(String platform, Supplier<Optional<String>> problem) {}

  /** The verdict and, when not ready, every reason. */
  public record Verdict(boolean ready, List<String> problems) {}

  private final Vitals vitals;
  private final Duration pollInterval;
  private final List<PlatformCheck> platforms;
  private final Clock clock;
  private final Instant started;

  public Readiness(
      Vitals vitals, Duration pollInterval, List<PlatformCheck> platforms, Clock clock) {
    this.vitals = vitals;
    this.pollInterval = pollInterval;
    this.platforms = List.copyOf(platforms);
    this.clock = clock;
    this.started = clock.instant();
  }

  /** Looks at everything now. */
  public Verdict check() {
    List<String> problems = new ArrayList<>();
    if (!vitals.reachable()) {
      problems.add("the database does not answer");
    } else {
      Instant now = clock.instant();
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
      platform.problem().get().ifPresent(p -> problems.add(platform.platform() + ": " + p));
    }
    return new Verdict(problems.isEmpty(), problems);
  }
}
