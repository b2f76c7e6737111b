package org.watch287g.source;

import org.jspecify.annotations.Nullable;

/**
 * The workbook links found on the 287(g) page, as absolute URLs.
 *
 * @param participating the participating-agencies workbook; always present, since a page without it
 *     is reported as a {@link SourceException}
 * @param pending the pending-requests workbook, or null: ICE may have stopped publishing it, which
 *     is normal and not an error
 */
public record PageLinks(String participating, @Nullable String pending) {}
