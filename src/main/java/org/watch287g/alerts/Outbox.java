package org.watch287g.alerts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The alerts still to send, written in the same transaction as the publication and the events that
 * caused them. Nothing here is ever lost: a row leaves the pending state only when marked sent
 * (after the platform accepted the message) or dead (after it refused it for good, or after too
 * many failures).
 */
public interface Outbox {

  /** The pending rows of a platform that are due, oldest first, at most {@code limit}. */
  List<OutboxItem> due(String platform, Instant now, int limit);

  /**
   * Every row of one channel from one batch (the publication that produced it), whatever its state,
   * oldest first: what a digest is made of. A digest split from these is the same in every round,
   * however many rows are still pending, so its parts keep their numbers; the rows' states tell
   * which parts went.
   */
  List<Row> batch(ChannelRef channel, long batch);

  /**
   * One row of a batch and where it stands.
   *
   * @param pending not yet sent nor given up
   * @param due when a pending row may be sent
   */
  record Row(OutboxItem item, boolean pending, Instant due) {}

  /** The platform accepted these rows' message. */
  void markSent(Collection<Long> ids, Instant at);

  /** Try these rows again at {@code due}, counting one more failed attempt. */
  void retryAt(Collection<Long> ids, Instant due, String error);

  /**
   * Hold these rows until {@code due} without counting an attempt: nothing is wrong with them, the
   * platform is unusable for now (its token was refused).
   */
  void postpone(Collection<Long> ids, Instant due, String reason);

  /** Give up on these rows: kept for the record, never sent. */
  void deadLetter(Collection<Long> ids, String error);

  /** How many rows of a platform are still pending. */
  int depth(String platform);
}
