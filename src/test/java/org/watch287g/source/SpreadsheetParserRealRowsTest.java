package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.dataset.AgencyType;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.UsState;

/**
 * Single rows of the real ICE files, where ICE's typing is at its worst. Row numbers are the
 * sheet's own; the raw cell values quoted were read from the sheet XML with python3.
 */
class SpreadsheetParserRealRowsTest {
  private static final SpreadsheetParser PARSER = new SpreadsheetParser();

  private static Publication parse(String file) throws UnreadablePublicationException {
    return PARSER.parse(XlsxFixture.snapshot(file), file);
  }

  private static Agreement row(Publication pub, int row) {
    return pub.agreements().stream().filter(a -> a.row() == row).findFirst().orElseThrow();
  }

  @Test
  @DisplayName(
      "the 2025-05-29 pair matches ICE's totals: 635 in 40 states (JEM 100, WSO 228, TFM 307), 68 pending")
  void may29PairMatchesIcesPublishedTotals() throws UnreadablePublicationException {
    Publication participating = parse("2025-05-29-participating.xlsx");
    Publication pending = parse("2025-05-29-pending.xlsx");
    Map<Model, Long> statesPerModel =
        participating.agreements().stream()
            .collect(
                Collectors.groupingBy(
                    Agreement::model,
                    Collectors.mapping(
                        Agreement::state,
                        Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
    assertAll(
        () -> assertEquals(635, participating.agreements().size()),
        () -> assertEquals(40, participating.states().size()),
        () ->
            assertEquals(
                Map.of(Model.JEM, 100L, Model.TFM, 307L, Model.WSO, 228L),
                participating.countByModel()),
        // ICE: "100 JEM in 25 states, 228 WSO in 31 states, 307 TFM in 30 states".
        () -> assertEquals(Map.of(Model.JEM, 25L, Model.TFM, 30L, Model.WSO, 31L), statesPerModel),
        () -> assertEquals(68, pending.agreements().size()),
        () ->
            assertEquals(
                Map.of(Model.JEM, 7L, Model.TFM, 43L, Model.WSO, 18L), pending.countByModel()));
  }

  @Test
  @DisplayName(
      "the kind comes from the columns, so the 2025-09-22 swap is read for what each file is")
  void swappedFilesAreReadByTheirShapeNotTheirName() throws UnreadablePublicationException {
    byte[] pendingList = XlsxFixture.snapshot("2025-05-29-pending.xlsx");
    byte[] participatingList = XlsxFixture.snapshot("2025-05-29-participating.xlsx");
    assertEquals(
        ListKind.PENDING, PARSER.parse(pendingList, "participatingAgencies09222025pm.xlsx").kind());
    assertEquals(
        ListKind.PARTICIPATING,
        PARSER.parse(participatingList, "pendingAgencies09222025pm.xlsx").kind());
  }

  @Test
  @DisplayName("Outlook safelinks in MOA and ADDENDUM cells come out as ICE's own PDF URLs")
  void safelinksAreUnwrapped() throws UnreadablePublicationException {
    Publication pub = parse("2025-07-18-participating.xlsx");
    Agreement alachua = row(pub, 51);
    Agreement hillsborough = row(pub, 165);
    assertAll(
        () -> assertEquals("Alachua County Sheriff's Office", alachua.agency()),
        () ->
            assertEquals(
                "https://www.ice.gov/doclib/287gMOA/AlachuaCoSheriffsOfficeFL_TFM_MOA_02262025.pdf",
                alachua.moaUrl()),
        () -> assertEquals("Hillsborough County Sheriff's Office", hillsborough.agency()),
        () ->
            assertEquals(
                "https://www.ice.gov/doclib/287gMOA/hIllsboroughCountySherrifsOffice_WSO_MOA_06102025.pdf",
                hillsborough.addendumUrl()));
  }

  @Test
  @DisplayName("a Chrome PDF-viewer link and a one-slash 'https:/' link are repaired (2026-05-18)")
  void brokenLinksAreRepaired() throws UnreadablePublicationException {
    Publication pub = parse("2026-05-18-participating.xlsx");
    assertEquals(
        "https://www.ice.gov/doclib/287gMOA/UnivFLPDFL_TFM_MOA_041525.pdf", row(pub, 486).moaUrl());
    assertEquals(
        "https://www.ice.gov/doclib/287gMOA/CherokeePDAL_TFM_%20MOA_02142026.pdf",
        row(pub, 11).moaUrl());
  }

  @Test
  @DisplayName(
      "trailing spaces in agency, TYPE and SUPPORT TYPE are trimmed (2026-05-18 'County ', 'Jail Enforcement Model ')")
  void trailingSpacesAreTrimmed() throws UnreadablePublicationException {
    Publication pub = parse("2026-05-18-participating.xlsx");
    Agreement autauga = row(pub, 4);
    assertAll(
        () -> assertEquals("Autauga County Sheriff's Office", autauga.agency()),
        () -> assertEquals(AgencyType.COUNTY, autauga.type()),
        () -> assertEquals(Model.JEM, autauga.model()),
        () -> assertEquals(UsState.AL, autauga.state()),
        () -> assertEquals("Autauga County", autauga.county()),
        () -> assertEquals(LocalDate.of(2025, 9, 22), autauga.signed()),
        () ->
            assertEquals(
                "https://www.ice.gov/doclib/287gMOA/AutaugaCoSheriffsOfficeAL_JEM_MOA_09222025.pdf",
                autauga.moaUrl()));
  }

  @Test
  @DisplayName(
      "'Warrant Service Office' (2025-12-31) and 'Warrant Services Officer' (its pending list) are WSO")
  void warrantServiceTyposAreWso() throws UnreadablePublicationException {
    Agreement pope = row(parse("2025-12-31-participating.xlsx"), 87);
    Publication pending = parse("2025-12-31-pending.xlsx");
    assertEquals("Pope County Sheriff's Office", pope.agency());
    assertEquals(Model.WSO, pope.model());
    assertEquals("Pop County", pope.county(), "county text is kept as ICE wrote it");
    assertEquals(Model.WSO, row(pending, 5).model());
    assertEquals(Model.WSO, row(pending, 7).model());
  }

  @Test
  @DisplayName("COUNTY '#N/A' is null (2025-05-15 pending, Level Plains Police Department)")
  void notAvailableCountyIsNull() throws UnreadablePublicationException {
    Agreement levelPlains = row(parse("2025-05-15-pending.xlsx"), 3);
    assertEquals("Level Plains Police Department", levelPlains.agency());
    assertEquals(AgencyType.MUNICIPALITY, levelPlains.type());
    assertNull(levelPlains.county());
    assertNull(levelPlains.signed());
  }

  @Test
  @DisplayName("'link pending' marks the MOA pending with no URL (every row of 2026-01-23 pending)")
  void linkPendingIsRecognised() throws UnreadablePublicationException {
    Publication pub = parse("2026-01-23-pending.xlsx");
    assertTrue(pub.agreements().stream().allMatch(a -> a.moaPending() && a.moaUrl() == null));
    assertEquals(ListKind.PENDING, pub.kind());
    assertEquals("Blount County Sheriff's Office", row(pub, 2).agency());
  }

  @Test
  @DisplayName(
      "the html-derived 2024-12-18 file: text dates, and Wayback URLs with spaces in the cell text")
  void htmlDerivedFileReadsTextDatesAndWaybackUrls() throws UnreadablePublicationException {
    Agreement etowah = row(parse("2024-12-18-participating-htmlderived.xlsx"), 2);
    Agreement sameIn2025 = row(parse("2025-03-06-participating.xlsx"), 2);
    assertEquals(LocalDate.of(2020, 6, 9), etowah.signed());
    assertEquals(
        "https://www.ice.gov/doclib/287gMOA/287gJEM_%20etowahCoAL_06-09-2020.pdf", etowah.moaUrl());
    assertEquals(sameIn2025.moaUrl(), etowah.moaUrl(), "ICE's own hyperlink for the same row");
    assertNull(etowah.type());
  }

  @Test
  @DisplayName(
      "Excel date cells and ICE's '05/082025' typo both read as 2025-05-08, the typo with a warning")
  void excelDatesAndTheMissingSlashTypo() throws UnreadablePublicationException {
    Publication pub = parse("2025-05-16-participating.xlsx");
    assertEquals(LocalDate.of(2025, 5, 8), row(pub, 2).signed());
    assertEquals(LocalDate.of(2025, 5, 8), row(pub, 545).signed());
    assertTrue(
        pub.warnings().contains("row 545: SIGNED '05/082025' lacks a '/'; read as 2025-05-08"),
        pub.warnings().toString());
  }

  @Test
  @DisplayName("no real file loses a row, and the oddities ICE left in 2025-07-18 are all reported")
  void realFilesSkipNothingAndReportTheirOddities() throws UnreadablePublicationException {
    for (String file :
        Stream.of(
                "2025-03-06-participating.xlsx",
                "2025-05-16-participating.xlsx",
                "2025-12-31-participating.xlsx",
                "2026-05-18-participating.xlsx")
            .toList()) {
      assertFalse(parse(file).warnings().stream().anyMatch(w -> w.contains("skipped")), file);
    }
    assertEquals(
        List.of(
            "row 639: SIGNED '1141572' is 5025-07-07, not a plausible date; left blank",
            "row 775: SIGNED '7/72025' lacks a '/'; read as 2025-07-07",
            "row 785: SIGNED '05/082025' lacks a '/'; read as 2025-05-08"),
        parse("2025-07-18-participating.xlsx").warnings());
  }
}
