package org.watch287g.config;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What alerts say and when a publication is too suspicious to alert on.
 *
 * @param toolkit an operator's own "what you can do" links (the format of the bundled {@code
 *     toolkit.yml}); null for the bundled file
 * @param maxRemoval the share of the participating list a new publication may remove before it is
 *     quarantined as broken (0.20: a publication dropping more than a fifth of the agreements is
 *     held back, and the operator told)
 * @param inFlight how many alerts each platform may have in flight at once (never two to one
 *     channel): over a real network each send waits a round trip, so one at a time holds a platform
 *     far below its rate limit; 1 sends one after another, as releases before 0.4 did
 */
public record AlertsConfig(@Nullable Path toolkit, double maxRemoval, int inFlight) {

  public static final double DEFAULT_MAX_REMOVAL = 0.20;

  /** Enough to fill Discord's 50 a second at a round trip of up to 300 ms. */
  public static final int DEFAULT_IN_FLIGHT = 16;

  /** The most in flight allowed: more would only queue at the platform's rate limit. */
  public static final int MAX_IN_FLIGHT = 64;

  public AlertsConfig(@Nullable Path toolkit, double maxRemoval) {
    this(toolkit, maxRemoval, DEFAULT_IN_FLIGHT);
  }

  public static AlertsConfig defaults() {
    return new AlertsConfig(null, DEFAULT_MAX_REMOVAL, DEFAULT_IN_FLIGHT);
  }
}
