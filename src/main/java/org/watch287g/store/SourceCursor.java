package org.watch287g.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.ListKind;

/**
 * What the last poll downloaded for one list, so the next can ask ICE "changed since?" and skip
 * bytes it has already read.
 *
 * @param kind the list
 * @param url the workbook URL last downloaded (ICE renames the file with each publication)
 * @param etag the ETag it was served with
 * @param lastModified the Last-Modified it was served with
 * @param sha256 the hash of the last bytes processed, good or bad: the same bytes are never parsed
 *     twice
 * @param checkedAt when the list was last looked at
 * @param linkedAt when the page last linked this list; older than the last page read means stale
 */
public record SourceCursor(
    ListKind kind,
    @Nullable String url,
    @Nullable String etag,
    @Nullable String lastModified,
    @Nullable String sha256,
    @Nullable Instant checkedAt,
    @Nullable Instant linkedAt) {

  /** The cursor of a list never fetched. */
  public static SourceCursor empty(ListKind kind) {
    return new SourceCursor(kind, null, null, null, null, null, null);
  }
}
