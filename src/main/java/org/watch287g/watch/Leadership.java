package org.watch287g.watch;

/**
 * Whether this instance is the one that polls ICE now. Asked before every cycle and, while several
 * instances share a database, every few seconds between cycles, so a standby takes over soon after
 * the leader is gone and a leader that lost its lock stops.
 */
@FunctionalInterface
public interface Leadership {
  /** One instance alone: it always polls. */
  Leadership ALONE = () -> true;

  /** Whether this instance leads now (taking the lead if it is free). */
  boolean leads();
}
