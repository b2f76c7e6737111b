/**
 * The watch loop: {@link org.watch287g.watch.PollCycle} is the only class that knows the order of
 * the stages (read the page, download, parse, judge, store), and {@link org.watch287g.watch.Poller}
 * runs it on a jittered interval.
 *
 * <p>An edge that joins the others: it may use {@code source} and {@code store}; they never use it.
 */
@NullMarked
package org.watch287g.watch;

import org.jspecify.annotations.NullMarked;
