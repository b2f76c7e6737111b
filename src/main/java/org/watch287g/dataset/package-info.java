/**
 * What ICE publishes, as plain values: an {@link org.watch287g.dataset.Agreement} is one row of a
 * list, a {@link org.watch287g.dataset.Publication} is one parsed file of one {@link
 * org.watch287g.dataset.ListKind}.
 *
 * <p>Part of the core: imports only {@code java.*} and other core packages. Everything here is
 * immutable and free of I/O, so every later stage (diff, county resolution, alerting) can be tested
 * on real ICE rows without a disk, a network or a platform.
 */
@NullMarked
package org.watch287g.dataset;

import org.jspecify.annotations.NullMarked;
