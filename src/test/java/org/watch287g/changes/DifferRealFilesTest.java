package org.watch287g.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.watch287g.changes.Rows.real;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.watch287g.changes.ChangeEvent.Detail;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.AgreementKey;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Publication;

/** The Differ on ICE's own files, bundled in the jar. */
class DifferRealFilesTest {

  static List<ChangeEvent> diff(String from, String to, String fromPending, String toPending) {
    return new Differ()
        .diff(
            Lists.of(real(from + "-participating.xlsx"), real(fromPending + "-pending.xlsx")),
            Lists.of(real(to + "-participating.xlsx"), real(toPending + "-pending.xlsx")));
  }

  static List<String> lines(List<ChangeEvent> events, ChangeEvent.Type type) {
    return events.stream().filter(e -> e.type() == type).map(Rows::line).toList();
  }

  @Test
  @DisplayName(
      "2025-05-16 + 05-15 pending -> 2025-05-19: 9 signed, 1 new, 1 renamed, 1 withdrawn, 9 MOAs")
  void theIssuesAcceptancePair() {
    List<ChangeEvent> events = diff("2025-05-16", "2025-05-19", "2025-05-15", "2025-05-19");

    assertEquals(
        List.of(
            "NEW_AGREEMENT participating NH TFM Hillsborough County Sheriff's Office",
            "PENDING_SIGNED participating FL TFM Ft. Myers Police Department",
            "PENDING_SIGNED participating FL TFM Sarasota Police Department",
            "PENDING_SIGNED participating GA TFM Euharlee Police Department",
            "PENDING_SIGNED participating KY TFM Union County Sheriff's Office",
            "PENDING_SIGNED participating LA TFM Beauregard Parish Sheriff's Office",
            "PENDING_SIGNED participating PA TFM Lower Burrell Fourth Ward Constable"
                + " <- Lower Burrell Fourth Ward Constable's Office",
            "PENDING_SIGNED participating SC TFM Pickens County Sheriff's Office",
            "PENDING_SIGNED participating VA TFM Buckingham County Sheriff's Office",
            "PENDING_SIGNED participating VA TFM Craig County Sheriff's Office",
            "PENDING_WITHDRAWN pending SC WSO Pickens County Sheriff's Office",
            // ICE posted these MOAs between the two files; a first MOA alerts (see the report).
            "DETAILS_CHANGED participating FL TFM Lake Clark Shores Police Department",
            "DETAILS_CHANGED participating FL TFM Melbourne International Airport Police Department",
            "DETAILS_CHANGED participating FL TFM New College of Florida Police Department",
            "DETAILS_CHANGED participating FL TFM New Smyrna Beach Police Department",
            "DETAILS_CHANGED participating FL TFM Oakland Police Department",
            "DETAILS_CHANGED participating FL TFM Ocean Ridge Police Department",
            "DETAILS_CHANGED participating FL TFM Port Orange Police Department",
            "DETAILS_CHANGED participating FL TFM Punta Gorda Police Department",
            "DETAILS_CHANGED participating FL TFM Riviera Beach Police Department",
            "RENAMED participating FL TFM Indiatlantic Police Department"
                + " <- Indialantic Police Department"),
        events.stream().map(Rows::line).toList());
    for (ChangeEvent e : events) {
      boolean detail = e.type() == ChangeEvent.Type.DETAILS_CHANGED;
      assertEquals(detail ? Set.of(Detail.MOA_POSTED) : Set.of(), withoutName(e.details()));
      assertEquals(e.type() != ChangeEvent.Type.RENAMED, e.alerts(), Rows.line(e));
    }
  }

  static Set<Detail> withoutName(Set<Detail> details) {
    Set<Detail> rest = new HashSet<>(details);
    rest.remove(Detail.NAME_CHANGED);
    return rest;
  }

  @Test
  @DisplayName("the acceptance pair's signings carry the pending row, and the withdrawal the WSO")
  void acceptancePairRows() {
    List<ChangeEvent> events = diff("2025-05-16", "2025-05-19", "2025-05-15", "2025-05-19");
    ChangeEvent burrell =
        events.stream()
            .filter(e -> e.agreement().agency().startsWith("Lower Burrell"))
            .findFirst()
            .orElseThrow();
    ChangeEvent withdrawn =
        events.stream()
            .filter(e -> e.type() == ChangeEvent.Type.PENDING_WITHDRAWN)
            .findFirst()
            .orElseThrow();

    assertEquals("Lower Burrell Fourth Ward Constable's Office", burrell.previous().agency());
    assertEquals(ListKind.PENDING, withdrawn.list());
    assertEquals(null, withdrawn.agreement().signed());
  }

  @Test
  @DisplayName("2025-05-19 -> 05-29: each rename is one agency (checked by eye against the files)")
  void renamesMay() {
    assertEquals(
        List.of(
            "RENAMED participating FL TFM Melbourne Police Department"
                + " <- City of Melbourne Police Department",
            "RENAMED participating FL TFM University of West Florida Police Department"
                + " <- University of West Florida Board of Trustees",
            "RENAMED participating MI WSO Berrian County Sheriff's Office"
                + " <- Berrian County Sheriff's Offic",
            "RENAMED participating TN TFM Tennessee Department of Safety and Homeland Security"
                + " <- Tennessee Department of Safety and Homeland Security / THP"),
        lines(
            diff("2025-05-19", "2025-05-29", "2025-05-19", "2025-05-29"),
            ChangeEvent.Type.RENAMED));
  }

