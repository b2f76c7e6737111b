package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SheetHyperlinksTest {
  private static final String SUMNER =
      "https://www.ice.gov/doclib/287gMOA/SumnerCoSOTN_WSO_MOA_042925.pdf";

  @Test
  @DisplayName("reads the external links of the sheet and ignores internal ones")
  void readsExternalLinks() throws Exception {
    byte[] xlsx =
        new XlsxFixture()
            .sheet(
                "Sheet1",
                List.of(
                    List.of("STATE", "MOA", "ADDENDUM"),
                    List.of(
                        "TENNESSEE",
                        new XlsxFixture.Link("link", SUMNER),
                        new XlsxFixture.InternalLink("see", "A1"))))
            .bytes();
    SheetHyperlinks links = SheetHyperlinks.read(xlsx, sheetId(xlsx, "Sheet1"));
    assertEquals(SUMNER, links.at(2, 1));
    assertNull(links.at(2, 2), "internal link");
    assertNull(links.at(1, 1));
    assertEquals(1, links.size());
  }

  @Test
  @DisplayName("reads the links of the sheet the r:id names, not of another sheet")
  void readsTheNamedSheet() throws Exception {
    byte[] xlsx =
        new XlsxFixture()
            .sheet("Notes", List.of(List.of(new XlsxFixture.Link("a", "https://example.org/a"))))
            .sheet("Sheet1", List.of(List.of(new XlsxFixture.Link("link", SUMNER))))
            .bytes();
    assertEquals(
        "https://example.org/a", SheetHyperlinks.read(xlsx, sheetId(xlsx, "Notes")).at(1, 0));
    assertEquals(SUMNER, SheetHyperlinks.read(xlsx, sheetId(xlsx, "Sheet1")).at(1, 0));
  }

  // The sheet's r:id as fastexcel-reader reports it, the same way XlsxWorkbook asks.
  private static String sheetId(byte[] xlsx, String name) throws IOException {
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      return workbook.findSheet(name).orElseThrow().getId();
    }
  }

  @Test
  @DisplayName("has no links for a sheet id the workbook does not know")
  void unknownSheet() throws Exception {
    byte[] xlsx = XlsxFixture.snapshot("2025-05-16-participating.xlsx");
    assertEquals(0, SheetHyperlinks.read(xlsx, "rId99").size());
    assertEquals(416, SheetHyperlinks.read(xlsx, "rId1").size());
  }

  @Test
  @DisplayName("resolves relative, absolute and dotted relationship targets to ZIP entry names")
  void resolvesTargets() {
    assertEquals("xl/worksheets/sheet1.xml", SheetHyperlinks.partName("worksheets/sheet1.xml"));
    assertEquals("xl/worksheets/sheet1.xml", SheetHyperlinks.partName("/xl/worksheets/sheet1.xml"));
    assertEquals(
        "xl/worksheets/sheet1.xml",
        SheetHyperlinks.partName("./worksheets/../worksheets/sheet1.xml"));
    assertNull(SheetHyperlinks.partName(null));
  }

  @Test
  @DisplayName("reads cell references, with or without $, and refuses nonsense")
  void readsCellRefs() {
    assertEquals(new SheetHyperlinks.CellRef(651, 6), SheetHyperlinks.CellRef.parse("G651"));
    assertEquals(new SheetHyperlinks.CellRef(2, 26), SheetHyperlinks.CellRef.parse("$AA$2"));
    assertNull(SheetHyperlinks.CellRef.parse("651"));
    assertNull(SheetHyperlinks.CellRef.parse("G"));
    assertNull(SheetHyperlinks.CellRef.parse("G0"));
    assertNull(SheetHyperlinks.CellRef.parse("ABCD1"));
  }
}
