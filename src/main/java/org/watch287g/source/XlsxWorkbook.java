package org.watch287g.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;
import org.watch287g.dataset.CellText;
import org.watch287g.dataset.IceColumn;
import org.watch287g.dataset.Publication;

/**
 * Reads an XLSX list with fastexcel-reader, streaming the rows of the first sheet that has a
 * recognisable header (visible sheets before hidden ones; ICE's files have one sheet, "Sheet1" or
 * "Sheet 1").
 *
 * <p>The workbook is first checked whole against {@link WorkbookLimits#DEFAULT} ({@link
 * WorkbookBounds}): fastexcel has no bound of its own on what a small file inflates to.
 *
 * <p>Every failure of the libraries underneath (fastexcel, commons-compress, StAX) becomes an
 * {@link UnreadablePublicationException} with a one-line message.
 */
final class XlsxWorkbook {
  private static final int DETAIL_CHARS = 160;

  private XlsxWorkbook() {}

  /**
   * Parses an XLSX list.
   *
   * @throws UnreadablePublicationException when the workbook is corrupt or truncated, unfolds past
   *     its {@link WorkbookLimits} (refused before fastexcel reads it), has no sheets, only empty
   *     sheets, or no sheet with a recognisable header
   */
  static Publication read(byte[] content) throws UnreadablePublicationException {
    WorkbookBounds.check(content, WorkbookLimits.DEFAULT);
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
      return readSheets(content, workbook);
    } catch (IOException | XMLStreamException | RuntimeException e) {
      // fastexcel reports a damaged sheet with unchecked exceptions (ExcelReaderException,
      // NumberFormatException, ...) thrown from inside its row stream, so they can only be
      // caught around the whole read.
      throw corrupt(e);
    }
  }

  private static Publication readSheets(byte[] content, ReadableWorkbook workbook)
      throws UnreadablePublicationException, IOException, XMLStreamException {
    List<Sheet> sheets =
        workbook
            .getSheets()
            .sorted(Comparator.comparing(s -> s.getVisibility() != SheetVisibility.VISIBLE))
            .collect(Collectors.toList());
    if (sheets.isEmpty()) {
      throw new UnreadablePublicationException("the workbook has no sheets");
    }
    String noHeader = null;
    for (Sheet sheet : sheets) {
      try (Stream<Row> stream = sheet.openStream()) {
        XlsxRow rows = new XlsxRow(stream.iterator());
        SheetReader reader = new SheetReader(rows);
        HeaderRow header = reader.findHeader();
        if (header != null) {
          rows.useLinks(links(content, sheet, header));
          return reader.readBody(header);
        }
        if (reader.sawContent() && noHeader == null) {
          noHeader = reader.noHeaderMessage();
        }
      }
    }
    throw new UnreadablePublicationException(noHeader == null ? "the sheet is empty" : noHeader);
  }

  // Unzipping the sheet a second time for its links only pays off when there is a link column.
  private static SheetHyperlinks links(byte[] content, Sheet sheet, HeaderRow header)
      throws IOException, XMLStreamException {
    if (!header.has(IceColumn.MOA) && !header.has(IceColumn.ADDENDUM)) {
      return SheetHyperlinks.NONE;
    }
    return SheetHyperlinks.read(content, sheet.getId());
  }

  private static UnreadablePublicationException corrupt(Exception e) {
    return new UnreadablePublicationException(
        "the workbook is corrupt or truncated (" + detail(e) + ")", e);
  }

  // The innermost message says most ("Unexpected end of ZLIB input stream"), on one line.
  private static String detail(Throwable e) {
    Throwable t = e;
    String message = null;
    for (int depth = 0; t != null && depth < 10; t = t.getCause(), depth++) {
      String m = t.getMessage();
      if (m != null && !m.isBlank()) {
        message = m;
      }
    }
    String line = message == null ? e.getClass().getSimpleName() : CellText.clean(message);
    return line.length() <= DETAIL_CHARS ? line : line.substring(0, DETAIL_CHARS) + "...";
  }
}
