package org.watch287g.slack;

import java.time.Instant;
import java.util.Optional;

/**
 * Where "Add to Slack" keeps what it must remember (the store, encrypted, in the bot): each
 * workspace's installation and the single-use states of installs under way. Thread-safe.
 */
public interface InstallationStore {
  /** Stores an installation, replacing the workspace's earlier one. */
  void save(Installation installation);

  /** A workspace's installation, if it has one. */
  Optional<Installation> find(String team);

  /**
   * Forgets a workspace: its installation, channels, subscriptions and pending alerts, at once.
   *
   * @return whether it was installed
   */
  boolean remove(String team);

  /**
   * Remembers a state until {@code until}, unless {@code limit} installs are already under way
   * (states not expired at {@code now}).
   *
   * @return whether it was remembered
   */
  boolean addState(String state, Instant until, Instant now, int limit);

  /** True once for a state added and not expired at {@code now}; false ever after. */
  boolean consumeState(String state, Instant now);
}
