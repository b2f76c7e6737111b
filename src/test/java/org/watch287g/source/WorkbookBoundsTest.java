package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.watch287g.testing.ZipBomb;

/**
 * Hole 2 of issue 12: workbooks of a few hundred kilobytes that unfold into hundreds of megabytes
 * are refused, with a reason naming the limit, before fastexcel holds any of it.
 */
class WorkbookBoundsTest {
  static final byte[] REAL = XlsxFixture.snapshot("2025-05-16-participating.xlsx");
  static final String SST_HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";

  static UnreadablePublicationException refused(byte[] xlsx) {
    return assertThrows(
        UnreadablePublicationException.class,
        () -> new SpreadsheetParser().parse(xlsx, "participatingAgencies.xlsx"));
  }

  static void assertNames(UnreadablePublicationException e, String... words) {
    for (String word : words) {
      assertTrue(e.getMessage().contains(word), "'" + word + "' in: " + e.getMessage());
    }
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @DisplayName(
      "a shared string of 200 MB in a workbook of under a megabyte is refused unread, naming the"
          + " part and the limit")
  void oneHugeSharedStringIsRefused() {
    ZipBomb.Part sst =
        new ZipBomb.Part(
            "xl/sharedStrings.xml", SST_HEAD + "<si><t>", "a", 200_000_000L, "</t></si></sst>");
    byte[] bomb = ZipBomb.of(REAL, sst);

    UnreadablePublicationException e = refused(bomb);

    assertTrue(bomb.length < 1_000_000, bomb.length + " bytes");
    assertNames(e, "participatingAgencies.xlsx", "refused unread", "xl/sharedStrings.xml", "1 MB");
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @DisplayName(
      "a shared-strings part of 200 MB of short strings is refused at the limit for one part")
  void onePartOfManyShortStringsIsRefused() {
    ZipBomb.Part sst =
        new ZipBomb.Part(
            "xl/sharedStrings.xml", SST_HEAD, "<si><t>a</t></si>", 12_500_000L, "</sst>");

    UnreadablePublicationException e = refused(ZipBomb.of(REAL, sst));

    assertNames(e, "xl/sharedStrings.xml", "unzips to more than 16 MB");
  }

  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @DisplayName(
      "four parts of 15 MB each, every one under the limit for a part, are refused together")
  void partsTogetherPastTheTotalAreRefused() {
    ZipBomb.Part[] parts = new ZipBomb.Part[4];
    for (int i = 0; i < parts.length; i++) {
      parts[i] =
          new ZipBomb.Part("customXml/pad" + i + ".xml", "<pad>", "<x/>", 3_750_000L, "</pad>");
    }

    UnreadablePublicationException e = refused(ZipBomb.of(REAL, parts));

    assertNames(e, "the workbook unzips to more than 48 MB in all");
  }

  @Test
  @DisplayName("a string longer than Excel allows in a cell is refused, though its part is small")
  void aStringLongerThanExcelAllowsIsRefused() {
    ZipBomb.Part sst =
        new ZipBomb.Part(
            "xl/sharedStrings.xml",
            SST_HEAD + "<si><r><t>",
            "a</t></r><r><t>a",
            20_000L,
            "</t></r></si></sst>");

    UnreadablePublicationException e = refused(ZipBomb.of(REAL, sst));

    assertNames(e, "xl/sharedStrings.xml", "a string of more than 32767 characters");
  }

  @Test
  @DisplayName(
      "a cell naming a column past XFD is refused before any reader pads its row out to it")
  void aCellPastTheLastColumnIsRefused() {
    byte[] xlsx =
        XlsxFixture.rewrite(
            REAL,
            "xl/worksheets/sheet1.xml",
            xml -> xml.replaceFirst("<c r=\"A1\"", "<c r=\"ZZZZZZ1\""));

    UnreadablePublicationException e = refused(xlsx);

    assertNames(e, "xl/worksheets/sheet1.xml", "a cell past column 16384");
  }

  @Test
  @DisplayName("a list of more than 100,000 rows is refused rather than held")
  void moreRowsThanAnyListAreRefused() {
    String csv =
        "STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE,SIGNED\n"
            + "TEXAS,Harris County Sheriff's Office,Jail Enforcement Model,2020-06-09\n"
                .repeat(100_001);

    UnreadablePublicationException e =
        assertThrows(
            UnreadablePublicationException.class,
            () -> new SpreadsheetParser().parse(csv.getBytes(StandardCharsets.UTF_8), "x.csv"));

    assertNames(e, "more than 100000 rows");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-12-18-participating-htmlderived.xlsx",
        "2025-03-06-participating.xlsx",
        "2025-05-15-pending.xlsx",
        "2025-05-19-participating.xlsx",
        "2025-07-18-pending.xlsx",
        "2025-12-31-participating.xlsx",
        "2026-01-23-pending.xlsx",
        "2026-05-18-participating.xlsx"
      })
  @DisplayName("every real ICE workbook is well inside the limits")
  void realWorkbooksPass(String file) {
    assertDoesNotThrow(
        () -> WorkbookBounds.check(XlsxFixture.snapshot(file), WorkbookLimits.DEFAULT));
  }
}
