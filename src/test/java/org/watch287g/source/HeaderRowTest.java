package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.dataset.IceColumn;
import org.watch287g.dataset.ListKind;

class HeaderRowTest {

  private static HeaderRow header(String... cells) {
    HeaderRow header = HeaderRow.recognise(FakeRow.of(1, cells));
    assertNotNull(header, List.of(cells).toString());
    return header;
  }

  @Test
  @DisplayName("reads the 2011-2017 header: AGENCY and DATES SIGNED")
  void readsTheFirstEra() {
    HeaderRow h = header("STATE", "AGENCY", "SUPPORT TYPE", "DATES SIGNED", "MOA");
    assertEquals(1, h.index(IceColumn.AGENCY));
    assertEquals(3, h.index(IceColumn.SIGNED));
    assertEquals(ListKind.PARTICIPATING, h.kind());
  }

  @Test
  @DisplayName("reads the 2025+ header by name, wherever each column sits")
  void readsByNameNotPosition() {
    HeaderRow h =
        header(
            "STATE",
            "LAW ENFORCEMENT AGENCY",
            "TYPE",
            "COUNTY",
            "SUPPORT TYPE",
            "SIGNED",
            "MOA",
            "ADDENDUM");
    HeaderRow shuffled =
        header("ADDENDUM", "SUPPORT TYPE", "STATE", "SIGNED", "LAW ENFORCEMENT AGENCY");
    assertEquals(4, h.index(IceColumn.SUPPORT_TYPE));
    assertEquals(7, h.index(IceColumn.ADDENDUM));
    assertEquals(1, shuffled.index(IceColumn.SUPPORT_TYPE));
    assertEquals(4, shuffled.index(IceColumn.AGENCY));
    assertEquals(-1, shuffled.index(IceColumn.COUNTY));
  }

  @Test
  @DisplayName("matches headers whatever their case and spacing")
  void ignoresCaseAndSpacing() {
    HeaderRow h = header(" State ", "Law  Enforcement\u00a0Agency", "support type ");
    assertEquals(0, h.index(IceColumn.STATE));
    assertEquals(1, h.index(IceColumn.AGENCY));
    assertEquals(2, h.index(IceColumn.SUPPORT_TYPE));
  }

  @Test
  @DisplayName("says pending when there is no signing-date column, with or without MOA")
  void pendingShape() {
    assertEquals(
        ListKind.PENDING,
        header("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE").kind());
    assertEquals(
        ListKind.PENDING,
        header("STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "MOA").kind());
  }

  @Test
  @DisplayName(
      "notes unknown and repeated columns, ignores empty ones, and keeps the cells as written")
  void notesForeignColumns() {
    HeaderRow h =
        header(
            "STATE",
            "LAW ENFORCEMENT AGENCY ",
            "SUPPORT TYPE",
            "",
            "Agency Validation",
            "STATE",
            "",
            "");
    assertEquals(
        List.of(
            "column E 'Agency Validation' is not an ICE column; ignored",
            "column F repeats STATE; column A is used"),
        h.notes());
    assertEquals(
        List.of(
            "STATE", "LAW ENFORCEMENT AGENCY ", "SUPPORT TYPE", "", "Agency Validation", "STATE"),
        h.cells());
  }

  @Test
  @DisplayName("is not a header without both a STATE and an agency column")
  void needsStateAndAgency() {
    assertNull(HeaderRow.recognise(FakeRow.of(1, "287(g) Agreements as of 10/29/2010")));
    assertNull(HeaderRow.recognise(FakeRow.of(1, "STATE", "SUPPORT TYPE", "SIGNED")));
    assertNull(HeaderRow.recognise(FakeRow.of(2, "ALABAMA", "Etowah County Sheriff's Office")));
  }

  @Test
  @DisplayName("names columns with spreadsheet letters")
  void columnLetters() {
    assertEquals("A", HeaderRow.letters(0));
    assertEquals("Z", HeaderRow.letters(25));
    assertEquals("AA", HeaderRow.letters(26));
    assertEquals("AM", HeaderRow.letters(38));
  }
}
