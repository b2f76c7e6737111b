package org.watch287g.slack;

import java.time.Instant;

/**
 * Where the replay guard also records the requests it let through when several instances serve
 * Slack's endpoint: a request any of them answered is refused by all, even after a restart.
 */
@FunctionalInterface
public interface SharedReplays {
  /** One instance alone: its own memory is enough. */
  SharedReplays NONE = (digest, keepUntil) -> true;

  /**
   * Records a verified request's digest.
   *
   * @return whether no instance had recorded it before
   * @throws RuntimeException if the shared memory cannot be reached (the request is then refused)
   */
  boolean firstSighting(long digest, Instant keepUntil);
}
