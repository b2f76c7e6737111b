package org.watch287g.source;

import org.jspecify.annotations.Nullable;

/**
 * HTTP cache validators from a previous download, sent back so an unchanged workbook costs a 304
 * instead of a full download.
 *
 * @param etag the {@code ETag} header as the server sent it (quotes and {@code W/} included), or
 *     null
 * @param lastModified the {@code Last-Modified} header as the server sent it, or null
 */
public record Validators(@Nullable String etag, @Nullable String lastModified) {

  private static final Validators NONE = new Validators(null, null);

  /** No validators: the next download is unconditional. */
  public static Validators none() {
    return NONE;
  }
}
