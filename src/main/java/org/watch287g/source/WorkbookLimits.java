package org.watch287g.source;

/**
 * How much an XLSX workbook may unfold into while it is read, whatever its compressed size.
 *
 * <p>Why: {@code source.maxWorkbookBytes} caps the download, but a ZIP entry of 700 kB can inflate
 * to 600 MB of one shared string, and fastexcel would hold it all. ICE's largest workbook so far
 * unzips to 1.5 MB in all (0.85 MB for its largest part), so each default is tens of times what an
 * honest file needs and far below what would exhaust a 256 MB heap.
 *
 * @param partBytes the most one ZIP entry may inflate to
 * @param totalBytes the most all the entries together may inflate to
 * @param textBytes the longest stretch of an XML part without a {@code <}: the longest text or tag
 *     any XML reader will have to hold at once
 * @param stringChars the longest cell string (shared or inline), in characters
 * @param columns the most cells a row may have, and the last column a cell may name
 * @param rows the most rows a sheet may have
 */
record WorkbookLimits(
    long partBytes, long totalBytes, int textBytes, int stringChars, int columns, int rows) {

  /** Excel's own limit on the characters in one cell. */
  static final int EXCEL_CELL_CHARS = 32_767;

  /** Excel's last column, XFD. */
  static final int EXCEL_COLUMNS = 16_384;

  /** The limits every workbook from ICE is read under. */
  static final WorkbookLimits DEFAULT =
      new WorkbookLimits(
          16_000_000, 48_000_000, 1_000_000, EXCEL_CELL_CHARS, EXCEL_COLUMNS, 100_000);
}
