/**
 * The console platform: the default when no Slack or Discord token is set. Alerts and digests are
 * printed to standard output as readable blocks of text ({@link
 * org.watch287g.console.ConsoleText}), so that a bot run on a laptop, or in {@code demo}, shows
 * exactly what its channels would hear.
 *
 * <p>An edge: it may use the core, never the other way round.
 */
@NullMarked
package org.watch287g.console;

import org.jspecify.annotations.NullMarked;
