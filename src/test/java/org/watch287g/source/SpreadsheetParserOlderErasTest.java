package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Publication;
import org.watch287g.source.XlsxFixture.Link;

/**
 * ICE kept no workbooks from before 2025, so the 2011-2017 and 2018-2024 layouts are rebuilt here
 * from values seen in archived copies (deportationdata/ice-287g's roster of the 2011-2017
 * fact-sheet table; the 2024-12-18 html-derived file), once as CSV (src/test/resources/fixtures)
 * and once as XLSX written with fastexcel's writer: "link" cells with hyperlinks, Excel date cells,
 * text dates.
 */
class SpreadsheetParserOlderErasTest {
  private static final SpreadsheetParser PARSER = new SpreadsheetParser();
  private static final String FOIA =
      "http://www.ice.gov/doclib/foia/memorandumsofAgreementUnderstanding/";
  private static final String MOA_2020 = "https://www.ice.gov/doclib/287gMOA/";
  private static final String WAYBACK_2024 = "https://web.archive.org/web/20241218025939/";

  /** What a reader of either format must get from the 2011-2017 rows. */
  private static final List<String> FIRST_ERA =
      List.of(
          "AL|Alabama Department of Public Safety|TFM|2003-09-10|https://www.ice.gov/doclib/foia/memorandumsofAgreementUnderstanding/r_287galabamadepartmentofpublicsafety101609.pdf",
          "AL|Etowah County Sheriff's Office|JEM|2013-06-28|https://www.ice.gov/doclib/foia/memorandumsofAgreementUnderstanding/r_287getowah100509.pdf",
          "AZ|Maricopa County Sheriff's Office|JEM|2007-02-07|https://www.ice.gov/doclib/foia/memorandumsofAgreementUnderstanding/r_287gmaricopacountyso102609.pdf",
          "DE|Delaware Department of Corrections|JEM|2009-10-15|https://www.ice.gov/doclib/foia/memorandumsofAgreementUnderstanding/r_287gdelawaredeptofcorrection101509.pdf",
          "MA|Massachusetts Department of Corrections|JEM|2007-03-26|null",
          "TN|Tennessee Highway Patrol / Department of Safety|TFM|2008-06-25|https://www.ice.gov/doclib/foia/memorandumsofAgreementUnderstanding/r_287gtennesseehighwaypatrol101509.pdf",
          "VA|Prince William-Manassas Regional Jail|JEM|2007-07-09|https://www.ice.gov/doclib/foia/memorandumsofAgreementUnderstanding/r_287gprincewilliammanassasregionaljail101509.pdf");

  /** What a reader of either format must get from the 2018-2024 rows. */
  private static final List<String> SECOND_ERA =
      List.of(
          "AL|Etowah County Sheriff's Office|JEM|2020-06-09|https://www.ice.gov/doclib/287gMOA/287gJEM_%20etowahCoAL_06-09-2020.pdf",
          "AK|Department of Corrections|WSO|2020-07-24|https://www.ice.gov/doclib/287gMOA/287gWSO_DeptOfCorrectionsAK_07-24-2020.pdf",
          "AK|Kodiak Police Department|WSO|2020-07-20|https://www.ice.gov/doclib/287gMOA/287gWSO_KodiakAk2020-07-20.pdf",
          "FL|Baker County Sheriff's Office|WSO|2019-10-15|https://www.ice.gov/doclib/287gMOA/287gWSO_BakerCoFl2019-10-15.pdf",
          "MA|Massachusetts Department of Corrections|JEM|2020-06-08|https://www.ice.gov/doclib/287gMOA/287g_JEM_MassDOC_06-08-2020.pdf",
          "WI|Waukesha County Sheriff's Office|JEM|2020-06-10|https://www.ice.gov/doclib/287gMOA/287gJEM_WaukeshaCoWI_06-10-2020.pdf",
          "WY|Sweetwater County Sheriff's Office|WSO|2020-03-13|https://www.ice.gov/doclib/287gMOA/287gWSO_SweetwaterCoWY_03-13-2020.pdf");

  static List<String> summary(Publication pub) {
    return pub.agreements().stream()
        .map(
            a ->
                String.join(
                    "|",
                    a.state().code(),
                    a.agency(),
                    a.model().name(),
                    String.valueOf(a.signed()),
                    String.valueOf(a.moaUrl())))
        .toList();
  }

