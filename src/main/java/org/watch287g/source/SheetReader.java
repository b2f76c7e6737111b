package org.watch287g.source;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.CellText;
import org.watch287g.dataset.IceColumn;
import org.watch287g.dataset.Publication;

/**
 * Reads the rows of one sheet, in either format, into a {@link Publication}: finds the header row,
 * then reads every row below it.
 *
 * <p>The header is usually row 1, but a title or blank rows above it are tolerated: the first
 * {@value #HEADER_SEARCH_ROWS} non-blank rows are searched for it.
 */
final class SheetReader {
  /** How many non-blank rows may come before the header (titles, notes). */
  static final int HEADER_SEARCH_ROWS = 10;

  private static final int SUMMARY_CHARS = 80;

  /**
   * The most rows a sheet may have below its header: ICE's lists have about 1,200, and every row
   * read is kept, so a file of millions of short rows must be refused rather than held.
   */
  static final int MAX_ROWS = WorkbookLimits.DEFAULT.rows();

  private final Iterator<? extends SheetRow> rows;
  private @Nullable String firstRow;

  SheetReader(Iterator<? extends SheetRow> rows) {
    this.rows = rows;
  }

  /**
   * Looks for the header among the first rows; null when there is none, leaving {@link
   * #sawContent()} to tell an empty sheet from a foreign one.
   */
  @Nullable HeaderRow findHeader() {
    int searched = 0;
    while (searched < HEADER_SEARCH_ROWS && rows.hasNext()) {
      SheetRow row = rows.next();
      if (isBlank(row)) {
        continue;
      }
      if (firstRow == null) {
        firstRow = summary(row);
      }
      searched++;
      HeaderRow header = HeaderRow.recognise(row);
      if (header != null) {
        return header;
      }
    }
    return null;
  }

  /** Whether {@link #findHeader()} met any non-blank row. */
  boolean sawContent() {
    return firstRow != null;
  }

  /** The message for a sheet with content but no header, quoting its first row. */
  String noHeaderMessage() {
    return "no recognisable header row (expected STATE, LAW ENFORCEMENT AGENCY, SUPPORT TYPE ..."
        + " within the first "
        + HEADER_SEARCH_ROWS
        + " rows; the first row reads '"
        + firstRow
        + "')";
  }

  private static String summary(SheetRow row) {
    StringBuilder s = new StringBuilder();
    for (int c = 0; c < row.width() && s.length() <= SUMMARY_CHARS; c++) {
      String text = CellText.clean(row.text(c));
      if (!text.isEmpty()) {
        s.append(s.length() == 0 ? "" : ", ").append(text);
      }
    }
    return s.length() <= SUMMARY_CHARS ? s.toString() : s.substring(0, SUMMARY_CHARS) + "...";
  }

  /**
   * Reads the rows after the header.
   *
   * @throws UnreadablePublicationException when the header has no SUPPORT TYPE column, or the sheet
   *     has more than {@link #MAX_ROWS} rows below it
   */
  Publication readBody(HeaderRow header) throws UnreadablePublicationException {
    if (!header.has(IceColumn.SUPPORT_TYPE)) {
      throw new UnreadablePublicationException(
          "the header row (row " + header.number() + ") has no SUPPORT TYPE column");
    }
    Warnings warnings = new Warnings();
    header.notes().forEach(warnings::add);
    RowReader reader = new RowReader(header, warnings);
    List<Agreement> agreements = new ArrayList<>();
    int read = 0;
    while (rows.hasNext()) {
      if (++read > MAX_ROWS) {
        throw new UnreadablePublicationException(
            "refused unread: the sheet has more than "
                + MAX_ROWS
                + " rows, far more than any 287(g) list");
      }
      Agreement agreement = reader.read(rows.next());
      if (agreement != null) {
        agreements.add(agreement);
      }
    }
    return new Publication(header.kind(), header.cells(), agreements, warnings.lines());
  }

  private static boolean isBlank(SheetRow row) {
    for (int c = 0; c < row.width(); c++) {
      if (!CellText.clean(row.text(c)).isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
