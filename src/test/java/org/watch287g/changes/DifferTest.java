package org.watch287g.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.watch287g.changes.Rows.participating;
import static org.watch287g.changes.Rows.pending;
import static org.watch287g.changes.Rows.request;
import static org.watch287g.changes.Rows.signed;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.changes.ChangeEvent.Detail;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.Publication;

/** Each rule of the Differ on hand-made rows. */
class DifferTest {
  static final Agreement HARRIS =
      signed("TX", "Harris County Sheriff's Office", Model.JEM, "2025-03-01");
  static final Agreement COLBERT =
      signed("AL", "Colbert County Sheriff's Office", Model.TFM, "2025-05-08");

  static List<ChangeEvent> diff(Publication before, Publication after) {
    return new Differ().diff(Lists.only(before), Lists.only(after));
  }

  static List<ChangeEvent> diff(Lists before, Lists after) {
    return new Differ().diff(before, after);
  }

  static List<String> lines(List<ChangeEvent> events) {
    return events.stream().map(Rows::line).toList();
  }

  @Test
  @DisplayName("the same lists give no events")
  void nothingChanged() {
    Lists lists =
        Lists.of(
            participating(HARRIS, COLBERT),
            pending(request("GA", "Cobb County Sheriff's Office", Model.TFM)));

    assertEquals(List.of(), diff(lists, lists));
  }

  @Test
  @DisplayName("a new row on the participating list is a new agreement, and alerts")
  void newAgreement() {
    List<ChangeEvent> events = diff(participating(HARRIS), participating(HARRIS, COLBERT));

    assertEquals(1, events.size());
    ChangeEvent e = events.get(0);
    assertEquals(ChangeEvent.Type.NEW_AGREEMENT, e.type());
    assertEquals(ListKind.PARTICIPATING, e.list());
    assertEquals(COLBERT, e.agreement());
    assertEquals(null, e.previous());
    assertTrue(e.alerts());
  }

  @Test
  @DisplayName("a row gone from the participating list is a termination, reported as last seen")
  void terminated() {
    List<ChangeEvent> events = diff(participating(HARRIS, COLBERT), participating(HARRIS));

    assertEquals(
        List.of("TERMINATED participating AL TFM Colbert County Sheriff's Office"), lines(events));
    assertEquals(COLBERT, events.get(0).agreement());
    assertTrue(events.get(0).alerts());
  }

  @Test
  @DisplayName("a request that appears is new pending; one that vanishes unsigned is withdrawn")
  void newAndWithdrawnRequests() {
    Agreement cobb = request("GA", "Cobb County Sheriff's Office", Model.TFM);
    Agreement hall = request("GA", "Hall County Sheriff's Office", Model.WSO);
    Publication signedList = participating(HARRIS);

    List<ChangeEvent> events =
        diff(Lists.of(signedList, pending(cobb)), Lists.of(signedList, pending(hall)));

    assertEquals(
        List.of(
            "NEW_PENDING pending GA WSO Hall County Sheriff's Office",
            "PENDING_WITHDRAWN pending GA TFM Cobb County Sheriff's Office"),
        lines(events));
    assertTrue(events.stream().allMatch(ChangeEvent::alerts));
  }

  @Test
  @DisplayName(
      "a request that turns up signed is one PENDING_SIGNED, not a new agreement plus a withdrawal")
  void requestSigned() {
    Agreement cobbRequest = request("GA", "Cobb County Sheriff's Office", Model.TFM);
    Agreement cobbSigned = signed("GA", "Cobb County Sheriff's Office", Model.TFM, "2025-05-16");

    List<ChangeEvent> events =
        diff(
            Lists.of(participating(HARRIS), pending(cobbRequest)),
            Lists.of(participating(HARRIS, cobbSigned), pending()));

    assertEquals(
        List.of("PENDING_SIGNED participating GA TFM Cobb County Sheriff's Office"), lines(events));
    assertEquals(cobbRequest, events.get(0).previous());
    assertEquals(cobbSigned, events.get(0).agreement());
    assertEquals(Set.of(), events.get(0).details());
    assertTrue(events.get(0).alerts());
  }

