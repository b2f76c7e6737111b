package org.watch287g.source;

import java.util.Objects;
import org.watch287g.dataset.CellText;
import org.watch287g.dataset.Publication;

/**
 * Turns the bytes of an ICE 287(g) list, of any era, into a {@link Publication}.
 *
 * <p>The format is told from the bytes, never from the name: XLSX (read with fastexcel-reader,
 * streaming) or CSV (UTF-8, RFC 4180). Columns are found by header name; the list's kind comes from
 * its shape (a signing-date column means participating), never from its name or link. Values are
 * normalised (state names and codes, model and TYPE spellings, placeholders such as "#N/A", Excel
 * and text dates, wrapped MOA links); rows that cannot be read are skipped and listed in {@link
 * Publication#warnings()}.
 *
 * <p>Stateless and thread-safe.
 */
public final class SpreadsheetParser {

  public SpreadsheetParser() {}

  /**
   * Parses the bytes of an XLSX or CSV ICE list.
   *
   * <p>A workbook with a header but no rows is not an error: it parses to a publication with no
   * agreements, and deciding what that means is the caller's job.
   *
   * @param content the file's bytes, as downloaded
   * @param name the file name or URL, used only in messages
   * @return the list, its rows in file order, and what the reader noticed
   * @throws UnreadablePublicationException when the bytes are not a readable ICE list: empty, an
   *     HTML page, an old .xls, a corrupt or truncated workbook, text that is not UTF-8, or a sheet
   *     without a recognisable header. The message is one line, prefixed with {@code name}.
   */
  public Publication parse(byte[] content, String name) throws UnreadablePublicationException {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(name, "name");
    try {
      return parse(content);
    } catch (UnreadablePublicationException e) {
      // clean(): a name is one line of the message, whatever a URL's query carried.
      throw new UnreadablePublicationException(CellText.clean(name) + ": " + e.getMessage(), e);
    }
  }

  private static Publication parse(byte[] content) throws UnreadablePublicationException {
    switch (FileFormat.of(content)) {
      case EMPTY:
        throw new UnreadablePublicationException("the file is empty");
      case XLSX:
        return XlsxWorkbook.read(content);
      case OLE2:
        throw new UnreadablePublicationException(
            "got an old Excel 97-2003 (.xls) or password-protected workbook, which cannot be"
                + " read; ICE's lists are .xlsx");
      case HTML:
        throw new UnreadablePublicationException(
            "got an HTML page" + quoted(FileFormat.htmlTitle(content)) + ", not a workbook");
      case XML:
        throw new UnreadablePublicationException("got an XML document, not a workbook");
      case TEXT:
      default:
        return CsvReader.read(content);
    }
  }

  private static String quoted(String title) {
    return title.isEmpty() ? "" : " ('" + title + "')";
  }
}
