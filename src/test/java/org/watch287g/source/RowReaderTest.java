package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.dataset.AgencyType;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;

class RowReaderTest {
  private static final HeaderRow HEADER =
      Objects.requireNonNull(
          HeaderRow.recognise(
              FakeRow.of(
                  1,
                  "STATE",
                  "LAW ENFORCEMENT AGENCY",
                  "TYPE",
                  "COUNTY",
                  "SUPPORT TYPE",
                  "SIGNED",
                  "MOA",
                  "",
                  "Agency Validation")));

  private final Warnings warnings = new Warnings();
  private final RowReader reader = new RowReader(HEADER, warnings);

  private Agreement read(FakeRow row) {
    Agreement a = reader.read(row);
    assertNotNull(a, () -> "skipped: " + warnings.lines());
    return a;
  }

  @Test
  @DisplayName("reads a clean row")
  void readsACleanRow() {
    Agreement a =
        read(
            FakeRow.of(
                2,
                "ALABAMA",
                "Colbert County Sheriff's Office",
                "County",
                "Colbert County",
                "Jail Enforcement Model",
                "2025-05-08",
                "link pending"));
    assertAll(
        () -> assertEquals(2, a.row()),
        () -> assertEquals(UsState.AL, a.state()),
        () -> assertEquals(AgencyType.COUNTY, a.type()),
        () -> assertEquals("Colbert County", a.county()),
        () -> assertEquals(Model.JEM, a.model()),
        () -> assertEquals(LocalDate.of(2025, 5, 8), a.signed()),
        () -> assertTrue(a.moaPending()),
        () -> assertNull(a.moaUrl()),
        () -> assertEquals(List.of(), warnings.lines()));
  }

  @Test
  @DisplayName("normalises ICE's typos: 'Muncipality', '#NA', state codes, 'Jail Enforcment Model'")
  void normalisesTypos() {
    Agreement a =
        read(
            FakeRow.of(
                3,
                "fl",
                " Ft.  Myers Police Department ",
                "Muncipality",
                "#N/A",
                "Jail Enforcment Model",
                "4/15/2025",
                ""));
    Agreement b =
        read(
            FakeRow.of(
                4,
                "DELAWARE**",
                "Delaware Department of Corrections",
                "#NA",
                "N/A",
                "Task Force Officer",
                "10/15/2009",
                ""));
    assertAll(
        () -> assertEquals(UsState.FL, a.state()),
        () -> assertEquals("Ft. Myers Police Department", a.agency()),
        () -> assertEquals(AgencyType.MUNICIPALITY, a.type()),
        () -> assertNull(a.county()),
        () -> assertEquals(Model.JEM, a.model()),
        () -> assertEquals(UsState.DE, b.state()),
        () -> assertNull(b.type()),
        () -> assertEquals(Model.TFM, b.model()),
        () -> assertEquals(List.of(), warnings.lines()));
  }

  @Test
  @DisplayName("skips blank rows silently, even with a value in a foreign column")
  void skipsBlankRows() {
    assertNull(reader.read(FakeRow.of(586, "", " ", "", "", "", "", "", "", "")));
    assertNull(reader.read(FakeRow.of(587, "", "", "", "", "", "", "", "", "valid")));
    assertEquals(List.of(), warnings.lines());
  }

  @Test
  @DisplayName(
      "skips, with a warning naming row and value, a row whose state or model cannot be read")
  void skipsUnreadableRows() {
    assertNull(
        reader.read(
            FakeRow.of(
                7, "XX", "Harris County Sheriff's Office", "County", "", "Task Force Model")));
    assertNull(
        reader.read(
            FakeRow.of(
                8, "TEXAS", "Harris County Sheriff's Office", "County", "", "Community Liaison")));
    assertNull(reader.read(FakeRow.of(9, "", "Harris County Sheriff's Office", "County", "", "")));
    assertNull(reader.read(FakeRow.of(10, "* link pending: the MOA is being published")));
    assertEquals(
        List.of(
            "row 7: unreadable STATE 'XX' for Harris County Sheriff's Office; skipped",
            "row 8: unreadable SUPPORT TYPE 'Community Liaison' for Harris County Sheriff's Office; skipped",
            "row 9: no STATE for Harris County Sheriff's Office; skipped",
            "row 10: no agency name (has '* link pending: the MOA is being published'); skipped"),
        warnings.lines());
  }

  @Test
  @DisplayName("keeps a row whose TYPE or date is unreadable, with a warning")
  void keepsRowsWithMinorProblems() {
    Agreement a =
        read(
            FakeRow.of(
                11,
                "TEXAS",
                "Harris County Sheriff's Office",
                "Constable",
                "Harris County",
                "Task Force Model",
                "TBD"));
    Agreement b =
        read(
            FakeRow.of(
                12,
                "TEXAS",
                "Harris County Sheriff's Office",
                "County",
                "Harris County",
                "Warrant Service Officer",
                ""));
    assertNull(a.type());
    assertNull(a.signed());
    assertNull(b.signed());
    assertEquals(
        List.of(
            "row 11: unknown TYPE 'Constable'; left blank",
            "row 11: SIGNED 'TBD' is not a date; left blank",
            "row 12: no SIGNED date"),
        warnings.lines());
  }

  @Test
  @DisplayName("keeps the latest of several signing dates and says so")
  void keepsTheLatestDate() {
    Agreement a =
        read(
            FakeRow.of(
                13,
                "ALABAMA",
                "Etowah County Sheriff's Office",
                "",
                "",
                "Jail Enforcement",
                "7/8/2008, 6/28/2013"));
    assertEquals(LocalDate.of(2013, 6, 28), a.signed());
    assertEquals(
        List.of("row 13: SIGNED '7/8/2008, 6/28/2013' has 2 dates; kept the latest, 2013-06-28"),
        warnings.lines());
  }

  @Test
  @DisplayName("says so when a SUPPORT TYPE names two models")
  void notesCombinedModels() {
    Agreement a =
        read(
            FakeRow.of(
                14,
                "ARIZONA",
                "Maricopa County Sheriff's Office",
                "",
                "",
                "Jail Enforcement / Task Force",
                "2/7/2007"));
    assertEquals(Model.JEM, a.model());
    assertFalse(warnings.lines().isEmpty());
    assertEquals(
        "row 14: SUPPORT TYPE 'Jail Enforcement / Task Force' names several models;"
            + " read as Jail Enforcement Model",
        warnings.lines().get(0));
  }
}
