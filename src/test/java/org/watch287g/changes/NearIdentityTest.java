package org.watch287g.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.Model;

/**
 * When two names are one agency: ICE's real renames (from the bundled files) pair; different
 * agencies that look alike never do.
 */
class NearIdentityTest {

  static Agreement row(String state, String agency, String signed, Model model) {
    return signed.isEmpty()
        ? Rows.request(state, agency, model)
        : Rows.signed(state, agency, model, signed);
  }

  static Optional<NearIdentity.Strength> strength(Agreement a, Agreement b) {
    Optional<NearIdentity.Match> ab = NearIdentity.over(List.of()).match(a, b);
    Optional<NearIdentity.Match> ba = NearIdentity.over(List.of()).match(b, a);
    assertEquals(ab, ba, "symmetric");
    return ab.map(NearIdentity.Match::strength);
  }

  @ParameterizedTest(name = "{1} = {2}")
  @DisplayName("one agency under two spellings matches")
  @CsvSource(
      delimiter = '|',
      value = {
        "FL | Indialantic Police Department | Indiatlantic Police Department | 2025-05-13 | TYPO",
        "FL | Indialantic Police Department | Indiatlantic Police Department |  | TYPO",
        "MI | Berrian County Sheriff's Offic | Berrian County Sheriff's Office | 2025-05-06 | SAME_WORDS",
        "PA | Lower Burrell Fourth Ward Constable's Office | Lower Burrell Fourth Ward Constable |  | SAME_WORDS",
        "FL | Ft. Myers Police Department | Fort Myers Police Department | 2025-05-16 | SAME_WORDS",
        "FL | City of Melbourne Police Department | Melbourne Police Department | 2025-04-14 | SAME_WORDS",
        "FL | Town of Palm Beach Police Department | Palm Beach Police Department | 2025-03-07 | SAME_WORDS",
        "FL | Panama City Police Dept. | Panama City Police Department | 2025-02-28 | SAME_WORDS",
        "FL | Tampa PD | Tampa Police Department | 2025-02-28 | SAME_WORDS",
        "FL | Boca Raton Police Department | Boca Raton Police Services Department | 2025-03-25 | SAME_WORDS",
        "FL | Alachua Police Departent | Alachua Police Department | 2025-07-02 | SAME_WORDS",
        "AK | Department of Corrections | Alaska Department of Corrections | 2020-07-24 | SAME_WORDS",
        "TX | Office of the Attorney General | Texas Office of the Attorney General | 2025-01-30 | SAME_WORDS",
        "MT | Flathead County Sheriff's Department | Flathead County Sheriff's Office | 2020-02-12 | SAME_WORDS",
        "PA | Coolspring Township Constbales Office | Coolspring Township Constable's Office | 2025-07-18 | SAME_WORDS",
        "PA | Greene Township Constables's Office | Greene Township Constable's Office | 2025-07-15 | SAME_WORDS",
        "OK | Texas County's Sheriff's Office | Texas County Sheriff's Office |  | SAME_WORDS",
        "FL | Hillsborough County Sherrifs Office | Hillsborough County Sheriff's Office | 2025-06-10 | SAME_WORDS",
        "TX | Lampass County Sheriff's Office | Lampasas County Sheriff's Office | 2025-07-15 | TYPO",
        "MO | Dogulas County Sheriff's Office | Douglas County Sheriff's Office | 2025-11-19 | TYPO",
        "IN | Green Forks Police Department | Greens Fork Police Department | 2025-04-10 | TYPO",
        "FL | Lake Clark Shores Police Department | Lake Clarke Shores Police Department | 2025-04-29 | TYPO",
        "PA | South Pymathuning TWP State Constable | South Pymatuning TWP State Constable | 2025-07-15 | TYPO",
        "NC | Albermarle District Jail | Albemarle District Jail | 2020-03-19 | TYPO",
        "TN | Tennessee Department of Safety and Homeland Security / THP"
            + " | Tennessee Department of Safety and Homeland Security | 2025-05-13 | ALIAS",
        "FL | Gulf County Board of County Commissioners /Detention Facility"
            + " | Gulf County Board of County Commissioners | 2025-02-26 | ALIAS",
        // issue 13: a state's patrol is its state police; no state lists both
        "LA | Louisiana State Patrol | Louisiana State Police Department | 2025-05-20 | SAME_WORDS",
        "FL | Florida Department of Environmental Protection"
            + " | Florida Department of Environmental Protection, Division of Law Enforcement"
            + " | 2025-04-24 | SUFFIX",
        // a suffix and one university's board and police pair whatever the dates
        "FL | Florida Department of Financial Services"
            + " | Florida Department of Financial Services, Criminal Investigation Division"
            + " |  | SUFFIX",
        "FL | University of Central Florida Board of Trustees"
            + " | University of Central Florida Police Department |  | INSTITUTION",
      })
  void sameAgency(String state, String a, String b, String signed, String strength) {
    String date = signed == null ? "" : signed;

    assertEquals(
        Optional.of(NearIdentity.Strength.valueOf(strength)),
        strength(row(state, a, date, Model.TFM), row(state, b, date, Model.TFM)));
  }

