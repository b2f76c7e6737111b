/**
 * The bot's server for the public internet: one hardened Jetty server on which routes such as
 * Slack's {@code /slack/events} are mounted. An edge: it knows HTTP and nothing of Slack, Discord
 * or the core; each route is an {@link org.watch287g.web.HttpRoute} that turns a bounded, fully
 * read {@link org.watch287g.web.HttpCall} into an {@link org.watch287g.web.HttpAnswer}.
 */
@NullMarked
package org.watch287g.web;

import org.jspecify.annotations.NullMarked;
