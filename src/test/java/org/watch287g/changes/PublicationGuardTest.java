package org.watch287g.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.watch287g.changes.Rows.real;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.Snapshot;

/** Which publications are quarantined, on ICE's real files and broken copies of them. */
class PublicationGuardTest {
  final PublicationGuard guard = new PublicationGuard();

  static Publication headerOnly(ListKind kind) {
    return new Publication(
        kind,
        kind == ListKind.PARTICIPATING ? Rows.PARTICIPATING_COLUMNS : Rows.PENDING_COLUMNS,
        List.of(),
        List.of());
  }

  static Publication withColumns(List<String> columns) {
    return new Publication(
        ListKind.PARTICIPATING,
        columns,
        List.of(Rows.signed("TX", "Harris County Sheriff's Office", Model.JEM, "2025-03-01")),
        List.of());
  }

  @Test
  @DisplayName("consecutive real lists are good, including a pending list that drops most rows")
  void realListsAreGood() {
    Verdict participating =
        guard.check(
            real("2026-05-18-participating.xlsx"),
            ListKind.PARTICIPATING,
            real("2026-01-23-participating.xlsx"));
    Verdict pending =
        guard.check(
            real("2025-07-18-pending.xlsx"), ListKind.PENDING, real("2025-05-29-pending.xlsx"));

    assertEquals(Verdict.good(), participating);
    assertEquals(Verdict.good(), pending);
    assertEquals(Snapshot.Status.GOOD, pending.status());
  }

  @Test
  @DisplayName("the pending list served at the participating link is quarantined as a swap")
  void swap() {
    Verdict v =
        guard.check(
            real("2025-05-29-pending.xlsx"),
            ListKind.PARTICIPATING,
            real("2025-05-29-participating.xlsx"));

    assertTrue(v.quarantined());
    assertEquals(
        List.of(
            "has the pending list's shape (no SIGNED column) where the participating list was"
                + " expected: ICE may have swapped the two files"),
        v.reasons());
    assertEquals(Snapshot.Status.QUARANTINED, v.status());
  }

  @Test
  @DisplayName("the participating list served at the pending link is a swap too")
  void swapTheOtherWay() {
    Verdict v =
        guard.check(
            real("2025-05-29-participating.xlsx"),
            ListKind.PENDING,
            real("2025-05-29-pending.xlsx"));

    assertEquals(
        List.of(
            "has the participating list's shape (a SIGNED column) where the pending list was"
                + " expected: ICE may have swapped the two files"),
        v.reasons());
  }

  @Test
  @DisplayName("an empty participating list is quarantined; a header-only pending list is good")
  void empty() {
    Verdict participating =
        guard.check(
            headerOnly(ListKind.PARTICIPATING),
            ListKind.PARTICIPATING,
            real("2026-05-18-participating.xlsx"));
    Verdict pending =
        guard.check(
            headerOnly(ListKind.PENDING), ListKind.PENDING, real("2026-01-23-pending.xlsx"));

    assertEquals(
        List.of("lists no agreements; the participating list is never empty"),
        participating.reasons());
    assertTrue(pending.ok());
  }

  @Test
  @DisplayName("a participating list that would remove more than 20% is quarantined, with numbers")
  void tooManyRemovals() {
    Verdict v =
        guard.check(
            real("2025-03-06-participating.xlsx"),
            ListKind.PARTICIPATING,
            real("2026-05-18-participating.xlsx"));

    assertTrue(v.quarantined());
    assertEquals(1, v.reasons().size());
    assertTrue(
        v.reasons()
            .get(0)
            .matches(
                "would remove 1,[0-9]{3} of 1,843 agreements \\(\\d+\\.\\d%\\),"
                    + " more than the 20% allowed"),
        v.reasons().get(0));
  }

  @Test
  @DisplayName("a file cut short is quarantined by the removal limit; a looser limit lets it pass")
  void truncated() {
    Publication full = real("2026-05-18-participating.xlsx");
    Publication cut =
        new Publication(
            full.kind(), full.columns(), full.agreements().subList(0, 1400), full.warnings());

    Verdict v = guard.check(cut, ListKind.PARTICIPATING, full);
    Verdict loose = new PublicationGuard(0.25).check(cut, ListKind.PARTICIPATING, full);

    assertEquals(
        List.of("would remove 443 of 1,843 agreements (24.0%), more than the 20% allowed"),
        v.reasons());
    assertTrue(loose.ok());
  }

  @Test
  @DisplayName("a list lacking required columns is quarantined, naming them")
  void missingColumns() {
    Verdict noSupportType =
        guard.check(
            withColumns(List.of("STATE", "LAW ENFORCEMENT AGENCY", "SIGNED", "MOA")),
            ListKind.PARTICIPATING,
            null);
    Verdict noStateNorModel =
        guard.check(
            withColumns(List.of("LAW ENFORCEMENT AGENCY", "SIGNED")), ListKind.PARTICIPATING, null);

    assertEquals(List.of("lacks the SUPPORT TYPE column"), noSupportType.reasons());
    assertEquals(List.of("lacks the STATE, SUPPORT TYPE columns"), noStateNorModel.reasons());
  }

  @Test
  @DisplayName("the 2011-2017 headers (AGENCY, DATES SIGNED) and stray spaces count as ICE's")
  void olderHeaders() {
    Verdict v =
        guard.check(
            withColumns(List.of("STATE ", "AGENCY", " Support  Type", "DATES SIGNED", "MOA")),
            ListKind.PARTICIPATING,
            null);

    assertTrue(v.ok(), v.reason());
  }

  @Test
  @DisplayName("a header the reader accepts, hidden characters and all, is never reported missing")
  void headersAreReadTheWayTheReaderReadsThem() {
    Verdict v =
        guard.check(
            withColumns(
                List.of(
                    "\uFEFFSTATE", "LAW\u200B ENFORCEMENT AGENCY", "SUPPORT\u00A0TYPE", "SIGNED")),
            ListKind.PARTICIPATING,
            null);

    assertTrue(v.ok(), v.reason());
  }

  @Test
  @DisplayName("the first publication gets only the shape, column and empty checks")
  void firstPublication() {
    Publication tiny = withColumns(Rows.PARTICIPATING_COLUMNS);

    assertTrue(guard.check(tiny, ListKind.PARTICIPATING, null).ok());
    assertTrue(
        guard
            .check(headerOnly(ListKind.PARTICIPATING), ListKind.PARTICIPATING, null)
            .quarantined());
    assertTrue(
        guard.check(real("2025-05-29-pending.xlsx"), ListKind.PARTICIPATING, null).quarantined());
  }

  @Test
  @DisplayName("a verdict's reasons read as one line for the snapshot")
  void verdictReason() {
    Verdict v = Verdict.quarantined(List.of("lacks the STATE column", "lists no agreements"));

    assertEquals("lacks the STATE column; lists no agreements", v.reason());
    assertFalse(v.ok());
    assertEquals("", Verdict.good().reason());
    assertThrows(IllegalArgumentException.class, () -> Verdict.quarantined(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Verdict(true, List.of("why")));
  }

  @Test
  @DisplayName("a share outside 0..1, or a previous list of the other kind, is a caller's error")
  void callerErrors() {
    assertThrows(IllegalArgumentException.class, () -> new PublicationGuard(1.5));
    assertThrows(IllegalArgumentException.class, () -> new PublicationGuard(Double.NaN));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            guard.check(
                real("2026-01-23-pending.xlsx"),
                ListKind.PENDING,
                real("2026-01-23-participating.xlsx")));
  }
}
