package org.watch287g.source;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Iterator;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;

/**
 * A fastexcel row seen as a {@link SheetRow}, with the hyperlinks fastexcel does not read. One
 * instance walks the whole sheet (it is its own iterator) so that reading allocates nothing per row
 * beyond what fastexcel does.
 */
final class XlsxRow implements SheetRow, Iterator<SheetRow> {
  private final Iterator<Row> rows;
  private SheetHyperlinks links = SheetHyperlinks.NONE;
  private @Nullable Row row;

  XlsxRow(Iterator<Row> rows) {
    this.rows = rows;
  }

  /** Attaches the sheet's hyperlinks, once the header says they are needed. */
  void useLinks(SheetHyperlinks links) {
    this.links = links;
  }

  @Override
  public boolean hasNext() {
    return rows.hasNext();
  }

  @Override
  public SheetRow next() {
    row = rows.next();
    return this;
  }

  @Override
  public int number() {
    return current().getRowNum();
  }

  @Override
  public int width() {
    return current().getCellCount();
  }

  @Override
  public String text(int column) {
    Cell cell = cell(column);
    return cell == null ? "" : cell.getText();
  }

  /**
   * Numeric cells only: the serial number becomes a date in the workbook's date system. A number no
   * calendar can hold is left to the text path, which reports it on its row.
   */
  @Override
  public @Nullable LocalDate date(int column) {
    Cell cell = cell(column);
    if (cell == null || cell.getType() != CellType.NUMBER) {
      return null;
    }
    try {
      return cell.asDate().toLocalDate();
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  @Override
  public @Nullable String link(int column) {
    return column < 0 ? null : links.at(number(), column);
  }

  private @Nullable Cell cell(int column) {
    Row r = current();
    return column >= 0 && r.hasCell(column) ? r.getCell(column) : null;
  }

  private Row current() {
    Row r = row;
    if (r == null) {
      throw new IllegalStateException("next() was not called");
    }
    return r;
  }
}
