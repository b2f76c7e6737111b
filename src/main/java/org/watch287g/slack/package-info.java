/**
 * The Slack platform: a thin adapter between Slack and the core. {@link
 * org.watch287g.slack.SlackPlatform} runs a Bolt app that answers {@code /287g} through the core's
 * {@link org.watch287g.commands.CommandService} (over HTTP on a JDK server, or Socket Mode), and
 * {@link org.watch287g.slack.SlackDeliverer} posts the core's alerts, digests and notices as Block
 * Kit messages ({@link org.watch287g.slack.SlackBlocks}), classifying what Slack answers.
 *
 * <p>An edge: it may use the core, never the other way round, and it knows nothing of Discord.
 */
@NullMarked
package org.watch287g.slack;

import org.jspecify.annotations.NullMarked;
