package org.watch287g.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.watch287g.alerts.AlertFixtures.compose;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.Coverage;
import org.watch287g.geo.Gazetteer;
import org.watch287g.testing.RealAgreements;

class AlertComposerTest {

  static Stream<Arguments> headlines() {
    return Stream.of(
        Arguments.of(
            "NEW_AGREEMENT",
            (Supplier<ChangeEvent>) AlertFixtures::hillsboroughNh,
            "Hillsborough County Sheriff's Office signed a 287(g) agreement with ICE"
                + " (Hillsborough County, NH)",
            "Hillsborough County Sheriff's Office firmó un acuerdo 287(g) con ICE"
                + " (Hillsborough County, NH)"),
        Arguments.of(
            "NEW_PENDING",
            (Supplier<ChangeEvent>) AlertFixtures::blountRequest,
            "Blount County Sheriff's Office asked ICE for a 287(g) agreement (Blount County, AL)",
            "Blount County Sheriff's Office solicitó a ICE un acuerdo 287(g) (Blount County, AL)"),
        Arguments.of(
            "PENDING_SIGNED",
            (Supplier<ChangeEvent>) AlertFixtures::lowerBurrellSigned,
            "Lower Burrell Fourth Ward Constable signed the 287(g) agreement it had requested"
                + " (Westmoreland County, PA)",
            "Lower Burrell Fourth Ward Constable firmó el acuerdo 287(g) que había solicitado"
                + " (Westmoreland County, PA)"),
        Arguments.of(
            "MODEL_CHANGED, to a narrower model",
            (Supplier<ChangeEvent>) AlertFixtures::sanpeteSwitched,
            "Sanpete County Sheriff's Office switched from the jail model (JEM) to the warrant"
                + " service model (WSO), a narrower model (Sanpete County, UT)",
            "Sanpete County Sheriff's Office cambió del modelo de cárceles (JEM) al modelo de"
                + " órdenes de arresto (WSO), un modelo más limitado (Sanpete County, UT)"),
        Arguments.of(
            "MODEL_CHANGED, a request signed under a broader model",
            (Supplier<ChangeEvent>) AlertFixtures::hartleySignedAnotherModel,
            "Hartley County Sheriff's Office signed a 287(g) agreement under the task force model"
                + " (TFM), not the warrant service model (WSO) as it had requested, a broader"
                + " model (Hartley County, TX)",
            "Hartley County Sheriff's Office firmó un acuerdo 287(g) del modelo de fuerza de tarea"
                + " (TFM), no del modelo de órdenes de arresto (WSO) que había solicitado, un"
                + " modelo más amplio (Hartley County, TX)"),
        Arguments.of(
            "PENDING_WITHDRAWN",
            (Supplier<ChangeEvent>) AlertFixtures::pickensWithdrawn,
            "Pickens County Sheriff's Office is no longer on ICE's list of pending 287(g) requests"
                + " (Pickens County, SC)",
            "Pickens County Sheriff's Office ya no aparece en la lista de solicitudes 287(g)"
                + " pendientes de ICE (Pickens County, SC)"),
        Arguments.of(
            "TERMINATED",
            (Supplier<ChangeEvent>) AlertFixtures::northwestRegionalTerminated,
            "Northwest Regional Police Department is no longer on ICE's list of 287(g) agreements"
                + " (Pennsylvania, county unknown)",
            "Northwest Regional Police Department ya no aparece en la lista de acuerdos 287(g) de"
                + " ICE (Pensilvania, condado desconocido)"),
        Arguments.of(
            "RENEWED",
            (Supplier<ChangeEvent>) AlertFixtures::alachuaRenewed,
            "Alachua County Sheriff's Office renewed its 287(g) agreement with ICE"
                + " (Alachua County, FL)",
            "Alachua County Sheriff's Office renovó su acuerdo 287(g) con ICE (Alachua County, FL)"),
        Arguments.of(
            "DETAILS_CHANGED with the MOA posted",
            (Supplier<ChangeEvent>) AlertFixtures::colbertMoaPosted,
            "ICE posted the 287(g) agreement document of Colbert County Sheriff's Office"
                + " (Colbert County, AL)",
            "ICE publicó el documento del acuerdo 287(g) de Colbert County Sheriff's Office"
                + " (Colbert County, AL)"),
        Arguments.of(
            "DETAILS_CHANGED without the MOA",
            (Supplier<ChangeEvent>) AlertComposerTest::colbertCountyCorrected,
            "ICE corrected its listing of Colbert County Sheriff's Office (Colbert County, AL)",
            "ICE corrigió los datos de Colbert County Sheriff's Office en su lista"
                + " (Colbert County, AL)"),
        Arguments.of(
            "RENAMED",
            (Supplier<ChangeEvent>) AlertFixtures::indiatlanticRenamed,
            "ICE now lists Indiatlantic Police Department under a corrected name"
                + " (Brevard County, FL)",
            "ICE corrigió el nombre de Indiatlantic Police Department en su lista"
                + " (Brevard County, FL)"));
  }

