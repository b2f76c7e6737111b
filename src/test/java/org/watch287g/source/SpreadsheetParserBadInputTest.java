package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Publication;

/**
 * What the bot may download instead of a list: each gives one line saying what is wrong, prefixed
 * with the file's name, and never a library's exception.
 */
class SpreadsheetParserBadInputTest {
  private static final SpreadsheetParser PARSER = new SpreadsheetParser();
  private static final String NAME = "participatingAgencies05162025am.xlsx";

  private static String failure(byte[] content) {
    UnreadablePublicationException e =
        assertThrows(UnreadablePublicationException.class, () -> PARSER.parse(content, NAME));
    String message = String.valueOf(e.getMessage());
    assertFalse(message.contains("\n") || message.contains("\r"), message);
    assertTrue(message.startsWith(NAME + ": "), message);
    return message.substring(NAME.length() + 2);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("an 'Access Denied' page is an HTML page, named by its title")
  void accessDeniedPage() {
    assertEquals(
        "got an HTML page ('Access Denied'), not a workbook",
        failure(
            utf8(
                "<html><head><title>Access Denied</title></head><body>Access Denied</body></html>")));
  }

  @Test
  @DisplayName(
      "HTML is recognised after a byte-order mark, blank lines and a doctype, entities decoded")
  void htmlAfterBomAndDoctype() {
    assertEquals(
        "got an HTML page ('Page Not Found & ICE'), not a workbook",
        failure(
            utf8(
                "\uFEFF\n  <!DOCTYPE html>\n<html lang=\"en\"><head>\n"
                    + "<title>\n Page Not Found &amp; ICE</title></head></html>")));
    assertEquals(
        "got an HTML page, not a workbook", failure(utf8("<body><p>Maintenance</p></body>")));
  }

  @Test
  @DisplayName("an XML error document is not a workbook either")
  void xmlErrorDocument() {
    assertEquals(
        "got an XML document, not a workbook",
        failure(utf8("<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>")));
  }

  @Test
  @DisplayName("the first half of a real workbook is corrupt or truncated")
  void truncatedWorkbook() {
    byte[] real = XlsxFixture.snapshot("2025-05-16-participating.xlsx");
    String message = failure(Arrays.copyOf(real, real.length / 2));
    assertTrue(message.startsWith("the workbook is corrupt or truncated ("), message);
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 30, 100, 1000, 20_000, 50_000, 66_000, 67_000})
  @DisplayName("a workbook cut anywhere gives the one-line message, never a library exception")
  void workbookCutAnywhere(int length) {
    byte[] real = XlsxFixture.snapshot("2025-05-16-participating.xlsx");
    assertTrue(
        failure(Arrays.copyOf(real, length)).startsWith("the workbook is corrupt or truncated ("));
  }

  @Test
  @DisplayName(
      "a workbook with bytes scrambled anywhere parses or fails in one line, never otherwise")
  void scrambledWorkbooks() {
    byte[] real = XlsxFixture.snapshot("2025-07-18-participating.xlsx");
    Random random = new Random(287);
    for (int i = 0; i < 200; i++) {
      byte[] scrambled = real.clone();
      int at = random.nextInt(scrambled.length);
      for (int k = at; k < Math.min(scrambled.length, at + 1 + random.nextInt(16)); k++) {
        scrambled[k] = (byte) random.nextInt(256);
      }
      try {
        PARSER.parse(scrambled, NAME); // any other exception fails the test
      } catch (UnreadablePublicationException e) {
        assertFalse(String.valueOf(e.getMessage()).contains("\n"), e.getMessage());
      }
    }
  }

  @Test
  @DisplayName("random bytes are neither a workbook nor UTF-8 text")
  void randomBytes() {
    byte[] noise = new byte[4096];
    new Random(287).nextBytes(noise);
    assertEquals("not a workbook: the bytes are neither XLSX nor UTF-8 text (CSV)", failure(noise));
  }

