package org.watch287g.source;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One row of a sheet as the parser needs it, whatever the file format: cell text, the date a
 * numeric cell stands for, and a cell's hyperlink.
 *
 * <p>Implementations may be reused from row to row (the XLSX one is, to stay allocation-light), so
 * a caller must not keep a row after asking for the next one.
 */
interface SheetRow {
  /** The 1-based row (or CSV record) number, for messages that point into the file. */
  int number();

  /** How many cells the row has, trailing blanks included; cells at or after it are blank. */
  int width();

  /** The cell's text as stored, "" when the cell is blank, absent or {@code column < 0}. */
  String text(int column);

  /**
   * The date a numeric cell stands for (an Excel serial number, in the workbook's 1900 or 1904 date
   * system), or null when the cell is not numeric; text dates are left to the caller.
   */
  @Nullable LocalDate date(int column);

  /** The target of the cell's external hyperlink, as stored, or null when it has none. */
  @Nullable String link(int column);
}