  @ParameterizedTest(name = "{1} <> {2}")
  @DisplayName("different agencies that look alike never match")
  @CsvSource(
      delimiter = '|',
      value = {
        "FL | Lee County Sheriff's Office | Lake County Sheriff's Office | 2025-02-26",
        "FL | Lee County Sheriff's Office | Lake County Sheriff's Office | ",
        "NM | Lee County Sheriff's Office | Lea County Sheriff's Office | 2025-02-26",
        "TX | Dallas County Sheriff's Office | Dallam County Sheriff's Office | 2025-07-31",
        "CA | Marin County Sheriff's Office | Marion County Sheriff's Office | 2025-07-31",
        "TX | Lamar County Sheriff's Office | Lampasas County Sheriff's Office | 2025-07-15",
        "MO | Saint Mary Police Department | Saint Ann Police Department | 2025-04-28",
        "FL | Palm Beach Police Department | West Palm Beach Police Department | 2025-03-07",
        "FL | Palm Beach Police Department | North Palm Beach Police Department | 2025-03-07",
        "FL | Panama City Police Department | Panama City Beach Police Department | 2025-02-26",
        "VA | Chesapeake Sheriff's Office | Chesapeake Police Department | 2025-02-28",
        "VA | Roanoke County Sheriff's Office | Roanoke City Sheriff's Office | 2025-02-28",
        "PA | Manor Township Police Department | Manor Borough Police Department | 2025-10-17",
        "NY | Town of Mohawk Police Department | Village of Mohawk Police Department | 2025-06-01",
        "PA | Lower Burrell First Ward Constable | Lower Burrell Fifth Ward Constable | 2025-05-16",
        "FL | Office of the State Attorney, 19th Judicial Circuit"
            + " | Office of the State Attorney, 20th Judicial Circuit | 2025-06-01",
        "FL | Escambia County Sheriff's Office | Escambia County Board of County Commissioners"
            + " | 2025-02-26",
        "VA | Virginia Department of Corrections | Virginia DOC Law Enforcement Services | 2025-06-11",
        "TX | Lampass County Sheriff's Office | Lampasas County Sheriff's Office | ",
      })
  void differentAgencies(String state, String a, String b, String signed) {
    String date = signed == null ? "" : signed;

    assertEquals(
        Optional.empty(), strength(row(state, a, date, Model.TFM), row(state, b, date, Model.TFM)));
  }

  @Test
  @DisplayName("ICE's real suffix and board-to-police renames pair months apart")
  void renamesMonthsApart() {
    assertEquals(
        Optional.of(NearIdentity.Strength.SUFFIX),
        strength(
            Rows.signed("FL", "Florida Department of Financial Services", Model.TFM, "2025-03-25"),
            Rows.signed(
                "FL",
                "Florida Department of Financial Services, Criminal Investigation Division",
                Model.TFM,
                "2025-07-24")));
    assertEquals(
        Optional.of(NearIdentity.Strength.INSTITUTION),
        strength(
            Rows.signed(
                "FL", "University of Central Florida Board of Trustees", Model.TFM, "2025-04-15"),
            Rows.signed(
                "FL", "University of Central Florida Police Department", Model.TFM, "2025-07-24")));
  }

  @Test
  @DisplayName("a corrected county word pairs only when ICE's COUNTY cell is the same on both rows")
  void countyWord() {
    Agreement place = inCounty(Rows.request("LA", "St. Charles Place Sheriff's Office", Model.TFM));
    Agreement parish =
        inCounty(Rows.request("LA", "St. Charles Parish Sheriff's Office", Model.TFM));

    assertEquals(Optional.of(NearIdentity.Strength.COUNTY_WORD), strength(place, parish));
    assertEquals(
        Optional.empty(),
        strength(
            Rows.request("LA", "St. Charles Place Sheriff's Office", Model.TFM),
            Rows.request("LA", "St. Charles Parish Sheriff's Office", Model.TFM)));
  }

