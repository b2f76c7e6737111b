/**
 * Who hears about what: channels and what they follow ({@link org.watch287g.alerts.Subscription}),
 * the {@link org.watch287g.alerts.Matcher} that turns change events into alerts for exactly the
 * channels following the counties concerned, and the ports through which alerts leave (the outbox
 * and each platform's deliverer).
 *
 * <p>Part of the core: imports only {@code java.*} and other core packages.
 */
@NullMarked
package org.watch287g.alerts;

import org.jspecify.annotations.NullMarked;
