package org.watch287g.alerts;

/**
 * This instance's part of a platform's global rate limit, when several instances post with one bot
 * token: {@code mine} parts of {@code of}. Alone, the whole limit ({@link #WHOLE}).
 *
 * <p>Discord's global limit is the bot's, whichever instance posts. Its share follows the shards:
 * an instance posts only to the servers of the shards it runs, so it takes the part of the limit
 * its shards are of all of them (none while it runs none). Other platforms' share is one part per
 * instance heard from in the shared database.
 *
 * @param mine this instance's parts, 0 or more (0: send nothing under the global limit now)
 * @param of the parts there are, at least 1 and at least {@code mine}
 */
public record LimitShare(int mine, int of) {
  /** The whole limit: one instance alone. */
  public static final LimitShare WHOLE = new LimitShare(1, 1);

  public LimitShare {
    if (of < 1 || mine < 0 || mine > of) {
      throw new IllegalArgumentException(
          "a share of a limit is 0 to " + of + " of " + of + ": " + mine);
    }
  }

  /** One of {@code instances} equal parts. */
  public static LimitShare oneOf(int instances) {
    return new LimitShare(1, Math.max(1, instances));
  }

  /** How many of {@code requests} are this instance's, rounded down. */
  int of(int requests) {
    return (int) ((long) requests * mine / of);
  }
}
