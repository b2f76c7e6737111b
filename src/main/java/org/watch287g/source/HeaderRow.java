package org.watch287g.source;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.CellText;
import org.watch287g.dataset.IceColumn;
import org.watch287g.dataset.ListKind;

/**
 * Where each ICE column sits in one file, found by header name, never by position: ICE has added,
 * renamed and reordered columns (TYPE in March 2025, COUNTY in April, ADDENDUM in July) and pads
 * some files with empty or foreign columns.
 */
final class HeaderRow {
  private final int number;
  private final Map<IceColumn, Integer> indexes;
  private final List<String> cells;
  private final List<String> notes;

  private HeaderRow(
      int number, Map<IceColumn, Integer> indexes, List<String> cells, List<String> notes) {
    this.number = number;
    this.indexes = indexes;
    this.cells = cells;
    this.notes = notes;
  }

  /**
   * Reads a row as a header: it is one when it names a STATE column and an agency column (AGENCY or
   * LAW ENFORCEMENT AGENCY). Returns null when it is not.
   */
  static @Nullable HeaderRow recognise(SheetRow row) {
    Map<IceColumn, Integer> indexes = new EnumMap<>(IceColumn.class);
    List<String> notes = new ArrayList<>();
    for (int c = 0; c < row.width(); c++) {
      String text = CellText.clean(row.text(c));
      IceColumn column = IceColumn.named(text);
      if (column == null) {
        if (!text.isEmpty()) {
          notes.add(
              "column " + HeaderRow.letters(c) + " '" + text + "' is not an ICE column; ignored");
        }
      } else if (indexes.containsKey(column)) {
        notes.add(repeatNote(column, c, indexes.get(column)));
      } else {
        indexes.put(column, c);
      }
    }
    if (!indexes.containsKey(IceColumn.STATE) || !indexes.containsKey(IceColumn.AGENCY)) {
      return null;
    }
    return new HeaderRow(row.number(), indexes, cellsAsWritten(row), notes);
  }

  private static String repeatNote(IceColumn column, int c, int first) {
    return "column "
        + HeaderRow.letters(c)
        + " repeats "
        + column.title()
        + "; column "
        + HeaderRow.letters(first)
        + " is used";
  }

  // "As they appear": the header's own text, up to its last non-blank cell.
  private static List<String> cellsAsWritten(SheetRow row) {
    int end = row.width();
    while (end > 0 && CellText.clean(row.text(end - 1)).isEmpty()) {
      end--;
    }
    List<String> cells = new ArrayList<>(end);
    for (int c = 0; c < end; c++) {
      cells.add(row.text(c));
    }
    return cells;
  }

  /** The 1-based row the header is on. */
  int number() {
    return number;
  }

  /** The 0-based index of a column, or -1 when this file does not have it. */
  int index(IceColumn column) {
    return indexes.getOrDefault(column, -1);
  }

  boolean has(IceColumn column) {
    return index(column) >= 0;
  }

  /** The list this header's shape says the file is: a signing-date column means participating. */
  ListKind kind() {
    return has(IceColumn.SIGNED) ? ListKind.PARTICIPATING : ListKind.PENDING;
  }

  /** The header cells as they appear in the file, in order. */
  List<String> cells() {
    return cells;
  }

  /** Unknown and repeated columns, one line each, for the publication's warnings. */
  List<String> notes() {
    return notes;
  }

  /** The spreadsheet letters of a 0-based column index: 0 is "A", 26 is "AA". */
  static String letters(int index) {
    StringBuilder s = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      s.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return s.toString();
  }
}
