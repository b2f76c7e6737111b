/**
 * The Discord platform, through JDA: the {@code /287g} slash command (with county autocomplete),
 * alerts and digests posted to channels as embeds, and the bot's gateway connection.
 *
 * <p>A thin edge: it turns interactions into the core's command text and the core's messages into
 * embeds within Discord's limits. It may use the core, never the other way round, and knows nothing
 * of Slack.
 */
@NullMarked
package org.watch287g.discord;

import org.jspecify.annotations.NullMarked;
