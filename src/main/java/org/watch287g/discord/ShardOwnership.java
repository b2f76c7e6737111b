package org.watch287g.discord;

/**
 * Which Discord shards this instance may run. Two sessions of one shard would both receive its
 * interactions and answer them twice, so on a database several instances share each shard is owned
 * by exactly one of them; alone (SQLite), this instance owns every shard of its range.
 *
 * <p>Asked from one thread at a time: the platform's login, then its ownership check.
 */
public interface ShardOwnership extends AutoCloseable {
  /**
   * Whether this instance owns the shard now: it held it and still does, or nobody did and it takes
   * it now. False when another instance owns it, or ownership cannot be checked.
   */
  boolean owns(int shard);

  /** Gives the shard up, for another instance to take at once. */
  void release(int shard);

  /**
   * Whether other instances may own shards: then the platform checks ownership every few seconds,
   * stops the shards it lost, and takes the ones nobody owns.
   */
  boolean shared();

  /**
   * How many of the {@code total} shards are this instance's fair part: the shards divided by the
   * instances alive, rounded up; alone, all of them.
   */
  default int fairPart(int total) {
    return total;
  }

  /**
   * Says how many more shards this instance would run for its fair part, with none free to take (0:
   * content); the others hear it within a few seconds.
   */
  default void want(int shards) {}

  /** Whether another live instance runs fewer than its fair part and waits for a shard. */
  default boolean othersWant() {
    return false;
  }

  /** Gives every shard up. */
  @Override
  void close();

  /** One instance alone: every shard is its own. */
  static ShardOwnership alone() {
    return new ShardOwnership() {
      @Override
      public boolean owns(int shard) {
        return true;
      }

      @Override
      public void release(int shard) {}

      @Override
      public boolean shared() {
        return false;
      }

      @Override
      public void close() {}
    };
  }
}
