/**
 * Maps of where the 287(g) agreements are: the county and state outlines bundled in the jar ({@link
 * org.watch287g.maps.Outlines}, the Census Bureau's 2023 boundaries as the us-atlas package
 * projects them), and a plain Java2D painter ({@link org.watch287g.maps.MapPainter}) that draws a
 * {@link org.watch287g.maps.MapPicture} (counties shaded by {@link org.watch287g.maps.Category},
 * texts already in the channel's language) to a PNG. What to draw is decided in {@code commands};
 * this package only draws it. Headless: no window is ever opened.
 */
@NullMarked
package org.watch287g.maps;

import org.jspecify.annotations.NullMarked;
