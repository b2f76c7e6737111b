package org.watch287g.alerts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which outbox row a message stands for, as the platform may be shown it, so that a message sent
 * again after a crash can be recognised: Discord's nonce and Slack's message metadata are made from
 * it.
 *
 * @param row the message's first outbox row (a digest part's smallest): the same in every round and
 *     after a restart, since a message's rows are planned from the stored outbox alone
 * @param inDoubtSince when an earlier send of this message began whose answer was never recorded
 *     (the bot crashed or hung mid-send): the message may already be in the channel; null when not
 */
public record OutboxKey(long row, @Nullable Instant inDoubtSince) {

  /** A message no outbox row stands for (a notice, a test alert). */
  public static final long NO_ROW = 0;

  public boolean inDoubt() {
    return inDoubtSince != null;
  }
}
