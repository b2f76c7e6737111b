/**
 * Places: the {@link org.watch287g.geo.Gazetteer} of U.S. counties and the cities and towns in
 * them, and the townships and New England towns that are governments but not Census places (from
 * public-domain Census data, shipped in {@code src/main/resources/gazetteer/}), and the decisions
 * built on it: which counties an agency covers, and which county a person means.
 *
 * <p>Part of the core: imports only {@code java.*} and other core packages. County codes are
 * 5-digit FIPS of the 2023 vintage (Connecticut's planning regions, not its old counties).
 */
@NullMarked
package org.watch287g.geo;

import org.jspecify.annotations.NullMarked;
