package org.watch287g.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.AgencyType;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.Coverage;

class MatcherTest {
  static final AgencyResolver RESOLVER = AgencyResolver.bundled();
  static final Matcher MATCHER = new Matcher();

  static final ChannelRef MIAMI = new ChannelRef("slack", "T1", "CMIAMI");
  static final ChannelRef FLORIDA = new ChannelRef("discord", "G1", "111");
  static final ChannelRef LEE = new ChannelRef("slack", "T1", "CLEE");
  static final ChannelRef OREGON = new ChannelRef("slack", "T2", "COREGON");

  static final List<Subscription> SUBSCRIPTIONS =
      List.of(
          new Subscription(MIAMI, Set.of(Target.county("12086")), ChannelOptions.defaults()),
          new Subscription(FLORIDA, Set.of(Target.state(UsState.FL)), ChannelOptions.defaults()),
          new Subscription(LEE, Set.of(Target.county("12071")), ChannelOptions.defaults()),
          new Subscription(OREGON, Set.of(Target.county("41051")), ChannelOptions.defaults()));

  static List<ChannelRef> reached(String agency, AgencyType type, ListKind list) {
    Coverage c = RESOLVER.resolve(UsState.FL, agency, type, null);
    return MATCHER.channels(c, Model.TFM, list, SUBSCRIPTIONS);
  }

  @Test
  @DisplayName("a city's police reach the channels following its county and its state, no others")
  void cityPoliceReachTheirCountyAndState() {
    assertEquals(
        List.of(MIAMI, FLORIDA),
        reached("Hialeah Police Department", AgencyType.MUNICIPALITY, ListKind.PARTICIPATING));
  }

  @Test
  @DisplayName("a state agency reaches every channel following anything in its state")
  void stateAgencyReachesTheWholeState() {
    assertEquals(
        List.of(MIAMI, FLORIDA, LEE),
        reached("Florida Highway Patrol", AgencyType.STATE, ListKind.PARTICIPATING));
  }

  @Test
  @DisplayName("an agency nobody could place reaches the whole state, so nobody misses it")
  void unresolvedReachesTheWholeState() {
    Coverage c = RESOLVER.resolve(UsState.FL, "Zzyzx Regional Task Group", null, null);

    assertEquals(
        List.of(MIAMI, FLORIDA, LEE),
        MATCHER.channels(c, Model.JEM, ListKind.PARTICIPATING, SUBSCRIPTIONS));
  }

  @Test
  @DisplayName("a channel that left out pending requests or a model does not hear about them")
  void optionsFilter() {
    ChannelOptions signedJemOnly =
        ChannelOptions.defaults().withIncludePending(false).withModels(EnumSet.of(Model.JEM));
    List<Subscription> subs =
        List.of(new Subscription(LEE, Set.of(Target.county("12071")), signedJemOnly));
    Coverage fortMyers =
        RESOLVER.resolve(UsState.FL, "Fort Myers Police Department", AgencyType.MUNICIPALITY, null);

    assertEquals(List.of(), MATCHER.channels(fortMyers, Model.JEM, ListKind.PENDING, subs));
    assertEquals(List.of(), MATCHER.channels(fortMyers, Model.TFM, ListKind.PARTICIPATING, subs));
    assertEquals(
        List.of(LEE), MATCHER.channels(fortMyers, Model.JEM, ListKind.PARTICIPATING, subs));
  }

  @Test
  @DisplayName(
      "a channel following only the old or only the new model hears of a switch between them,"
          + " one following neither does not")
  void modelSwitchReachesEitherModel() {
    ChangeEvent sanpete = AlertFixtures.sanpeteSwitched(); // JEM to WSO
    Coverage coverage = RESOLVER.resolve(sanpete.agreement());
    ChannelRef jem = new ChannelRef("slack", "T1", "jem");
    ChannelRef wso = new ChannelRef("slack", "T1", "wso");
    ChannelRef tfm = new ChannelRef("slack", "T1", "tfm");
    Target utah = Target.state(UsState.UT);
    List<Subscription> subs =
        List.of(
            new Subscription(jem, Set.of(utah), only(Model.JEM)),
            new Subscription(wso, Set.of(utah), only(Model.WSO)),
            new Subscription(tfm, Set.of(utah), only(Model.TFM)));

    assertEquals(List.of(jem, wso), MATCHER.prepare(subs).channels(coverage, sanpete));
    assertEquals(
        List.of(jem),
        MATCHER
            .prepare(subs)
            .channels(
                coverage,
                AlertFixtures.sanpeteSwitched().previous().model(),
                ListKind.PARTICIPATING),
        "by one model alone, as before");
  }

  private static ChannelOptions only(Model model) {
    return ChannelOptions.defaults().withModels(EnumSet.of(model));
  }
}
