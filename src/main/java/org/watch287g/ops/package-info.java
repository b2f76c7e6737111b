/**
 * The operator's side: the admin HTTP endpoint ({@code /healthz}, {@code /readyz}, {@code
 * /metrics}), what "ready" means, and the metrics Prometheus scrapes.
 *
 * <p>An edge like the platforms: it reads the database through {@code store} and knows nothing of
 * how alerts are made.
 */
@NullMarked
package org.watch287g.ops;

import org.jspecify.annotations.NullMarked;