  private static Agreement inCounty(Agreement a) {
    return new Agreement(
        a.row(),
        a.state(),
        a.agency(),
        a.type(),
        "German Coast County",
        a.model(),
        a.signed(),
        a.moaUrl(),
        a.moaPending(),
        a.addendumUrl());
  }

  @ParameterizedTest(name = "{1} ({3}) <> {2} ({4})")
  @DisplayName("under two models, one agency is found by its name only; Lee and Lake stay two")
  @CsvSource(
      delimiter = '|',
      value = {
        "UT | Sanpete County Sheriff's Office | Sanpete County Sheriff's Office | JEM | WSO"
            + " | SAME_WORDS",
        "TX | McMullen County Sheriff's Office | McMullen County Sheriff's Office | WSO | TFM"
            + " | SAME_WORDS",
        "FL | Lee County Sheriff's Office | Lake County Sheriff's Office | JEM | TFM | ",
        "NM | Lee County Sheriff's Office | Lea County Sheriff's Office | JEM | TFM | ",
        "TX | Dallas County Sheriff's Office | Dallam County Sheriff's Office | WSO | TFM | ",
        "VA | Chesapeake Sheriff's Office | Chesapeake Police Department | JEM | TFM | ",
        "FL | Lee County Sheriff's Office | Lee County Sheriff's Office | TFM | TFM | ",
      })
  void acrossModels(
      String state, String a, String b, Model ma, Model mb, @Nullable String strength) {
    NearIdentity identity = NearIdentity.over(List.of());
    Agreement x = Rows.signed(state, a, ma, "2025-02-26");
    Agreement y = Rows.signed(state, b, mb, "2026-01-30");

    Optional<NearIdentity.Strength> expected =
        Optional.ofNullable(strength).map(NearIdentity.Strength::valueOf);
    assertEquals(expected, identity.sameAgency(x, y).map(NearIdentity.Match::strength));
    assertEquals(expected, identity.sameAgency(y, x).map(NearIdentity.Match::strength));
  }

  @Test
  @DisplayName("the same name in another state or for another model is another agreement")
  void stateAndModelCount() {
    Agreement fl = Rows.signed("FL", "Marion County Sheriff's Office", Model.TFM, "2025-02-26");

    assertEquals(
        Optional.empty(),
        strength(fl, Rows.signed("AL", "Marion County Sheriff's Office", Model.TFM, "2025-02-26")));
    assertEquals(
        Optional.empty(),
        strength(fl, Rows.signed("FL", "Marion County Sheriff's Offic", Model.WSO, "2025-02-26")));
  }

  @Test
  @DisplayName("a typo pairs only on the same signing day; generic words pair within a correction")
  void signingDates() {
    Agreement typo = Rows.signed("FL", "Indialantic Police Department", Model.TFM, "2025-05-13");
    Agreement cityOf =
        Rows.signed("FL", "City of St. Cloud Police Department", Model.TFM, "2025-04-15");

    assertEquals(
        Optional.empty(),
        strength(
            typo, Rows.signed("FL", "Indiatlantic Police Department", Model.TFM, "2025-05-14")));
    assertEquals(
        Optional.of(NearIdentity.Strength.SAME_WORDS),
        strength(
            cityOf, Rows.signed("FL", "St. Cloud Police Department", Model.TFM, "2025-04-14")));
    assertEquals(
        Optional.empty(),
        strength(
            cityOf, Rows.signed("FL", "St. Cloud Police Department", Model.TFM, "2026-04-14")));
  }

  @Test
  @DisplayName("one MOA link makes one agreement, unless other rows share that link")
  void sameMoa() {
    String url = "https://www.ice.gov/doclib/287gMOA/okaloosaCoCommishBoard_WSO_MOA_02262025.pdf";
    Agreement sheriff =
        Rows.withMoa(
            Rows.signed("FL", "Okaloosa County Sheriff's Office", Model.WSO, "2025-02-26"), url);
    Agreement board =
        Rows.withMoa(
            Rows.signed(
                "FL", "Okaloosa County Board of County Commissioners", Model.WSO, "2025-02-26"),
            url);
    Agreement third =
        Rows.withMoa(
            Rows.signed("FL", "Walton County Sheriff's Office", Model.WSO, "2025-02-26"), url);

    assertEquals(Optional.of(NearIdentity.Strength.SAME_MOA), strength(sheriff, board));
    assertEquals(
        Optional.empty(),
        NearIdentity.over(List.of(Rows.participating(sheriff, third)))
            .match(sheriff, board)
            .map(NearIdentity.Match::strength));
  }
}