  static ChangeEvent colbertCountyCorrected() {
    ChangeEvent posted = AlertFixtures.colbertMoaPosted();
    return new ChangeEvent(
        ChangeEvent.Type.DETAILS_CHANGED,
        posted.list(),
        posted.agreement(),
        posted.previous(),
        Set.of(ChangeEvent.Detail.COUNTY_CORRECTED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headlines")
  @DisplayName("every kind of event has a one-line headline in English and in Spanish")
  void headlinePerEventType(
      String name, Supplier<ChangeEvent> event, String english, String spanish) {
    assertEquals(english, compose(event.get(), Language.EN).headline());
    assertEquals(spanish, compose(event.get(), Language.ES).headline());
  }

  @Test
  @DisplayName("the headline cases cover every event type")
  void headlinesCoverEveryType() {
    Set<ChangeEvent.Type> covered =
        headlines()
            .map(a -> ((Supplier<?>) a.get()[1]).get())
            .map(e -> ((ChangeEvent) e).type())
            .collect(Collectors.toSet());
    assertEquals(Set.of(ChangeEvent.Type.values()), covered);
  }

  @Test
  @DisplayName("with public pages, an alert links first to the page of its county, or its state")
  void alertsLinkToTheirPlacesPage() {
    AlertComposer composer =
        new AlertComposer(
            Gazetteer.bundled(), AlertFixtures.TOOLKIT, new PageLinks("https://287g.example.org"));
    ChangeEvent sheriff = AlertFixtures.hillsboroughNh();
    ChangeEvent statewide = AlertFixtures.fdleSigned();

    AlertMessage county = composer.compose(sheriff, AlertFixtures.coverage(sheriff), Language.ES);
    AlertMessage state =
        composer.compose(statewide, AlertFixtures.coverage(statewide), Language.EN);

    assertEquals(
        new AlertMessage.Link(
            "Todo sobre 287(g) en Hillsborough County, NH",
            "https://287g.example.org/county/33011"),
        county.links().get(0));
    assertEquals("https://287g.example.org/state/FL", state.links().get(0).url());
    assertTrue(
        compose(sheriff, Language.EN).links().stream()
            .noneMatch(l -> l.url().contains("287g.example.org")),
        "no page link without public pages");
  }

  @Test
  @DisplayName("an alert names the agency, the place, the model with what it means, and the date")
  void alertCarriesItsDetails() {
    AlertMessage m = compose(AlertFixtures.hillsboroughNh(), Language.EN);

    assertEquals(Language.EN, m.language());
    assertEquals(ChangeEvent.Type.NEW_AGREEMENT, m.type());
    assertEquals("Hillsborough County Sheriff's Office", m.agency());
    assertEquals("Hillsborough County, NH", m.place());
    assertEquals("Task Force Model (TFM)", m.modelTitle());
    assertTrue(m.modelExplainer().startsWith("Local officers question and arrest people"));
    assertEquals("May 16, 2025", m.date());
    assertEquals("Signed", m.labels().date());
    assertNull(m.previousAgency());
  }

  @Test
  @DisplayName("each model is explained in plain words, differently, in both languages")
  void modelExplainersArePresent() {
    ChangeEvent jem = AlertFixtures.colbertMoaPosted();
    ChangeEvent tfm = AlertFixtures.hillsboroughNh();
    ChangeEvent jail =
        new ChangeEvent(
            ChangeEvent.Type.NEW_AGREEMENT,
            jem.list(),
            RealAgreements.find(
                AlertFixtures.MAY19, UsState.AL, "Colbert County Sheriff's Office", Model.JEM),
            null,
            Set.of());
    for (Language language : Language.values()) {
      AlertMessage wso = compose(jem, language);
      AlertMessage task = compose(tfm, language);
      AlertMessage jailModel = compose(jail, language);
      assertEquals(
          3,
          Set.of(wso.modelExplainer(), task.modelExplainer(), jailModel.modelExplainer()).size());
      for (AlertMessage m : List.of(wso, task, jailModel)) {
        assertTrue(m.modelExplainer().length() > 60, m.modelExplainer());
        assertTrue(m.modelExplainer().contains("ICE"), m.modelExplainer());
      }
    }
    assertEquals("Warrant Service Officer (WSO)", compose(jem, Language.EN).modelTitle());
    assertEquals(
        "Oficial de órdenes de arresto (Warrant Service Officer, WSO)",
        compose(jem, Language.ES).modelTitle());
    assertTrue(compose(jail, Language.ES).modelExplainer().contains("cárcel"));
  }

  @Test
  @DisplayName(
      "a posted MOA is linked; ICE's \"link pending\" and a missing link are said in words")
  void moaLinkOrWhyNot() {
    AlertMessage posted = compose(AlertFixtures.colbertMoaPosted(), Language.EN);
    assertEquals(
        "https://www.ice.gov/doclib/287gMOA/ColbertCoSheriffsOfficeAL_WSO_MOA_05.08.25.pdf",
        posted.moaUrl());
    assertEquals(posted.moaUrl(), posted.moa());

    AlertMessage pending = compose(AlertFixtures.blountRequest(), Language.EN);
    assertNull(pending.moaUrl());
    assertEquals("ICE says the link is pending", pending.moa());
    assertEquals(
        "ICE dice que el enlace está pendiente",
        compose(AlertFixtures.blountRequest(), Language.ES).moa());

    AlertMessage none = compose(AlertFixtures.pickensWithdrawn(), Language.EN);
    assertNull(none.moaUrl());
    assertEquals("not posted by ICE", none.moa());
    assertEquals(
        "ICE no lo ha publicado", compose(AlertFixtures.pickensWithdrawn(), Language.ES).moa());
  }

  @Test
  @DisplayName("pending requests say \"Requested\", not \"Signed\", and that ICE gives no date")
  void pendingRequestsSayRequested() {
    AlertMessage en = compose(AlertFixtures.blountRequest(), Language.EN);
    AlertMessage es = compose(AlertFixtures.blountRequest(), Language.ES);

    assertEquals("Requested", en.labels().date());
    assertEquals("not signed yet (ICE's list of requests gives no dates)", en.date());
    assertEquals("Solicitado", es.labels().date());
    assertEquals("aún sin firmar (la lista de solicitudes de ICE no da fechas)", es.date());
    assertEquals(
        "Signed", compose(AlertFixtures.lowerBurrellSigned(), Language.EN).labels().date());
  }

  @Test
  @DisplayName("signing dates are written as each language writes them")
  void datesInBothLanguages() {
    assertEquals("May 8, 2025", compose(AlertFixtures.colbertMoaPosted(), Language.EN).date());
    assertEquals(
        "8 de mayo de 2025", compose(AlertFixtures.colbertMoaPosted(), Language.ES).date());
  }

  @Test
  @DisplayName("a renewal gives the new signing date and the previous one")
  void renewalGivesBothDates() {
    assertEquals(
        "February 24, 2025 (the previous agreement was signed October 15, 2019)",
        compose(AlertFixtures.alachuaRenewed(), Language.EN).date());
    assertEquals(
        "24 de febrero de 2025 (el acuerdo anterior se firmó el 15 de octubre de 2019)",
        compose(AlertFixtures.alachuaRenewed(), Language.ES).date());
  }

  @Test
  @DisplayName("a renamed agency, or one signed under another name, shows its previous name")
  void previousNameShown() {
    AlertMessage renamed = compose(AlertFixtures.indiatlanticRenamed(), Language.EN);
    assertEquals("Indialantic Police Department", renamed.previousAgency());
    assertTrue(renamed.plainText().contains("Previously listed as: Indialantic Police Department"));

    AlertMessage signed = compose(AlertFixtures.lowerBurrellSigned(), Language.ES);
    assertEquals("Lower Burrell Fourth Ward Constable's Office", signed.previousAgency());
    assertTrue(signed.plainText().contains("Antes figuraba como: Lower Burrell"));

    assertNull(compose(AlertFixtures.colbertMoaPosted(), Language.EN).previousAgency());
  }

  @Test
  @DisplayName("a state agency's place is its state and \"statewide\"")
  void statewideWording() {
    AlertMessage en = compose(AlertFixtures.fdleSigned(), Language.EN);
    AlertMessage es = compose(AlertFixtures.fdleSigned(), Language.ES);

    assertEquals("Florida, statewide", en.place());
    assertTrue(en.headline().endsWith("(Florida, statewide)"), en.headline());
    assertEquals("Florida, todo el estado", es.place());
  }

  @Test
  @DisplayName(
      "an agency resolved only to its state says we could not place it in a county, and why the"
          + " whole state hears of it")
  void unresolvedWording() {
    AlertMessage en = compose(AlertFixtures.northwestRegionalTerminated(), Language.EN);
    AlertMessage es = compose(AlertFixtures.northwestRegionalTerminated(), Language.ES);

    assertEquals(
        "Pennsylvania, county unknown: we could not place this agency in a county, so every"
            + " channel following a place in Pennsylvania gets this alert",
        en.place());
    assertEquals(
        "Pensilvania, condado desconocido: no pudimos ubicar esta agencia en un condado, así que"
            + " este aviso llega a todos los canales que siguen algún lugar de Pensilvania",
        es.place());
  }

  @Test
  @DisplayName("several counties are all named in the details, and the first two in the headline")
  void severalCounties() {
    AlertMessage en = compose(AlertFixtures.southwestVirginiaSigned(), Language.EN);
    AlertMessage es = compose(AlertFixtures.southwestVirginiaSigned(), Language.ES);

    assertEquals(
        "Southwest Virginia Regional Jail Authority signed a 287(g) agreement with ICE"
            + " (Buchanan County, Dickenson County and 9 other counties, VA)",
        en.headline());
    assertTrue(
        es.headline().endsWith("(Buchanan County, Dickenson County y otros 9 condados, VA)"));
    assertEquals(
        "Buchanan County, Dickenson County, Lee County, Russell County, Scott County, Smyth"
            + " County, Tazewell County, Washington County, Wise County, Bristol city and Norton"
            + " city, VA",
        en.place());
    assertTrue(es.place().endsWith("Bristol city y Norton city, VA"), es.place());
  }

  @Test
  @DisplayName("the toolkit links suit the event and model, titled in the alert's language")
  void toolkitLinksByEventAndModel() {
    AlertMessage newTfm = compose(AlertFixtures.hillsboroughNh(), Language.ES);
    assertEquals(
        List.of(
            new AlertMessage.Link("Guía para terminar el 287(g)", AlertFixtures.ORGANIZERS),
            new AlertMessage.Link("National map", AlertFixtures.MAP),
            new AlertMessage.Link("Guía sobre patrullas", AlertFixtures.PATROL)),
        newTfm.links());

    AlertMessage ended = compose(AlertFixtures.northwestRegionalTerminated(), Language.EN);
    assertEquals(List.of(new AlertMessage.Link("National map", AlertFixtures.MAP)), ended.links());

    AlertMessage newWso = compose(AlertFixtures.southwestVirginiaSigned(), Language.EN);
    assertEquals(2, newWso.links().size());
  }

  @Test
  @DisplayName("the addendum, when ICE posted one, is a line of its own")
  void addendumShown() {
    AlertMessage m = compose(AlertFixtures.alachuaRenewed(), Language.EN);
    assertEquals(
        "https://www.ice.gov/doclib/287gMOA/AlachuaCoSheriffsOfficeFL_WSO_MOA_06252025.pdf",
        m.addendumUrl());
    assertTrue(m.fields().stream().anyMatch(f -> f.label().equals("Addendum")));
    assertFalse(
        compose(AlertFixtures.hillsboroughNh(), Language.EN).fields().stream()
            .anyMatch(f -> f.label().equals("Addendum")));
  }

  @Test
  @DisplayName("the plain-text fallback holds the headline, every detail, the explainer and links")
  void plainTextHoldsEverything() {
    AlertMessage m = compose(AlertFixtures.hillsboroughNh(), Language.EN);

    assertEquals(
        String.join(
            "\n",
            "Hillsborough County Sheriff's Office signed a 287(g) agreement with ICE"
                + " (Hillsborough County, NH)",
            "Agency: Hillsborough County Sheriff's Office",
            "Where: Hillsborough County, NH",
            "Signed: May 16, 2025",
            "Agreement (MOA): ICE says the link is pending",
            "Model: Task Force Model (TFM)",
            m.modelExplainer(),
            "What you can do:",
            "- Ending 287(g) toolkit: " + AlertFixtures.ORGANIZERS,
            "- National map: " + AlertFixtures.MAP,
            "- Patrol guide: " + AlertFixtures.PATROL,
            ""),
        m.plainText());
  }

  @Test
  @DisplayName("no placeholder or doubled apostrophe is left in any alert, in either language")
  void noPlaceholdersLeft() {
    headlines()
        .map(a -> (ChangeEvent) ((Supplier<?>) a.get()[1]).get())
        .forEach(
            event -> {
              for (Language language : Language.values()) {
                String text = compose(event, language).plainText();
                assertFalse(text.contains("{") || text.contains("''"), text);
              }
            });
  }

  @Test
  @DisplayName(
      "an MOA stored before links were checked, on a host that only looks like ICE's, is neither"
          + " linked nor shown")
  void aLookAlikeMoaFromAnOlderSnapshotIsDropped() {
    ChangeEvent real = AlertFixtures.hillsboroughNh();
    Agreement a = real.agreement();
    String evil = "https://www.ice.gov.evil.example/doclib/287gMOA/phish.pdf";
    Agreement stored =
        new Agreement(
            a.row(),
            a.state(),
            a.agency(),
            a.type(),
            a.county(),
            a.model(),
            a.signed(),
            evil,
            false,
            evil);
    ChangeEvent event = new ChangeEvent(real.type(), real.list(), stored, null, Set.of());

    AlertMessage alert = compose(event, Language.EN);

    assertNull(alert.moaUrl());
    assertNull(alert.addendumUrl());
    assertFalse(alert.plainText().contains("evil.example"), alert.plainText());
  }

  @Test
  @DisplayName("a coverage of another state than the agreement's is refused")
  void coverageOfAnotherStateIsRefused() {
    ChangeEvent nh = AlertFixtures.hillsboroughNh();
    Coverage florida = AlertFixtures.coverage(AlertFixtures.fdleSigned());

    assertThrows(
        IllegalArgumentException.class,
        () -> AlertFixtures.COMPOSER.compose(nh, florida, Language.EN));
  }
}