  @Test
  @DisplayName("a request signed under a shorter name is still that request signed")
  void requestSignedUnderAnotherName() {
    Agreement asked = request("PA", "Lower Burrell Fourth Ward Constable's Office", Model.TFM);
    Agreement got = signed("PA", "Lower Burrell Fourth Ward Constable", Model.TFM, "2025-05-16");

    List<ChangeEvent> events =
        diff(
            Lists.of(participating(HARRIS), pending(asked)),
            Lists.of(participating(HARRIS, got), pending()));

    assertEquals(
        List.of(
            "PENDING_SIGNED participating PA TFM Lower Burrell Fourth Ward Constable"
                + " <- Lower Burrell Fourth Ward Constable's Office"),
        lines(events));
    assertEquals(Set.of(Detail.NAME_CHANGED), events.get(0).details());
  }

  @Test
  @DisplayName("signed before ICE tidies the pending list: signed now, and no withdrawal later")
  void signedWhileStillPending() {
    Agreement cobbRequest = request("GA", "Cobb County Sheriff's Office", Model.TFM);
    Agreement cobbSigned = signed("GA", "Cobb County Sheriff's Office", Model.TFM, "2025-05-16");
    Publication stillPending = pending(cobbRequest);
    Publication signedNow = participating(HARRIS, cobbSigned);

    List<ChangeEvent> first =
        diff(Lists.of(participating(HARRIS), stillPending), Lists.of(signedNow, stillPending));
    List<ChangeEvent> second =
        diff(Lists.of(signedNow, stillPending), Lists.of(signedNow, pending()));

    assertEquals(
        List.of("PENDING_SIGNED participating GA TFM Cobb County Sheriff's Office"), lines(first));
    assertEquals(List.of(), second, "the request leaving later is no withdrawal");
  }

  @Test
  @DisplayName("a request signed under another model is one MODEL_CHANGED, not an ending")
  void anotherModelIsASwitch() {
    Agreement wso = request("SC", "Pickens County Sheriff's Office", Model.WSO);
    Agreement tfm = signed("SC", "Pickens County Sheriff's Office", Model.TFM, "2025-05-16");

    List<ChangeEvent> events =
        diff(
            Lists.of(participating(HARRIS), pending(wso)),
            Lists.of(participating(HARRIS, tfm), pending()));

    assertEquals(
        List.of("MODEL_CHANGED participating SC TFM Pickens County Sheriff's Office"),
        lines(events));
    assertEquals(wso, events.get(0).previous());
  }

  @Test
  @DisplayName("without the pending list before, no signing can be seen and no request is diffed")
  void noPendingListBefore() {
    Agreement cobbSigned = signed("GA", "Cobb County Sheriff's Office", Model.TFM, "2025-05-16");

    List<ChangeEvent> events =
        diff(
            new Lists(participating(HARRIS), null),
            Lists.of(
                participating(HARRIS, cobbSigned),
                pending(request("GA", "Hall County Sheriff's Office", Model.TFM))));

    assertEquals(
        List.of("NEW_AGREEMENT participating GA TFM Cobb County Sheriff's Office"), lines(events));
  }

  @Test
  @DisplayName(
      "a typo fixed in a long name, signed the same day, is one RENAMED that does not alert")
  void renamedTypo() {
    Agreement typo = signed("FL", "Indialantic Police Department", Model.TFM, "2025-05-13");
    Agreement fixed = signed("FL", "Indiatlantic Police Department", Model.TFM, "2025-05-13");

    List<ChangeEvent> events = diff(participating(HARRIS, typo), participating(HARRIS, fixed));

    assertEquals(
        List.of(
            "RENAMED participating FL TFM Indiatlantic Police Department <- Indialantic Police Department"),
        lines(events));
    assertFalse(events.get(0).alerts());
  }

  @Test
  @DisplayName("a rename that comes with a first MOA alerts, for the MOA")
  void renamedWithMoaPosted() {
    Agreement before = signed("FL", "Ft. Myers Police Department", Model.TFM, "2025-05-16");
    Agreement after =
        Rows.withMoa(
            signed("FL", "Fort Myers Police Department", Model.TFM, "2025-05-16"),
            "https://www.ice.gov/doclib/287gMOA/FortMyersPDFL_TFM_MOA.pdf");

    List<ChangeEvent> events = diff(participating(before), participating(after));

    assertEquals(ChangeEvent.Type.RENAMED, events.get(0).type());
    assertEquals(Set.of(Detail.MOA_POSTED), events.get(0).details());
    assertTrue(events.get(0).alerts());
  }

