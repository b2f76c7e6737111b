package org.watch287g.alerts;

import org.watch287g.changes.ChangeEvent;
import org.watch287g.geo.Coverage;

/**
 * One alert waiting to be sent: an event for one channel.
 *
 * @param id the outbox row
 * @param batch the publication (snapshot id) that produced it; a channel's alerts of one batch over
 *     its digest threshold go out as one digest
 * @param channel where it goes
 * @param attempts how many times sending it has failed so far
 * @param event what it is about
 * @param coverage where the event's agency reaches, as recorded when the change was found: what the
 *     alert says, without resolving the agency again for every message
 */
public record OutboxItem(
    long id, long batch, ChannelRef channel, int attempts, ChangeEvent event, Coverage coverage) {}
