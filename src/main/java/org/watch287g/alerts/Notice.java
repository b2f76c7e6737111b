package org.watch287g.alerts;

/**
 * A message for the operator, not for organizers: the source is failing, a publication was
 * quarantined, alerts could not be delivered. Sent to each platform's admin channel by {@link
 * AdminNotices}, which also keeps an outage from repeating it every poll.
 *
 * @param kind what happened
 * @param key what makes two notices the same one (one quarantined file, one channel's failures): a
 *     notice whose key was told recently is not told again
 * @param text the whole message, plain text, in the operator's language
 */
public record Notice(Kind kind, String key, String text) {

  /** The things an operator is told about. */
  public enum Kind {
    /** ICE's page or files could not be read for several polls in a row. */
    SOURCE_FAILING,
    /** The source works again after a failure was told. */
    SOURCE_RECOVERED,
    /** A publication looked broken and was kept aside, neither diffed nor alerted. */
    PUBLICATION_QUARANTINED,
    /** A publication could not be read at all. */
    PUBLICATION_UNREADABLE,
    /** Alerts were given up on after too many failures or a refusal. */
    DEAD_LETTERED,
    /** A channel's alerts are held until someone fixes its access. */
    CHANNEL_PAUSED,
    /** A platform refuses the bot's token: every alert to it is held. */
    PLATFORM_PAUSED
  }
}