  @Test
  @DisplayName("Lee County and Lake County are two sheriffs: a termination and a new agreement")
  void leeIsNotLake() {
    Agreement lee = signed("FL", "Lee County Sheriff's Office", Model.WSO, "2025-02-26");
    Agreement lake = signed("FL", "Lake County Sheriff's Office", Model.WSO, "2025-02-26");

    List<ChangeEvent> events = diff(participating(HARRIS, lee), participating(HARRIS, lake));

    assertEquals(
        List.of(
            "NEW_AGREEMENT participating FL WSO Lake County Sheriff's Office",
            "TERMINATED participating FL WSO Lee County Sheriff's Office"),
        lines(events));
  }

  @Test
  @DisplayName("one name in two states is two agencies")
  void sameNameOtherState() {
    Agreement fl = signed("FL", "Marion County Sheriff's Office", Model.TFM, "2025-02-26");
    Agreement al = signed("AL", "Marion County Sheriff's Office", Model.TFM, "2025-02-26");

    List<ChangeEvent> events = diff(participating(fl), participating(al));

    assertEquals(
        List.of(
            "NEW_AGREEMENT participating AL TFM Marion County Sheriff's Office",
            "TERMINATED participating FL TFM Marion County Sheriff's Office"),
        lines(events));
  }

  @Test
  @DisplayName(
      "a new name with a signing date a renewal apart is a termination and a new agreement")
  void renameWithAnotherSigningIsNotPaired() {
    Agreement old = signed("FL", "City of Melbourne Police Department", Model.TFM, "2025-04-14");
    Agreement renamed = signed("FL", "Melbourne Police Department", Model.TFM, "2026-04-14");

    List<ChangeEvent> events = diff(participating(old), participating(renamed));

    assertEquals(
        List.of(
            "NEW_AGREEMENT participating FL TFM Melbourne Police Department",
            "TERMINATED participating FL TFM City of Melbourne Police Department"),
        lines(events));
  }

  @Test
  @DisplayName("a duplicate listing dropped is a rename to the row that stays, not a termination")
  void duplicateDropped() {
    Agreement twin = signed("FL", "City of St. Cloud Police Department", Model.TFM, "2025-04-15");
    Agreement stays = signed("FL", "St. Cloud Police Department", Model.TFM, "2025-04-14");

    List<ChangeEvent> events = diff(participating(twin, stays), participating(stays));

    assertEquals(
        List.of(
            "RENAMED participating FL TFM St. Cloud Police Department <- City of St. Cloud Police Department"),
        lines(events));
    assertEquals(Set.of(), events.get(0).details());
  }

  @Test
  @DisplayName("a removal with two equally good partners is paired with neither")
  void ambiguousRenameIsNotGuessed() {
    Agreement bare = signed("NY", "Mohawk Police Department", Model.TFM, "2025-06-01");
    Agreement village =
        signed("NY", "Village of Mohawk Police Department", Model.TFM, "2025-06-01");
    Agreement town = signed("NY", "Town of Mohawk Police Department", Model.TFM, "2025-06-01");

    List<ChangeEvent> events = diff(participating(bare), participating(village, town));

    assertEquals(
        List.of(
            "NEW_AGREEMENT participating NY TFM Town of Mohawk Police Department",
            "NEW_AGREEMENT participating NY TFM Village of Mohawk Police Department",
            "TERMINATED participating NY TFM Mohawk Police Department"),
        lines(events));
  }

  @Test
  @DisplayName("events come by type, then state, then agency, whatever the file order")
  void deterministicOrder() {
    Agreement b = signed("TX", "Bexar County Sheriff's Office", Model.TFM, "2025-05-01");
    Agreement a = signed("TX", "Andrews County Sheriff's Office", Model.TFM, "2025-05-01");
    Agreement c = signed("AL", "Colbert County Sheriff's Office", Model.WSO, "2025-05-01");

    List<ChangeEvent> events = diff(participating(HARRIS), participating(b, c, a));

    assertEquals(
        List.of(
            "NEW_AGREEMENT participating AL WSO Colbert County Sheriff's Office",
            "NEW_AGREEMENT participating TX TFM Andrews County Sheriff's Office",
            "NEW_AGREEMENT participating TX TFM Bexar County Sheriff's Office",
            "TERMINATED participating TX JEM Harris County Sheriff's Office"),
        lines(events));
  }

  @Test
  @DisplayName(
      "the pending list alone: a request that leaves is withdrawn, for nothing shows a signing")
  void pendingListAlone() {
    Agreement cobb = request("GA", "Cobb County Sheriff's Office", Model.TFM);

    List<ChangeEvent> events = diff(pending(cobb), pending());

    assertEquals(
        List.of("PENDING_WITHDRAWN pending GA TFM Cobb County Sheriff's Office"), lines(events));
  }
}
