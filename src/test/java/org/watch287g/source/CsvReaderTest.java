package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Publication;

class CsvReaderTest {
  private static final String HEADER = "STATE,LAW ENFORCEMENT AGENCY,SUPPORT TYPE,SIGNED,MOA";

  private static Publication read(String csv) throws UnreadablePublicationException {
    return CsvReader.read(csv.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> agencies(Publication pub) {
    return pub.agreements().stream().map(Agreement::agency).toList();
  }

  @Test
  @DisplayName("reads quoted fields holding commas, doubled quotes and line breaks (RFC 4180)")
  void readsQuotedFields() throws UnreadablePublicationException {
    Publication pub =
        read(
            HEADER
                + "\n"
                + "TEXAS,\"Harris County Sheriff's Office, Jail Division\",Jail Enforcement Model,2020-06-09,\n"
                + "TEXAS,\"The \"\"Metro\"\" Task Force\",Task Force Model,2020-06-09,\n"
                + "TEXAS,\"Galveston County Constable\nPrecinct 2\",Task Force Model,2020-06-09,\n");
    assertEquals(
        List.of(
            "Harris County Sheriff's Office, Jail Division",
            "The \"Metro\" Task Force",
            "Galveston County Constable Precinct 2"),
        agencies(pub));
  }

  @Test
  @DisplayName("skips a UTF-8 byte-order mark and reads CRLF, LF and a missing final line break")
  void readsBomAndLineEndings() throws UnreadablePublicationException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String body =
        HEADER
            + "\r\nOHIO,Butler County Sheriff's Office,Jail Enforcement,2/5/2008,\r\n"
            + "OKLAHOMA,Tulsa County Sheriff's Office,Jail Enforcement,8/6/2007,";
    byte[] body8 = body.getBytes(StandardCharsets.UTF_8);
    byte[] csv = new byte[bom.length + body8.length];
    System.arraycopy(bom, 0, csv, 0, bom.length);
    System.arraycopy(body8, 0, csv, bom.length, body8.length);
    Publication pub = CsvReader.read(csv);
    assertEquals(
        List.of("STATE", "LAW ENFORCEMENT AGENCY", "SUPPORT TYPE", "SIGNED", "MOA"), pub.columns());
    assertEquals(
        List.of("Butler County Sheriff's Office", "Tulsa County Sheriff's Office"), agencies(pub));
  }

  @Test
  @DisplayName("numbers rows as records, so a warning points at the row a spreadsheet shows")
  void numbersRecords() throws UnreadablePublicationException {
    Publication pub =
        read(
            HEADER
                + "\n\"TEXAS\",\"Two\nLines\",Task Force Model,,\nXX,Somewhere PD,Task Force Model,2020-01-01,\n");
    assertEquals(2, pub.agreements().get(0).row());
    assertEquals("row 3: unreadable STATE 'XX' for Somewhere PD; skipped", pub.warnings().get(1));
  }

  @Test
  @DisplayName("keeps text after a closing quote, and a quote inside an unquoted field")
  void isLenientAboutStrayQuotes() throws UnreadablePublicationException {
    Publication pub =
        read(
            HEADER
                + "\nTEXAS,\"Harris\" County SO,Task Force Model,2020-01-01,\n"
                + "TEXAS,Bexar 6\" County,Task Force Model,2020-01-01,\n");
    assertEquals(List.of("Harris County SO", "Bexar 6\" County"), agencies(pub));
  }

  @Test
  @DisplayName("reads a pending-shaped CSV as the pending list")
  void readsPendingShape() throws UnreadablePublicationException {
    Publication pub =
        read(
            """
            STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE
            LOUISIANA,Beauregard Parish Sheriff's Office,County,Beauregard Parish,Task Force Model
            """);
    assertEquals(ListKind.PENDING, pub.kind());
    assertEquals("Beauregard Parish", pub.agreements().get(0).county());
  }

  @Test
  @DisplayName("refuses a quoted field that never closes, naming its line")
  void refusesUnclosedQuotes() {
    UnreadablePublicationException e =
        assertThrows(
            UnreadablePublicationException.class,
            () -> read(HEADER + "\nTEXAS,Harris,Task Force Model,2020-01-01,\nTEXAS,\"Bexar,Task"));
    assertEquals(
        "the CSV is malformed: a quoted field opened on line 3 never closes", e.getMessage());
  }

  @Test
  @DisplayName("refuses bytes that are not UTF-8 text")
  void refusesBinary() {
    byte[] latin1 =
        (HEADER + "\nPUERTO RICO,Polic\u00eda de Puerto Rico,Task Force Model,,\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    UnreadablePublicationException e =
        assertThrows(UnreadablePublicationException.class, () -> CsvReader.read(latin1));
    assertTrue(
        String.valueOf(e.getMessage()).contains("neither XLSX nor UTF-8 text"), e.getMessage());
  }

  @Test
  @DisplayName("tells an empty sheet from one without a header")
  void emptyVersusNoHeader() {
    UnreadablePublicationException empty =
        assertThrows(UnreadablePublicationException.class, () -> read("\n,,,\n\n"));
    UnreadablePublicationException foreign =
        assertThrows(UnreadablePublicationException.class, () -> read("name,address\nA,B\n"));
    assertEquals("the sheet is empty", empty.getMessage());
    assertTrue(
        String.valueOf(foreign.getMessage())
            .startsWith(
                "no recognisable header row (expected STATE, LAW"
                    + " ENFORCEMENT AGENCY, SUPPORT TYPE"),
        foreign.getMessage());
    assertTrue(
        String.valueOf(foreign.getMessage()).contains("'name, address'"), foreign.getMessage());
  }
}
