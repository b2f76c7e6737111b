package org.watch287g.alerts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The alerts still to send, written in the same transaction as the publication and the events that
 * caused them. Nothing here is ever lost: a row leaves the pending state only when marked sent
 * (after the platform accepted the message) or dead (after it refused it for good, or after too
 * many failures).
 */
public interface Outbox {

  /**
   * The pending rows of a platform that are due and not claimed by a live lease, oldest first, at
   * most {@code limit}.
   */
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
   * @param due when a pending row may be sent: its own time, or later while another sender holds
   *     its lease
   */
  record Row(OutboxItem item, boolean pending, Instant due) {}

  /**
   * Claims the rows of one message for {@code owner} until {@code until}, and records that a send
   * of them begins now: written before the send, so that a crash or a hung send leaves the rows
   * claimed only until the lease runs out, and shows them in doubt to whoever claims them next. All
   * or nothing: when one row is no longer pending, or another owner's lease on it still holds,
   * nothing is claimed.
   */
  Claim claim(Collection<Long> ids, String owner, Instant now, Instant until);

  /**
   * What {@link #claim} got.
   *
   * @param taken whether the rows are now this owner's to send
   * @param inDoubtSince when an earlier send of these rows began whose answer was never recorded
   *     (the process crashed or hung mid-send): the message may already be in the channel; null
   *     when every earlier send was answered
   */
  record Claim(boolean taken, @Nullable Instant inDoubtSince) {
    public static Claim refused() {
      return new Claim(false, null);
    }
  }

  /**
   * Gives claimed rows back before anything was sent (pacing left the channel for later): their
   * doubt is what it was before the claim, {@code inDoubtSince} as the claim said.
   */
  void unclaim(Collection<Long> ids, @Nullable Instant inDoubtSince);

  /**
   * Gives claimed rows back without an answer, keeping their doubt: whether an earlier send went
   * out is still to be checked, at {@code due}. Counts no attempt.
   */
  void holdInDoubt(Collection<Long> ids, Instant due, String reason);

  /*
   * Every method below records an answer: it ends the rows' lease and their doubt.
   */

  /** The platform answered without taking the message; the rows wait as they were. */
  void release(Collection<Long> ids);

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
