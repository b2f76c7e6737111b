package org.watch287g.source;

/**
 * What all the entries of one archive have inflated to so far, against {@link
 * WorkbookLimits#totalBytes()}. Not thread-safe: one archive is read by one thread.
 */
final class InflationBudget {
  private final long totalBytes;
  private long spent;

  InflationBudget(long totalBytes) {
    this.totalBytes = totalBytes;
  }

  /**
   * Counts {@code bytes} more inflated bytes.
   *
   * @throws WorkbookLimitException once the archive has inflated past its total
   */
  void spend(long bytes) throws WorkbookLimitException {
    spent += bytes;
    if (spent > totalBytes) {
      throw new WorkbookLimitException(
          "the workbook unzips to more than "
              + Cap.size(totalBytes)
              + " in all, far more than any 287(g) workbook (a ZIP bomb?)");
    }
  }
}
