package org.watch287g.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.watch287g.changes.DifferRealFilesTest.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.changes.ChangeEvent.Detail;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.Publication;
import org.watch287g.watch.BundledSnapshots;

/** Issue 13 on ICE's own files: a model switch or a rename is one event, never an ending. */
class SwitchesRealFilesTest {

  /** One step of the bundled history: both lists before and after one date's files. */
  record Step(String date, Lists before, Lists after) {}

  /**
   * The 15 bundled publications replayed in date order, as {@code demo} does: each date's files
   * replace the lists they are, and each date after the first is diffed against the lists before.
   */
  static List<Step> history() {
    Map<String, List<String>> byDate = new TreeMap<>();
    for (String name : BundledSnapshots.ALL) {
      byDate.computeIfAbsent(name.substring(0, 10), d -> new ArrayList<>()).add(name);
    }
    List<Step> steps = new ArrayList<>();
    Publication p = null;
    Publication q = null;
    for (Map.Entry<String, List<String>> date : byDate.entrySet()) {
      Publication p1 = p;
      Publication q1 = q;
      for (String name : date.getValue()) {
        Publication publication = Rows.real(name);
        if (publication.kind() == ListKind.PARTICIPATING) {
          p1 = publication;
        } else {
          q1 = publication;
        }
      }
      if (p != null || q != null) {
        steps.add(new Step(date.getKey(), new Lists(p, q), new Lists(p1, q1)));
      }
      p = p1;
      q = q1;
    }
    return steps;
  }

  static ChangeEvent only(
      List<ChangeEvent> events, String state, String agencyStart, ChangeEvent.Type type) {
    List<ChangeEvent> found =
        events.stream()
            .filter(e -> e.agreement().state().code().equals(state))
            .filter(e -> e.agreement().agency().startsWith(agencyStart))
            .filter(e -> e.type() != ChangeEvent.Type.DETAILS_CHANGED)
            .toList();
    assertEquals(1, found.size(), found.stream().map(Rows::line).toList().toString());
    assertEquals(type, found.get(0).type(), Rows.line(found.get(0)));
    return found.get(0);
  }

  static void assertNoEnding(List<ChangeEvent> events, String state, String agencyStart) {
    for (ChangeEvent e : events) {
      boolean ending =
          e.type() == ChangeEvent.Type.TERMINATED || e.type() == ChangeEvent.Type.PENDING_WITHDRAWN;
      assertTrue(
          !ending
              || !e.agreement().state().code().equals(state)
              || !e.agreement().agency().startsWith(agencyStart),
          Rows.line(e));
    }
  }

  @Test
  @DisplayName("Sanpete County Sheriff's Office, UT, switched from JEM to WSO: one MODEL_CHANGED")
  void sanpete() {
    List<ChangeEvent> events = diff("2025-07-18", "2025-12-31", "2025-07-18", "2025-12-31");

    ChangeEvent e = only(events, "UT", "Sanpete County", ChangeEvent.Type.MODEL_CHANGED);
    assertEquals(Model.WSO, e.agreement().model());
    assertEquals(Model.JEM, e.previous().model());
    assertEquals(Set.of(), e.details());
    assertTrue(e.alerts());
  }

  @Test
  @DisplayName("McMullen County Sheriff's Office, TX, switched from WSO to TFM: one MODEL_CHANGED")
  void mcMullen() {
    List<ChangeEvent> events = diff("2026-01-23", "2026-05-18", "2026-01-23", "2026-01-23");

    ChangeEvent e = only(events, "TX", "McMullen County", ChangeEvent.Type.MODEL_CHANGED);
    assertEquals(Model.TFM, e.agreement().model());
    assertEquals(Model.WSO, e.previous().model());
  }

  @Test
  @DisplayName("Hartley County, TX, requested WSO and signed TFM: MODEL_CHANGED from the request")
  void hartley() {
    List<ChangeEvent> events = diff("2025-07-18", "2025-12-31", "2025-07-18", "2025-12-31");

    ChangeEvent e = only(events, "TX", "Hartley County", ChangeEvent.Type.MODEL_CHANGED);
    assertEquals(ListKind.PARTICIPATING, e.list());
    assertEquals(Model.TFM, e.agreement().model());
    assertEquals(Model.WSO, e.previous().model());
    assertNull(e.previous().signed(), "the previous row is the pending request");
  }

  @Test
  @DisplayName(
      "ICE's 'St. Charles Place' request signed as St. Charles Parish (WSO, not the TFM"
          + " requested) is one MODEL_CHANGED, no withdrawal")
  void stCharles() {
    List<ChangeEvent> events = diff("2025-07-18", "2025-12-31", "2025-07-18", "2025-12-31");

    ChangeEvent e = only(events, "LA", "St. Charles", ChangeEvent.Type.MODEL_CHANGED);
    assertEquals("St. Charles Parish Sheriff's Office", e.agreement().agency());
    assertEquals("St. Charles Place Sheriff's Office", e.previous().agency());
    assertEquals(Set.of(Detail.NAME_CHANGED), e.details());
  }