  @Test
  @DisplayName("no bytes, or only blanks, is an empty file")
  void emptyFile() {
    assertEquals("the file is empty", failure(new byte[0]));
    assertEquals("the file is empty", failure(utf8("\uFEFF \r\n")));
  }

  @Test
  @DisplayName("an old .xls workbook (OLE2) is refused by name")
  void oldXls() {
    byte[] xls = {
      (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0
    };
    assertTrue(failure(xls).startsWith("got an old Excel 97-2003 (.xls)"));
  }

  @Test
  @DisplayName("a ZIP that is not a workbook is corrupt, saying what is missing")
  void zipThatIsNotAWorkbook() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("readme.txt"));
      zip.write(utf8("not a workbook"));
    }
    assertEquals(
        "the workbook is corrupt or truncated ([Content_Types].xml not found)",
        failure(out.toByteArray()));
  }

  @Test
  @DisplayName("a workbook whose header is unrecognisable says what it expected and what it found")
  void unrecognisableHeader() {
    byte[] xlsx =
        new XlsxFixture()
            .sheet(
                "Sheet1",
                List.of(
                    List.of("Name", "Address", "Phone"),
                    List.of("Harris County Sheriff's Office", "Houston", "713")))
            .bytes();
    assertEquals(
        "no recognisable header row (expected STATE, LAW ENFORCEMENT AGENCY, SUPPORT TYPE ... within"
            + " the first 10 rows; the first row reads 'Name, Address, Phone')",
        failure(xlsx));
  }

  @Test
  @DisplayName("a header without SUPPORT TYPE is refused, naming the missing column")
  void headerWithoutModel() {
    byte[] xlsx =
        new XlsxFixture()
            .sheet("Sheet1", List.of(List.of("STATE", "LAW ENFORCEMENT AGENCY", "SIGNED")))
            .bytes();
    assertEquals("the header row (row 1) has no SUPPORT TYPE column", failure(xlsx));
  }

  @Test
  @DisplayName("a workbook whose only sheet is empty says so")
  void emptySheet() {
    assertEquals(
        "the sheet is empty", failure(new XlsxFixture().sheet("Sheet1", List.of()).bytes()));
  }

  @Test
  @DisplayName("the list is read from the first sheet with a header, not simply the first sheet")
  void skipsSheetsWithoutHeader() throws UnreadablePublicationException {
    byte[] xlsx =
        new XlsxFixture()
            .sheet("Notes", List.of(List.of("Updated weekly")))
            .sheet(
                "Sheet 1",
                List.of(
                    List.of("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE"),
                    List.of(
                        "LOUISIANA",
                        "Beauregard Parish Sheriff's Office",
                        "County",
                        "Beauregard Parish",
                        "Task Force Model")))
            .bytes();
    Publication pub = PARSER.parse(xlsx, NAME);
    assertEquals(ListKind.PENDING, pub.kind());
    assertEquals(1, pub.agreements().size());
  }

  @Test
  @DisplayName("a header-only participating workbook is valid: no agreements, still PARTICIPATING")
  void headerOnlyWorkbook() throws UnreadablePublicationException {
    // The acceptance kit's 'headeronly' fault: every data row and the hyperlinks removed.
    byte[] headerOnly =
        XlsxFixture.rewrite(
            XlsxFixture.snapshot("2025-05-16-participating.xlsx"),
            "xl/worksheets/sheet1.xml",
            xml ->
                xml.replaceAll("(?s)(<row [^>]*r=\"1\"[^>]*>.*?</row>).*?(</sheetData>)", "$1$2")
                    .replaceAll("<dimension ref=\"[^\"]*\"/>", "<dimension ref=\"A1:H1\"/>")
                    .replaceAll("(?s)<hyperlinks>.*?</hyperlinks>", ""));
    Publication pub = PARSER.parse(headerOnly, NAME);
    assertEquals(ListKind.PARTICIPATING, pub.kind());
    assertEquals(0, pub.agreements().size());
    assertEquals(
        List.of(
            "STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED", "MOA"),
        pub.columns());
    assertEquals(List.of(), pub.warnings());
  }
}
