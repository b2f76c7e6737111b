package org.watch287g.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.watch287g.changes.Rows.participating;
import static org.watch287g.changes.Rows.withAddendum;
import static org.watch287g.changes.Rows.withCounty;
import static org.watch287g.changes.Rows.withMoa;
import static org.watch287g.changes.Rows.withSigned;
import static org.watch287g.changes.Rows.withType;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.changes.ChangeEvent.Detail;
import org.watch287g.dataset.AgencyType;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Publication;

/** One agreement in two publications: renewed, corrected, or given its links. */
class DetailsChangedTest {
  static final Agreement HARRIS = DifferTest.HARRIS;
  static final String MOA =
      "https://www.ice.gov/doclib/287gMOA/HarrisCoSheriffsOfficeTX_JEM_MOA.pdf";
  static final String MOA2 = "https://www.ice.gov/doclib/287gMOA/HarrisCoTX_JEM_MOA_2026.pdf";

  static ChangeEvent only(Agreement before, Agreement after) {
    List<ChangeEvent> events = DifferTest.diff(participating(before), participating(after));
    assertEquals(1, events.size(), events.toString());
    return events.get(0);
  }

  @Test
  @DisplayName("an MOA posted for the first time is a detail change that alerts")
  void moaPosted() {
    ChangeEvent e = only(HARRIS, withMoa(HARRIS, MOA));

    assertEquals(ChangeEvent.Type.DETAILS_CHANGED, e.type());
    assertEquals(Set.of(Detail.MOA_POSTED), e.details());
    assertEquals(HARRIS, e.previous());
    assertTrue(e.alerts());
  }

  @Test
  @DisplayName("an MOA link changed or removed is stored, not alerted")
  void moaChangedOrRemoved() {
    ChangeEvent changed = only(withMoa(HARRIS, MOA), withMoa(HARRIS, MOA2));
    ChangeEvent removed = only(withMoa(HARRIS, MOA), HARRIS);

    assertEquals(Set.of(Detail.MOA_CHANGED), changed.details());
    assertFalse(changed.alerts());
    assertEquals(Set.of(Detail.MOA_REMOVED), removed.details());
    assertFalse(removed.alerts());
  }

  @Test
  @DisplayName("an addendum posted or changed is stored, not alerted")
  void addendum() {
    ChangeEvent posted = only(HARRIS, withAddendum(HARRIS, MOA2));
    ChangeEvent changed = only(withAddendum(HARRIS, MOA), withAddendum(HARRIS, MOA2));

    assertEquals(Set.of(Detail.ADDENDUM_POSTED), posted.details());
    assertFalse(posted.alerts());
    assertEquals(Set.of(Detail.ADDENDUM_CHANGED), changed.details());
  }

  @Test
  @DisplayName("ICE's TYPE changed is stored, not alerted")
  void typeChanged() {
    ChangeEvent e = only(HARRIS, withType(HARRIS, AgencyType.STATE));

    assertEquals(Set.of(Detail.TYPE_CHANGED), e.details());
    assertFalse(e.alerts());
  }

  @Test
  @DisplayName("several corrections at once are one event with every detail")
  void severalDetails() {
    ChangeEvent e =
        only(HARRIS, withCounty(withSigned(withMoa(HARRIS, MOA), "2025-02-28"), "Harris County"));

    assertEquals(
        Set.of(Detail.MOA_POSTED, Detail.SIGNED_CORRECTED, Detail.COUNTY_CORRECTED), e.details());
    assertTrue(e.alerts());
  }

  @Test
  @DisplayName("a signing date months later is a renewal, and alerts")
  void renewed() {
    Agreement again = withSigned(HARRIS, "2026-03-01");

    List<ChangeEvent> events = DifferTest.diff(participating(HARRIS), participating(again));

    assertEquals(ChangeEvent.Type.RENEWED, events.get(0).type());
    assertEquals(HARRIS, events.get(0).previous());
    assertEquals(again, events.get(0).agreement());
    assertEquals(Set.of(), events.get(0).details());
    assertTrue(events.get(0).alerts());
  }

  @Test
  @DisplayName(
      "a signing date moved earlier, or later by days, is a correction that does not alert")
  void signingDateCorrected() {
    for (String date : List.of("2025-02-27", "2025-03-07", "2025-04-29")) {
      List<ChangeEvent> events =
          DifferTest.diff(participating(HARRIS), participating(withSigned(HARRIS, date)));

      assertEquals(ChangeEvent.Type.DETAILS_CHANGED, events.get(0).type(), date);
      assertEquals(Set.of(Detail.SIGNED_CORRECTED), events.get(0).details(), date);
      assertFalse(events.get(0).alerts(), date);
    }
  }

  @Test
  @DisplayName(
      "a county corrected is stored, not alerted; a county in a column the old file lacked is no change")
  void countyCorrected() {
    Agreement typo = withCounty(HARRIS, "Haris County");
    Agreement fixed = withCounty(HARRIS, "Harris County");
    Publication noCountyColumn =
        new Publication(
            ListKind.PARTICIPATING,
            List.of("STATE", "LAW ENFORCEMENT AGENCY", "SUPPORT TYPE", "SIGNED", "MOA"),
            List.of(HARRIS),
            List.of());

    List<ChangeEvent> corrected = DifferTest.diff(participating(typo), participating(fixed));
    List<ChangeEvent> columnAdded = DifferTest.diff(noCountyColumn, participating(fixed));

    assertEquals(Set.of(Detail.COUNTY_CORRECTED), corrected.get(0).details());
    assertFalse(corrected.get(0).alerts());
    assertEquals(List.of(), columnAdded);
  }
}