  @Test
  @DisplayName(
      "Florida DFS gained ', Criminal Investigation Division' and UCF's board became its"
          + " police: two RENAMED")
  void floridaRenames() {
    List<ChangeEvent> events = diff("2025-07-18", "2025-12-31", "2025-07-18", "2025-12-31");

    ChangeEvent dfs =
        only(events, "FL", "Florida Department of Financial", ChangeEvent.Type.RENAMED);
    ChangeEvent ucf = only(events, "FL", "University of Central Florida", ChangeEvent.Type.RENAMED);
    assertEquals("Florida Department of Financial Services", dfs.previous().agency());
    assertEquals("University of Central Florida Board of Trustees", ucf.previous().agency());
    assertEquals("University of Central Florida Police Department", ucf.agreement().agency());
  }

  @Test
  @DisplayName("Louisiana State Patrol dropped beside Louisiana State Police Department is RENAMED")
  void louisianaStatePatrol() {
    List<ChangeEvent> events = diff("2025-05-29", "2025-07-18", "2025-05-29", "2025-07-18");

    ChangeEvent e = only(events, "LA", "Louisiana State P", ChangeEvent.Type.RENAMED);
    assertEquals("Louisiana State Patrol", e.previous().agency());
    assertNoEnding(events, "LA", "Louisiana State");
  }

  @Test
  @DisplayName("Lee County and Lake County sheriffs of Florida stay two agencies under any models")
  void leeAndLake() {
    Publication latest = Rows.real("2026-05-18-participating.xlsx");
    List<Agreement> lee = sheriff(latest, "Lee County Sheriff's Office");
    List<Agreement> lake = sheriff(latest, "Lake County Sheriff's Office");
    NearIdentity identity = NearIdentity.over(List.of(latest));

    assertTrue(!lee.isEmpty() && !lake.isEmpty());
    for (Agreement a : lee) {
      for (Agreement b : lake) {
        assertEquals(java.util.Optional.empty(), identity.match(a, b));
        assertEquals(java.util.Optional.empty(), identity.sameAgency(a, b));
        assertEquals(List.of(), Pairing.switches(List.of(a), List.of(b), identity), a + " " + b);
      }
    }
  }

  private static List<Agreement> sheriff(Publication publication, String agency) {
    return publication.agreements().stream()
        .filter(a -> a.state().code().equals("FL") && a.agency().strip().equals(agency))
        .toList();
  }

  @Test
  @DisplayName(
      "across the whole bundled history, no ending is of an agency that reappears in the same"
          + " diff")
  void noEndingThatReappears() {
    for (Step step : history()) {
      List<ChangeEvent> events = new Differ().diff(step.before(), step.after());
      Map<String, List<ChangeEvent>> arrivals = new LinkedHashMap<>();
      for (ChangeEvent e : events) {
        if (ARRIVALS.contains(e.type())) {
          arrivals.computeIfAbsent(agency(e.agreement()), k -> new ArrayList<>()).add(e);
        }
      }
      for (ChangeEvent e : events) {
        if (e.type() == ChangeEvent.Type.TERMINATED
            || e.type() == ChangeEvent.Type.PENDING_WITHDRAWN) {
          for (ChangeEvent again : arrivals.getOrDefault(agency(e.agreement()), List.of())) {
            // Its other agreements renamed, or its other request signed as requested (Pickens
            // County, SC, requested TFM and WSO and signed TFM), say nothing of this one.
            boolean another =
                (again.type() == ChangeEvent.Type.RENAMED
                        || again.type() == ChangeEvent.Type.PENDING_SIGNED)
                    && again.agreement().model() != e.agreement().model();
            assertTrue(another, step.date() + ": " + Rows.line(e) + " but " + Rows.line(again));
          }
        }
      }
    }
  }

  /**
   * The events by which an agency arrives on a list under a name or model: the agreements it still
   * has under other models, even renamed, are no sign that an ending did not happen.
   */
  private static final Set<ChangeEvent.Type> ARRIVALS =
      Set.of(
          ChangeEvent.Type.NEW_AGREEMENT,
          ChangeEvent.Type.NEW_PENDING,
          ChangeEvent.Type.PENDING_SIGNED,
          ChangeEvent.Type.MODEL_CHANGED,
          ChangeEvent.Type.RENAMED);

  /** The agency a row is of, whatever its model: state and distinctive words. */
  private static String agency(Agreement a) {
    return a.state().code() + " " + NameForm.of(a.state(), a.agency()).words();
  }
}
