/**
 * When to try again: the one doubling schedule with jitter that the source's downloads, the
 * delivery of alerts and the platforms' reconnects all wait by. Pure; part of the core.
 */
@NullMarked
package org.watch287g.retry;

import org.jspecify.annotations.NullMarked;
