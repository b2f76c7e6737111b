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
 */
public record AlertsConfig(@Nullable Path toolkit, double maxRemoval) {

  public static final double DEFAULT_MAX_REMOVAL = 0.20;

  public static AlertsConfig defaults() {
    return new AlertsConfig(null, DEFAULT_MAX_REMOVAL);
  }
}
