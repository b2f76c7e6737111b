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
