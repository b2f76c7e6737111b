package org.watch287g.alerts;

import java.time.LocalDate;
import java.util.Set;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.Coverage;
import org.watch287g.geo.Gazetteer;
import org.watch287g.testing.RealAgreements;

/** Real events from ICE's files, the composer and a small toolkit, shared by the alert tests. */
final class AlertFixtures {
  static final String MAY15_PENDING = "2025-05-15-pending.xlsx";
  static final String MAY16 = "2025-05-16-participating.xlsx";
  static final String MAY19 = "2025-05-19-participating.xlsx";
  static final String JUL18 = "2025-07-18-participating.xlsx";
  static final String JAN23_PENDING = "2026-01-23-pending.xlsx";
  static final String JAN23 = "2026-01-23-participating.xlsx";
  static final String JUL18_PENDING = "2025-07-18-pending.xlsx";
  static final String DEC31 = "2025-12-31-participating.xlsx";

  static final String ORGANIZERS = ToolkitTest.ORGANIZERS;
  static final String MAP = ToolkitTest.MAP;
  static final String PATROL = ToolkitTest.PATROL;
  static final Toolkit TOOLKIT = ToolkitTest.TOOLKIT;

  static final AgencyResolver RESOLVER = AgencyResolver.bundled();
  static final AlertComposer COMPOSER = new AlertComposer(Gazetteer.bundled(), TOOLKIT);

  private AlertFixtures() {}

  /** Hillsborough County Sheriff's Office, NH: new on 2025-05-19, MOA link pending. */
  static ChangeEvent hillsboroughNh() {
    Agreement a =
        RealAgreements.find(MAY19, UsState.NH, "Hillsborough County Sheriff's Office", Model.TFM);
    return new ChangeEvent(
        ChangeEvent.Type.NEW_AGREEMENT, ListKind.PARTICIPATING, a, null, Set.of());
  }

  /** Colbert County Sheriff's Office, AL, WSO: signed 2025-05-08, MOA posted by 2025-07-18. */
  static ChangeEvent colbertMoaPosted() {
    Agreement before =
        RealAgreements.find(MAY19, UsState.AL, "Colbert County Sheriff's Office", Model.WSO);
    Agreement after =
        RealAgreements.find(JUL18, UsState.AL, "Colbert County Sheriff's Office", Model.WSO);
    return new ChangeEvent(
        ChangeEvent.Type.DETAILS_CHANGED,
        ListKind.PARTICIPATING,
        after,
        before,
        Set.of(ChangeEvent.Detail.MOA_POSTED));
  }

  /**
   * Blount County Sheriff's Office, AL: a request on 2026-01-23, where ICE wrote "link pending".
   */
  static ChangeEvent blountRequest() {
    Agreement a =
        RealAgreements.find(JAN23_PENDING, UsState.AL, "Blount County Sheriff's Office", Model.TFM);
    return new ChangeEvent(ChangeEvent.Type.NEW_PENDING, ListKind.PENDING, a, null, Set.of());
  }

  /** Pickens County Sheriff's Office, SC, WSO: a request gone from the 2025-05-19 pending list. */
  static ChangeEvent pickensWithdrawn() {
    Agreement a =
        RealAgreements.find(
            MAY15_PENDING, UsState.SC, "Pickens County Sheriff's Office", Model.WSO);
    return new ChangeEvent(ChangeEvent.Type.PENDING_WITHDRAWN, ListKind.PENDING, a, null, Set.of());
  }

  /** Lower Burrell, PA: requested as "...Constable's Office", signed as "...Constable". */
  static ChangeEvent lowerBurrellSigned() {
    Agreement pending =
        RealAgreements.find(
            MAY15_PENDING, UsState.PA, "Lower Burrell Fourth Ward Constable's Office", Model.TFM);
    Agreement signed =
        RealAgreements.find(MAY19, UsState.PA, "Lower Burrell Fourth Ward Constable", Model.TFM);
    return new ChangeEvent(
        ChangeEvent.Type.PENDING_SIGNED,
        ListKind.PARTICIPATING,
        signed,
        pending,
        Set.of(ChangeEvent.Detail.NAME_CHANGED));
  }

