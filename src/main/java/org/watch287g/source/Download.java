package org.watch287g.source;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What {@link SourceClient#download} got for one workbook URL. */
public sealed interface Download {

  /** The URL as passed to {@link SourceClient#download} (not the one redirects ended at). */
  String url();

  /** The server answered 304: the workbook is unchanged since the validators were issued. */
  record NotModified(String url) implements Download {}

  /**
   * A fresh copy of the workbook.
   *
   * @param body the bytes exactly as served (never over the workbook size cap); not copied, so
   *     callers must not modify it
   * @param sha256 the SHA-256 of {@code body}, lower-case hex
   * @param validators the response's {@code ETag} / {@code Last-Modified}, for the next download
   */
  // The array component is the API other code is written against; equals and hashCode compare
  // its content so two downloads of the same bytes are equal.
  @SuppressWarnings("ArrayRecordComponent")
  record Fetched(String url, byte[] body, String sha256, Validators validators)
      implements Download {

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Fetched f
          && url.equals(f.url)
          && Arrays.equals(body, f.body)
          && sha256.equals(f.sha256)
          && validators.equals(f.validators);
    }

    @Override
    public int hashCode() {
      return Objects.hash(url, sha256, validators);
    }

    @Override
    public String toString() {
      return "Fetched[url=%s, %d bytes, sha256=%s, validators=%s]"
          .formatted(url, body.length, sha256, validators);
    }
  }
}
