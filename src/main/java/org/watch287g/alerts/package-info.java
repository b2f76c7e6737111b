/**
 * Who hears about what: channels and what they follow ({@link org.watch287g.alerts.Subscription}),
 * the {@link org.watch287g.alerts.Matcher} that turns change events into alerts for exactly the
 * channels following the counties concerned, and the ports through which alerts leave (the outbox
 * and each platform's deliverer).
 *
 * <p>What alerts say: {@link org.watch287g.alerts.AlertComposer} writes each event as a
 * platform-neutral {@link org.watch287g.alerts.AlertMessage} in English or Spanish (every word from
 * the {@code i18n/messages} bundles), ending with the {@link org.watch287g.alerts.Toolkit} links
 * that suit its event and model; {@link org.watch287g.alerts.Digest} folds many alerts from one
 * publication into a few messages that fit a platform's limits.
 *
 * <p>Part of the core: imports only {@code java.*} and other core packages.
 */
@NullMarked
package org.watch287g.alerts;

import org.jspecify.annotations.NullMarked;
