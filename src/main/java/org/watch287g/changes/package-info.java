/**
 * What changed between two publications, and whether a new publication may be trusted at all.
 *
 * <p>{@link org.watch287g.changes.PublicationGuard} decides first: a publication that lacks ICE's
 * columns, has the other list's shape, or would wipe out a large share of the signed agreements is
 * quarantined, so that a broken file never reaches anyone as an alert. {@link
 * org.watch287g.changes.Differ} then compares the last good {@link org.watch287g.changes.Lists}
 * with the new ones and names each change as a {@link org.watch287g.changes.ChangeEvent}: a new
 * agreement, a pending request signed or withdrawn, a renewal, a corrected name or detail. Both
 * lists are diffed together, because a request leaving the pending list means something different
 * when the same agency appears among the signed agreements.
 *
 * <p>Part of the core: imports only {@code java.*} and other core packages. Everything here is a
 * pure function over records, tested on ICE's real files without a disk, a network or a clock.
 */
@NullMarked
package org.watch287g.changes;

import org.jspecify.annotations.NullMarked;
