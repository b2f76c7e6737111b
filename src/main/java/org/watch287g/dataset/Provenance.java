package org.watch287g.dataset;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a publication's bytes came from.
 *
 * @param origin fetched from ICE, imported from a local file, or bundled in the jar
 * @param source the URL or file name
 * @param linkedAs the page link the file was served under (null unless fetched); a publication
 *     whose shape says otherwise is ICE publishing the two lists swapped
 * @param fetchedAt when the bytes were read (never the date in ICE's file name, which is
 *     unreliable)
 * @param sha256 lower-case hex SHA-256 of the bytes
 */
public record Provenance(
    Origin origin, String source, @Nullable ListKind linkedAs, Instant fetchedAt, String sha256) {

  public Provenance {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    Objects.requireNonNull(sha256, "sha256");
  }

  /** The lower-case hex SHA-256 of some bytes: how {@link #sha256()} is computed. */
  public static String sha256Of(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** How a publication reached the database. */
  public enum Origin {
    /** Downloaded from ICE's page by a poll. */
    FETCHED,
    /** Read from a local file with {@code import}. */
    IMPORTED,
    /** Shipped in the jar, so a new installation can answer before its first fetch. */
    BUNDLED
  }
}