  @Test
  @DisplayName("2025-07-18 -> 12-31: typo fixes, aliases and one MOA's signatory corrected")
  void renamesAutumn() {
    List<String> renames =
        lines(
            diff("2025-07-18", "2025-12-31", "2025-07-18", "2025-12-31"), ChangeEvent.Type.RENAMED);

    assertEquals(18, renames.size(), String.join("\n", renames));
    assertTrue(
        renames.contains(
            "RENAMED participating TX WSO Lampasas County Sheriff's Office"
                + " <- Lampass County Sheriff's Office"));
    assertTrue(
        renames.contains(
            "RENAMED participating IN TFM Greens Fork Police Department"
                + " <- Green Forks Police Department"));
    assertTrue(
        renames.contains(
            "RENAMED participating FL TFM Office of Agricultural Law Enforcement"
                + " <- Florida Department of Agriculture"),
        "same MOA, same date");
    assertTrue(
        renames.contains(
            "RENAMED participating WI JEM Waukesha County Sheriff's Department"
                + " <- Waukesha County Sheriff's Office"));
  }

  @Test
  @DisplayName("2026-01-23 -> 05-18: the two renames are typos, and 31 agreements end")
  void renamesLatest() {
    List<ChangeEvent> events = diff("2026-01-23", "2026-05-18", "2026-01-23", "2026-01-23");

    assertEquals(
        List.of(
            "RENAMED participating MO TFM Douglas County Sheriff's Office"
                + " <- Dogulas County Sheriff's Office",
            "RENAMED participating PA TFM Southhampton Twp. Cumberland City, Constables Office"
                + " <- Southampton Twp. Cumberland City, Constables Office"),
        lines(events, ChangeEvent.Type.RENAMED));
    assertEquals(31, lines(events, ChangeEvent.Type.TERMINATED).size());
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("on every real pair: each row added or removed is explained, once, in order")
  @ValueSource(
      strings = {
        "2025-05-16 2025-05-19 2025-05-15 2025-05-19",
        "2025-05-19 2025-05-29 2025-05-19 2025-05-29",
        "2025-05-29 2025-07-18 2025-05-29 2025-07-18",
        "2025-07-18 2025-12-31 2025-07-18 2025-12-31",
        "2025-12-31 2026-01-23 2025-12-31 2026-01-23",
        "2026-01-23 2026-05-18 2026-01-23 2026-01-23"
      })
  void everyRealPair(String pair) {
    String[] p = pair.split(" ", -1);
    List<ChangeEvent> events = diff(p[0], p[1], p[2], p[3]);
    Set<String> current = new HashSet<>();
    Set<String> earlier = new HashSet<>();
    for (ChangeEvent e : events) {
      Agreement previous = e.previous();
      String was = previous == null ? "-" : previous.key().toString();
      assertTrue(
          current.add(e.type() + " " + e.list() + " " + e.agreement().key() + " " + was),
          "twice: " + Rows.line(e));
      if (previous != null) {
        assertTrue(earlier.add(e.list() + " " + was), "previous row used twice: " + Rows.line(e));
        assertEquals(e.agreement().state(), previous.state(), Rows.line(e));
        assertEquals(
            e.type() != ChangeEvent.Type.MODEL_CHANGED,
            e.agreement().model() == previous.model(),
            Rows.line(e));
      }
    }
    List<ChangeEvent> sorted = new ArrayList<>(events);
    sorted.sort(ChangeEvent.ORDER);
    assertEquals(sorted, events, "in ChangeEvent.ORDER");
    assertExplained(real(p[0] + "-participating.xlsx"), real(p[1] + "-participating.xlsx"), events);
  }

  /** Every agreement added is some event's row, every one removed some event's row or previous. */
  static void assertExplained(Publication before, Publication after, List<ChangeEvent> events) {
    Set<AgreementKey> mentioned = new HashSet<>();
    for (ChangeEvent e : events) {
      if (e.list() == ListKind.PARTICIPATING) {
        mentioned.add(e.agreement().key());
        if (e.previous() != null) {
          mentioned.add(e.previous().key());
        }
      }
    }
    Set<AgreementKey> was = keys(before);
    Set<AgreementKey> now = keys(after);
    for (AgreementKey k : now) {
      assertTrue(was.contains(k) || mentioned.contains(k), "unexplained addition " + k);
    }
    for (AgreementKey k : was) {
      assertTrue(now.contains(k) || mentioned.contains(k), "unexplained removal " + k);
    }
  }

  static Set<AgreementKey> keys(Publication publication) {
    Set<AgreementKey> keys = new HashSet<>();
    publication.agreements().forEach(a -> keys.add(a.key()));
    return keys;
  }

  @Test
  @DisplayName("a publication diffed against itself gives nothing")
  void selfDiff() {
    List<ChangeEvent> events = diff("2026-01-23", "2026-01-23", "2026-01-23", "2026-01-23");

    assertEquals(List.of(), events);
  }

  @Test
  @DisplayName("identity is state + folded name + model: the same agency's three models are three")
  void identity() {
    Set<AgreementKey> keys = new HashSet<>();
    for (Agreement a : real("2026-05-18-participating.xlsx").agreements()) {
      keys.add(a.key());
    }

    assertEquals(1843, keys.size());
  }
}
