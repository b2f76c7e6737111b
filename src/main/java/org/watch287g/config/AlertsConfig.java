package org.watch287g.config;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param deliveryLease how long an instance's claim on an alert it is sending holds: after a crash
 *     (or a dead instance among several) its claimed alerts go again once this has run out
 */
public record AlertsConfig(
    @Nullable Path toolkit, double maxRemoval, int inFlight, Duration deliveryLease) {

  public static final double DEFAULT_MAX_REMOVAL = 0.20;

  /** Enough to fill Discord's 50 a second at a round trip of up to 300 ms. */
  public static final int DEFAULT_IN_FLIGHT = 16;

  /** The most in flight allowed: more would only queue at the platform's rate limit. */
  public static final int MAX_IN_FLIGHT = 64;

  /** A minute: a crashed send goes again well inside Discord's few minutes of nonce memory. */
  public static final Duration DEFAULT_DELIVERY_LEASE = Duration.ofSeconds(60);

  /**
   * The shortest lease: longer than any send may take (a deliverer gives up after 20 s), with room
   * for the pacer's wait between claim and send, so a live send is never taken over by another
   * instance. Shorter would risk a duplicate for a faster take-over.
   */
  public static final Duration MIN_DELIVERY_LEASE = Duration.ofSeconds(30);

  /**
   * The longest lease: a crashed Discord send must go again while Discord still remembers its nonce
   * ("a few minutes"), or it may show twice.
   */
  public static final Duration MAX_DELIVERY_LEASE = Duration.ofMinutes(2);

  public AlertsConfig {
    if (deliveryLease.compareTo(MIN_DELIVERY_LEASE) < 0
        || deliveryLease.compareTo(MAX_DELIVERY_LEASE) > 0) {
      throw new IllegalArgumentException(
          "a delivery lease is from 30 s to 2 min: " + deliveryLease);
    }
  }

  public AlertsConfig(@Nullable Path toolkit, double maxRemoval) {
    this(toolkit, maxRemoval, DEFAULT_IN_FLIGHT, DEFAULT_DELIVERY_LEASE);
  }

  public static AlertsConfig defaults() {
    return new AlertsConfig(null, DEFAULT_MAX_REMOVAL, DEFAULT_IN_FLIGHT, DEFAULT_DELIVERY_LEASE);
  }
}
