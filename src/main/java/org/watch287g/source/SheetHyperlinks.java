package org.watch287g.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * The external hyperlinks of one worksheet of an XLSX workbook, which fastexcel-reader does not
 * expose: the sheet's {@code <hyperlinks><hyperlink ref="G651" r:id="rId1"/>} elements joined with
 * the targets in its {@code _rels/sheetN.xml.rels}. Internal links ({@code location="..."} without
 * {@code r:id}) are ignored.
 *
 * <p>The sheet is the one fastexcel reads: its {@code r:id} in {@code xl/workbook.xml} is resolved
 * through {@code xl/_rels/workbook.xml.rels}. Only the three parts involved are inflated.
 */
final class SheetHyperlinks {
  static final SheetHyperlinks NONE = new SheetHyperlinks(Map.of());

  private static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

  /** Excel's limit; a "ref" range never spans more than one sheet's columns. */
  private static final int MAX_COLUMNS = 16_384;

  /** A guard against a hostile "A1:XFD1048576" range. */
  private static final int MAX_RANGE_CELLS = 100_000;

  private final Map<Long, String> byCell;

  private SheetHyperlinks(Map<Long, String> byCell) {
    this.byCell = byCell;
  }

  /** The target of the hyperlink on a cell, or null; {@code row} is 1-based, column 0-based. */
  @Nullable String at(int row, int column) {
    return byCell.isEmpty() ? null : byCell.get(key(row, column));
  }

  int size() {
    return byCell.size();
  }

  /**
   * Reads the hyperlinks of the worksheet that {@code sheetRelId} (the sheet's {@code r:id} in
   * {@code xl/workbook.xml}) names.
   *
   * @throws IOException when the ZIP cannot be read
   * @throws XMLStreamException when one of its XML parts is malformed
   */
  static SheetHyperlinks read(byte[] xlsx, String sheetRelId)
      throws IOException, XMLStreamException {
    ZipArchive zip = ZipArchive.of(xlsx);
    String part = partName(relationships(zip, WORKBOOK_RELS).get(sheetRelId));
    if (part == null) {
      return NONE;
    }
    List<PackageXml.Hyperlink> links;
    try (InputStream sheet = zip.open(part)) {
      links = sheet == null ? List.of() : PackageXml.hyperlinks(sheet);
    }
    if (links.isEmpty()) {
      return NONE;
    }
    return join(links, relationships(zip, relsNameOf(part)));
  }

  private static Map<String, String> relationships(ZipArchive zip, String name)
      throws IOException, XMLStreamException {
    try (InputStream in = zip.open(name)) {
      return in == null ? Map.of() : PackageXml.relationships(in);
    }
  }

  /** The ZIP entry name of a workbook relationship target ("worksheets/sheet1.xml"). */
  static @Nullable String partName(@Nullable String target) {
    if (target == null) {
      return null;
    }
    // Absolute targets ("/xl/worksheets/sheet1.xml") start at the package root.
    String path = target.startsWith("/") ? target.substring(1) : "xl/" + target;
    List<String> parts = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        parts.add(segment);
      }
    }
    return String.join("/", parts);
  }

  private static String relsNameOf(String part) {
    int slash = part.lastIndexOf('/');
    return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
  }

  private static SheetHyperlinks join(List<PackageXml.Hyperlink> links, Map<String, String> rels) {
    Map<Long, String> byCell = new HashMap<>(links.size() * 2);
    for (PackageXml.Hyperlink link : links) {
      String target = rels.get(link.relationshipId());
      if (target != null) {
        putRange(byCell, link.ref(), target);
      }
    }
    return new SheetHyperlinks(byCell);
  }

  // A ref is one cell ("G651") or a range ("G2:G9") that shares one link.
  private static void putRange(Map<Long, String> byCell, String ref, String target) {
    int colon = ref.indexOf(':');
    CellRef from = CellRef.parse(colon < 0 ? ref : ref.substring(0, colon));
    CellRef to = colon < 0 ? from : CellRef.parse(ref.substring(colon + 1));
    if (from == null || to == null) {
      return;
    }
    long cells = (long) (to.row() - from.row() + 1) * (to.column() - from.column() + 1);
    if (cells <= 0 || cells > MAX_RANGE_CELLS) {
      return;
    }
    for (int r = from.row(); r <= to.row(); r++) {
      for (int c = from.column(); c <= to.column(); c++) {
        byCell.putIfAbsent(key(r, c), target);
      }
    }
  }

  private static long key(int row, int column) {
    return (long) row * MAX_COLUMNS + column;
  }

  /** A cell reference such as "G651": 1-based row, 0-based column. */
  record CellRef(int row, int column) {
    static @Nullable CellRef parse(String ref) {
      int i = 0;
      int column = 0;
      String s = ref.replace("$", "");
      for (; i < s.length() && i < 3 && isLetter(s.charAt(i)); i++) {
        column = column * 26 + (Character.toUpperCase(s.charAt(i)) - 'A' + 1);
      }
      if (i == 0 || i == s.length() || column > MAX_COLUMNS) {
        return null;
      }
      try {
        int row = Integer.parseInt(s.substring(i));
        return row > 0 ? new CellRef(row, column - 1) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }

    private static boolean isLetter(char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
  }
}