  /** Indialantic Police Department, FL, listed as "Indiatlantic" from 2025-05-19. */
  static ChangeEvent indiatlanticRenamed() {
    Agreement before =
        RealAgreements.find(MAY16, UsState.FL, "Indialantic Police Department", Model.TFM);
    Agreement after =
        RealAgreements.find(MAY19, UsState.FL, "Indiatlantic Police Department", Model.TFM);
    return new ChangeEvent(
        ChangeEvent.Type.RENAMED, ListKind.PARTICIPATING, after, before, Set.of());
  }

  /** Sanpete County Sheriff's Office, UT: JEM until 2025-07-18, WSO from 2025-12-31. */
  static ChangeEvent sanpeteSwitched() {
    Agreement jem =
        RealAgreements.find(JUL18, UsState.UT, "Sanpete County Sheriff's Office", Model.JEM);
    Agreement wso =
        RealAgreements.find(DEC31, UsState.UT, "Sanpete County Sheriff's Office", Model.WSO);
    return new ChangeEvent(
        ChangeEvent.Type.MODEL_CHANGED, ListKind.PARTICIPATING, wso, jem, Set.of());
  }

  /** Hartley County Sheriff's Office, TX: requested WSO (2025-07-18), signed TFM. */
  static ChangeEvent hartleySignedAnotherModel() {
    Agreement wso =
        RealAgreements.find(
            JUL18_PENDING, UsState.TX, "Hartley County Sheriff's Office", Model.WSO);
    Agreement tfm =
        RealAgreements.find(DEC31, UsState.TX, "Hartley County Sheriff's Office", Model.TFM);
    return new ChangeEvent(
        ChangeEvent.Type.MODEL_CHANGED, ListKind.PARTICIPATING, tfm, wso, Set.of());
  }

  /** Northwest Regional Police Department, PA: no county could be placed. */
  static ChangeEvent northwestRegionalTerminated() {
    Agreement a =
        RealAgreements.find(MAY19, UsState.PA, "Northwest Regional Police Department", Model.TFM);
    return new ChangeEvent(ChangeEvent.Type.TERMINATED, ListKind.PARTICIPATING, a, null, Set.of());
  }

  /**
   * Alachua County Sheriff's Office, FL, WSO as of 2026-01-23 (with an addendum), renewing an
   * agreement signed 2019-10-15: the earlier row is made up, since the bundled files hold no
   * renewal.
   */
  static ChangeEvent alachuaRenewed() {
    Agreement now =
        RealAgreements.find(JAN23, UsState.FL, "Alachua County Sheriff's Office", Model.WSO);
    Agreement before =
        new Agreement(
            now.row(),
            now.state(),
            now.agency(),
            now.type(),
            now.county(),
            now.model(),
            LocalDate.of(2019, 10, 15),
            null,
            false,
            null);
    return new ChangeEvent(ChangeEvent.Type.RENEWED, ListKind.PARTICIPATING, now, before, Set.of());
  }

  /** Florida Department of Law Enforcement: a state agency, statewide. */
  static ChangeEvent fdleSigned() {
    Agreement a =
        RealAgreements.find(MAY19, UsState.FL, "Florida Department of Law Enforcement", Model.TFM);
    return new ChangeEvent(
        ChangeEvent.Type.NEW_AGREEMENT, ListKind.PARTICIPATING, a, null, Set.of());
  }

  /** Southwest Virginia Regional Jail Authority: nine counties and cities. */
  static ChangeEvent southwestVirginiaSigned() {
    Agreement a =
        RealAgreements.find(
            MAY19, UsState.VA, "Southwest Virginia Regional Jail Authority", Model.WSO);
    return new ChangeEvent(
        ChangeEvent.Type.NEW_AGREEMENT, ListKind.PARTICIPATING, a, null, Set.of());
  }

  static Coverage coverage(ChangeEvent event) {
    return RESOLVER.resolve(event.agreement());
  }

  static AlertMessage compose(ChangeEvent event, Language language) {
    return COMPOSER.compose(event, coverage(event), language);
  }
}
