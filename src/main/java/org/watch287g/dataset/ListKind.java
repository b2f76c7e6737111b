package org.watch287g.dataset;

import java.util.Locale;

/** The two lists ICE publishes on its 287(g) page. */
public enum ListKind {
  /** Signed agreements; the file has a signing-date column. */
  PARTICIPATING,
  /** Requests not yet signed; the file has no signing-date column. */
  PENDING;

  /** The lower-case name used in JSON output, the database and the CLI. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named by {@link #id()}. */
  public static ListKind fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
