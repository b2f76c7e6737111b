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
