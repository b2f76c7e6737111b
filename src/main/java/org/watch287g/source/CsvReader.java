package org.watch287g.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.Publication;

/**
 * Reads an ICE list saved as CSV: UTF-8 (a byte-order mark is skipped), comma-separated, quoted as
 * RFC 4180 says (double quotes around fields holding commas, quotes or line breaks; {@code ""} for
 * a quote inside). Lines may end in CRLF or LF.
 *
 * <p>Lenient where a human editor slips: text after a closing quote is kept, a quote inside an
 * unquoted field is kept literally. Not lenient about a quoted field that never closes, since that
 * swallows the rest of the file.
 */
final class CsvReader implements Iterator<SheetRow> {
  private final String text;
  private final List<String> fields = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();
  private final CsvRow row = new CsvRow();
  private int pos;
  private int record;
  private int line = 1;

  private CsvReader(String text) {
    this.text = text;
  }

  /**
   * Parses a CSV list.
   *
   * @throws UnreadablePublicationException when the bytes are not UTF-8 text, a quoted field never
   *     closes, or there is no recognisable header
   */
  static Publication read(byte[] content) throws UnreadablePublicationException {
    try {
      SheetReader sheet = new SheetReader(new CsvReader(decode(content)));
      HeaderRow header = sheet.findHeader();
      if (header == null) {
        throw new UnreadablePublicationException(
            sheet.sawContent() ? sheet.noHeaderMessage() : "the sheet is empty");
      }
      return sheet.readBody(header);
    } catch (UnclosedQuote e) {
      throw new UnreadablePublicationException(e.problem, e);
    }
  }

  private static String decode(byte[] content) throws UnreadablePublicationException {
    int start = FileFormat.bomLength(content);
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content, start, content.length - start))
              .toString();
      if (text.indexOf('\0') >= 0) {
        throw new CharacterCodingException();
      }
      return text;
    } catch (CharacterCodingException e) {
      throw new UnreadablePublicationException(
          "not a workbook: the bytes are neither XLSX nor UTF-8 text (CSV)", e);
    }
  }

  @Override
  public boolean hasNext() {
    return pos < text.length();
  }

  @Override
  public SheetRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    fields.clear();
    record++;
    while (readField()) {
      // each call reads one field; false after the record's last one
    }
    return row;
  }

  // Reads one field into `fields`; returns whether another field follows on this record.
  private boolean readField() {
    field.setLength(0);
    if (pos < text.length() && text.charAt(pos) == '"') {
      readQuoted();
    }
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == ',') {
        fields.add(field.toString());
        return true;
      }
      if (c == '\n' || c == '\r') {
        if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
          pos++;
        }
        line++;
        break;
      }
      field.append(c);
    }
    fields.add(field.toString());
    return false;
  }

  private void readQuoted() {
    int opened = line;
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        if (pos < text.length() && text.charAt(pos) == '"') {
          field.append('"');
          pos++;
          continue;
        }
        return;
      }
      line += c == '\n' ? 1 : 0;
      field.append(c);
    }
    throw new UnclosedQuote(
        "the CSV is malformed: a quoted field opened on line " + opened + " never closes");
  }

  /** The current record, seen as a sheet row; reused from record to record. */
  private final class CsvRow implements SheetRow {
    @Override
    public int number() {
      return record;
    }

    @Override
    public int width() {
      return fields.size();
    }

    @Override
    public String text(int column) {
      return column >= 0 && column < fields.size() ? fields.get(column) : "";
    }

    @Override
    public @Nullable LocalDate date(int column) {
      return null;
    }

    @Override
    public @Nullable String link(int column) {
      return null;
    }
  }

  private static final class UnclosedQuote extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String problem;

    UnclosedQuote(String problem) {
      super(problem);
      this.problem = problem;
    }
  }
}