  static byte[] fixture(String name) {
    try (InputStream in =
        SpreadsheetParserOlderErasTest.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException(name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Object> row(@Nullable Object... cells) {
    return Arrays.asList(cells);
  }

  /** The 2011-2017 rows as a workbook, under a caption and a blank row like the fact sheet's. */
  static byte[] firstEraWorkbook() {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(row("Mutually Signed Agreements (71) as of 10/29/2010"));
    rows.add(row());
    rows.add(row("STATE", "AGENCY", "SUPPORT TYPE", "DATES SIGNED", "MOA"));
    rows.add(
        row(
            "ALABAMA",
            "Alabama Department of Public Safety",
            "Task Force",
            LocalDate.of(2003, 9, 10),
            new Link("link", FOIA + "r_287galabamadepartmentofpublicsafety101609.pdf")));
    rows.add(
        row(
            "ALABAMA",
            "Etowah County Sheriff's Office",
            "Jail Enforcement",
            "7/8/2008, 6/28/2013",
            new Link(
                "link",
                "https://web.archive.org/web/20100528005110/" + FOIA + "r_287getowah100509.pdf")));
    rows.add(
        row(
            "ARIZONA",
            "Maricopa County Sheriff's Office",
            "Jail Enforcement",
            LocalDate.of(2007, 2, 7),
            new Link("link", FOIA + "r_287gmaricopacountyso102609.pdf")));
    rows.add(
        row(
            "DELAWARE**",
            "Delaware Department of Corrections",
            "Jail Enforcement",
            LocalDate.of(2009, 10, 15),
            new Link("link", FOIA + "r_287gdelawaredeptofcorrection101509.pdf")));
    rows.add(
        row(
            "MASSACHUSETTS",
            "Massachusetts Department of Corrections",
            "Jail Enforcement",
            LocalDate.of(2007, 3, 26),
            null));
    rows.add(
        row(
            "TENNESSEE",
            "Tennessee Highway Patrol / Department of Safety",
            "Task Force",
            LocalDate.of(2008, 6, 25),
            new Link("link", FOIA + "r_287gtennesseehighwaypatrol101509.pdf")));
    rows.add(
        row(
            "VIRGINIA",
            "Prince William-Manassas Regional Jail",
            "Jail Enforcement",
            "7/9/2007",
            new Link("link", FOIA + "r_287gprincewilliammanassasregionaljail101509.pdf")));
    return new XlsxFixture().sheet("Sheet1", rows).bytes();
  }

  /**
   * The 2018-2024 rows as a workbook with a foreign "Agency Validation" column and empty padding
   * columns; {@code baker} and {@code june9} let a test write serial numbers in either date system.
   */
  static byte[] secondEraWorkbook(Object baker, Object june9) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(
        row(
            "STATE",
            "LAW ENFORCEMENT AGENCY",
            "SUPPORT TYPE",
            "SIGNED",
            "MOA",
            "",
            "Agency Validation"));
    rows.add(
        row(
            "ALABAMA",
            "Etowah County Sheriff's Office",
            "Jail Enforcement Model",
            june9,
            new Link("link", WAYBACK_2024 + MOA_2020 + "287gJEM_ etowahCoAL_06-09-2020.pdf"),
            null,
            "valid"));
    rows.add(
        row(
            "ALASKA",
            "Department of Corrections",
            "Warrant Service Officer",
            LocalDate.of(2020, 7, 24),
            new Link("link", MOA_2020 + "287gWSO_DeptOfCorrectionsAK_07-24-2020.pdf")));
    rows.add(
        row(
            "ALASKA",
            "Kodiak Police Department",
            "Warrant Service Officer",
            "July 20, 2020",
            new Link("link", MOA_2020 + "287gWSO_KodiakAk2020-07-20.pdf")));
    rows.add(
        row(
            "FLORIDA",
            "Baker County Sheriff's Office",
            "Warrant Service Officer",
            baker,
            new Link("link", MOA_2020 + "287gWSO_BakerCoFl2019-10-15.pdf")));
    rows.add(
        row(
            "MASSACHUSETTS",
            "Massachusetts Department of Corrections",
            "Jail Enforcement Model",
            LocalDate.of(2020, 6, 8),
            new Link("link", MOA_2020 + "287g_JEM_MassDOC_06-08-2020.pdf")));
    rows.add(
        row(
            "WISCONSIN",
            "Waukesha County Sheriff's Office",
            "Jail Enforcement Model",
            LocalDate.of(2020, 6, 10),
            new Link("link", MOA_2020 + "287gJEM_WaukeshaCoWI_06-10-2020.pdf")));
    rows.add(
        row(
            "WYOMING",
            "Sweetwater County Sheriff's Office",
            "Warrant Service Officer",
            LocalDate.of(2020, 3, 13),
            new Link("link", MOA_2020 + "287gWSO_SweetwaterCoWY_03-13-2020.pdf")));
    return new XlsxFixture().sheet("287(g) Agreements", rows).bytes();
  }

  @Test
  @DisplayName(
      "reads the 2011-2017 layout from CSV: AGENCY, DATES SIGNED, full state names, 'Task Force'")
  void readsFirstEraCsv() throws UnreadablePublicationException {
    Publication pub =
        PARSER.parse(fixture("participating-2011-2017.csv"), "participating-2011-2017.csv");
    assertEquals(ListKind.PARTICIPATING, pub.kind());
    assertEquals(List.of("STATE", "AGENCY", "SUPPORT TYPE", "DATES SIGNED", "MOA"), pub.columns());
    assertEquals(FIRST_ERA, summary(pub));
    assertEquals(
        List.of(
            "row 3: DATES SIGNED '7/8/2008, 6/28/2013' has 2 dates; kept the latest, 2013-06-28"),
        pub.warnings());
  }

  @Test
  @DisplayName(
      "reads the 2011-2017 layout from XLSX below a caption, with date cells and 'link' hyperlinks")
  void readsFirstEraXlsx() throws UnreadablePublicationException {
    Publication pub = PARSER.parse(firstEraWorkbook(), "287g.xlsx");
    assertEquals(ListKind.PARTICIPATING, pub.kind());
    assertEquals(FIRST_ERA, summary(pub));
    assertEquals(4, pub.agreements().get(0).row(), "rows keep the sheet's numbers");
    assertEquals(
        List.of(
            "row 5: DATES SIGNED '7/8/2008, 6/28/2013' has 2 dates; kept the latest, 2013-06-28"),
        pub.warnings());
  }

  @Test
  @DisplayName(
      "reads the 2018-2024 layout from CSV with a byte-order mark, text dates and URL cells")
  void readsSecondEraCsv() throws UnreadablePublicationException {
    Publication pub =
        PARSER.parse(fixture("participating-2018-2024.csv"), "participating-2018-2024.csv");
    assertEquals(ListKind.PARTICIPATING, pub.kind());
    assertEquals(SECOND_ERA, summary(pub));
    assertEquals(List.of(), pub.warnings());
  }

  @Test
  @DisplayName(
      "reads the 2018-2024 layout from XLSX: date cells, a bare serial, a text date, a foreign column")
  void readsSecondEraXlsx() throws UnreadablePublicationException {
    Publication pub = PARSER.parse(secondEraWorkbook(43753, LocalDate.of(2020, 6, 9)), "287g.xlsx");
    assertEquals(SECOND_ERA, summary(pub));
    assertEquals(
        List.of("column G 'Agency Validation' is not an ICE column; ignored"), pub.warnings());
  }

  @Test
  @DisplayName("a date cell holding an absurd number is left blank on its row, not the whole file")
  void absurdSerialIsARowProblem() throws UnreadablePublicationException {
    Publication pub = PARSER.parse(secondEraWorkbook(1e300, LocalDate.of(2020, 6, 9)), "287g.xlsx");
    assertEquals(7, pub.agreements().size());
    assertNull(pub.agreements().get(3).signed());
    assertEquals("row 5: SIGNED '1.0E+300' is not a date; left blank", pub.warnings().get(1));
  }

  @Test
  @DisplayName("reads date cells of a workbook in the 1904 date system")
  void readsThe1904DateSystem() throws UnreadablePublicationException {
    byte[] xlsx = secondEraWorkbook(43753 - 1462, 43991 - 1462);
    byte[] mac =
        XlsxFixture.rewrite(
            xlsx, "xl/workbook.xml", xml -> xml.replace("date1904=\"false\"", "date1904=\"true\""));
    Publication pub = PARSER.parse(mac, "287g-mac.xlsx");
    assertEquals(SECOND_ERA.get(0), summary(pub).get(0));
    assertEquals(SECOND_ERA.get(3), summary(pub).get(3));
    // The same serial numbers read in the 1900 system land four years and a day earlier.
    assertEquals(
        LocalDate.of(2016, 6, 8), PARSER.parse(xlsx, "287g.xlsx").agreements().get(0).signed());
  }
}
