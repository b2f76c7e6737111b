package org.watch287g.source;

import java.math.BigDecimal;

/**
 * A size cap on one kind of response, and the message when a response exceeds it.
 *
 * @param what "page" or "workbook", as the message names it
 * @param bytes the most bytes accepted
 */
record Cap(String what, long bytes) {

  /** E.g. "the workbook at https://… is larger than the 20 MB cap". */
  String exceededBy(String url) {
    return "the " + what + " at " + url + " is larger than the " + size(bytes) + " cap";
  }

  /** Decimal units, as a volunteer would write them: 20 MB, 2.5 MB, 10 kB, 512 bytes. */
  static String size(long bytes) {
    if (bytes >= 1_000_000) {
      return decimal(bytes, 6) + " MB";
    }
    if (bytes >= 1_000) {
      return decimal(bytes, 3) + " kB";
    }
    return bytes + " bytes";
  }

  private static String decimal(long value, int scale) {
    return BigDecimal.valueOf(value, scale).stripTrailingZeros().toPlainString();
  }
}
