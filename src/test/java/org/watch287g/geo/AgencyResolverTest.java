package org.watch287g.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.dataset.AgencyType;
import org.watch287g.dataset.UsState;

/** The resolver's rules, one real ICE agency each. */
class AgencyResolverTest {
  static final AgencyResolver RESOLVER = AgencyResolver.bundled();

  static Coverage resolve(
      UsState state, String agency, @Nullable AgencyType type, @Nullable String county) {
    return RESOLVER.resolve(state, agency, type, county);
  }

  @Test
  @DisplayName("a county sheriff covers its county, from the name even without ICE's COUNTY")
  void sheriffCoversItsCounty() {
    Coverage c = resolve(UsState.AL, "Colbert County Sheriff's Office", null, null);

    assertEquals("01033", c.predictedFips());
    assertEquals(Jurisdiction.COUNTY, c.level());
    assertEquals(Coverage.Basis.AGENCY_NAME, c.basis());
  }

  @Test
  @DisplayName("parishes, independent cities and the word Place for Parish are understood")
  void parishesAndIndependentCities() {
    assertEquals(
        "22071",
        resolve(UsState.LA, "Orleans Parish Sheriff's Office", null, null).predictedFips());
    assertEquals(
        "51550",
        resolve(UsState.VA, "Chesapeake Sheriff's Office", AgencyType.COUNTY, null)
            .predictedFips());
    assertEquals(
        "22089",
        resolve(
                UsState.LA,
                "St. Charles Place Sheriff's Office",
                AgencyType.COUNTY,
                "German Coast County")
            .predictedFips());
  }

  @Test
  @DisplayName("a city's police reach the city's county even when ICE's COUNTY is #N/A")
  void cityPoliceWithoutIcesCounty() {
    Coverage c = resolve(UsState.FL, "Ft. Myers Police Department", AgencyType.MUNICIPALITY, null);

    assertEquals("12071", c.predictedFips(), "Fort Myers is in Lee County");
    assertEquals(Coverage.Basis.CITY_LOOKUP, c.basis());
    assertEquals(
        "12086", resolve(UsState.FL, "Hialeah Police Department", null, null).predictedFips());
  }

  @Test
  @DisplayName("a city spread over two counties reaches both")
  void multiCountyCity() {
    assertEquals(
        "48123;48285",
        resolve(UsState.TX, "Yoakum Police Department", AgencyType.MUNICIPALITY, "Yoakum County")
            .predictedFips());
    assertEquals(
        "12081;12115",
        resolve(
                UsState.FL,
                "Longboat Key Police Department",
                AgencyType.MUNICIPALITY,
                "Sarasota County")
            .predictedFips());
  }

  @Test
  @DisplayName(
      "where ICE's COUNTY contradicts the city's own county, the city wins and the note says so")
  void cityBeatsAWrongIceCounty() {
    Coverage c =
        resolve(UsState.AR, "Texarkana Police Department", AgencyType.MUNICIPALITY, "Bowie County");

    assertEquals("05091", c.predictedFips(), "Texarkana, Arkansas is in Miller County");
    assertTrue(c.note().contains("Bowie County"), c.note());
    assertTrue(c.note().contains("win"), c.note());
  }

  @Test
  @DisplayName(
      "a township named in two counties takes the one ICE's COUNTY names, never the borough of"
          + " its name in a third")
  void repeatedTownshipIsSettledByIcesCounty() {
    Coverage c =
        resolve(
            UsState.PA,
            "Manor Township Police Department",
            AgencyType.MUNICIPALITY,
            "Armstrong County");

    assertEquals("42005", c.predictedFips(), "Manor township, Armstrong (not Lancaster's)");
    assertEquals(Coverage.Basis.SUBDIVISION, c.basis());
    assertEquals(Coverage.Confidence.EXACT, c.confidence());
    assertTrue(c.note().contains("Lancaster County, PA"), c.note());
    assertEquals(
        "42125",
        resolve(UsState.PA, "Union Township Police Department", null, "Washington County")
            .predictedFips(),
        "one of Pennsylvania's 18 Union townships");
  }

  @Test
  @DisplayName(
      "a township ICE gives no county for reaches its own county, not that of a borough of the"
          + " same name")
  void townshipWithoutIcesCountyIsNotTheBorough() {
    Coverage c =
        resolve(
            UsState.PA, "Sewickley Township Constable's Office", AgencyType.MUNICIPALITY, "#N/A");

    assertEquals("42129", c.predictedFips(), "Westmoreland; Sewickley borough is in Allegheny");
    assertEquals(Coverage.Basis.SUBDIVISION, c.basis());
    assertEquals(
        "42041",
        resolve(
                UsState.PA,
                "Pennsylvania State Constable's Office So Middleton Twp",
                AgencyType.MUNICIPALITY,
                null)
            .predictedFips(),
        "'So Middleton Twp' is South Middleton township, Cumberland");
    assertEquals(
        "42071",
        resolve(
                UsState.PA,
                "East Donegal Township Constables Office",
                AgencyType.MUNICIPALITY,
                null)
            .predictedFips(),
        "the only East Donegal township is Lancaster's");
    assertEquals(
        "42093",
        resolve(UsState.PA, "Mahoning TWP Police Department - Montour", null, "Montour County")
            .predictedFips());
  }

  @Test
  @DisplayName(
      "a township whose name repeats and which ICE gives no county for is reported as ambiguous"
          + " and alerts the whole state, naming the candidates, never guessed")
  void repeatedTownshipWithoutCountyIsAmbiguous() {
    Coverage c =
        resolve(UsState.PA, "Derry Township Constable's Office", AgencyType.MUNICIPALITY, "#N/A");

    assertEquals("", c.predictedFips());
    assertEquals(Coverage.Confidence.AMBIGUOUS, c.confidence());
    assertFalse(c.resolved());
    assertTrue(c.alertsWholeState());
    for (String county : List.of("Dauphin", "Mifflin", "Montour", "Westmoreland")) {
      assertTrue(c.note().contains(county + " County, PA"), c.note());
    }
  }

  @Test
  @DisplayName(
      "a New Hampshire town's police reach the town's county, not the county of the town's name")
  void newHampshireTown() {
    Coverage c = resolve(UsState.NH, "Carroll Police Department", AgencyType.MUNICIPALITY, "#N/A");

    assertEquals("33007", c.predictedFips(), "Carroll town is in Coos, not Carroll County");
    assertEquals(Coverage.Basis.SUBDIVISION, c.basis());
    assertEquals(
        "33013",
        resolve(UsState.NH, "Pittsfield Police Department", null, "Merrimack County")
            .predictedFips());
  }

  @Test
  @DisplayName(
      "campus police reach the counties of their campuses (curated, cited), not the one county"
          + " ICE names")
  void campusesByWhereTheyAre() {
    Coverage fau =
        resolve(
            UsState.FL,
            "Florida Atlantic Police Department",
            AgencyType.MUNICIPALITY,
            "Broward County");

    assertEquals("12011;12099;12111", fau.predictedFips(), "Broward, Palm Beach, St. Lucie");
    assertEquals(Coverage.Basis.CURATED, fau.basis());
    assertTrue(fau.note().contains("Boca Raton"), fau.note());
    assertEquals(
        "12001",
        resolve(UsState.FL, "Santa Fe College Police Department", null, "Alachua County")
            .predictedFips(),
        "Gainesville, not a place called Santa Fe");
  }

  @Test
  @DisplayName(
      "a consolidated city-county's sheriff and a county's jail department reach their county in"
          + " lists that give no COUNTY cell")
  void countyBodiesWithoutTheCountyWord() {
    assertEquals(
        "12031",
        resolve(UsState.FL, "Jacksonville Sheriff's Office", AgencyType.COUNTY, null)
            .predictedFips());
    assertEquals(
        "12086",
        resolve(UsState.FL, "Miami Dade Corrections and Rehabilitation", AgencyType.COUNTY, null)
            .predictedFips());
  }

  @Test
  @DisplayName(
      "a place keeps every county with at least one resident, and drops a part where nobody lives")
  void everyPopulatedCountyOfAPlace() {
    assertEquals(
        "01015;01055",
        resolve(UsState.AL, "Southside Police Department", null, "Etowah County").predictedFips(),
        "Southside AL: 98% Etowah, 183 residents in Calhoun");
    assertEquals(
        "39015",
        resolve(UsState.OH, "Sardinia Police Department", null, "Brown County").predictedFips(),
        "Sardinia OH: its Highland County part has no residents");
  }

  @Test
  @DisplayName("every coverage says how sure it is: exact, corrected, or a state-wide fallback")
  void everyCoverageHasAConfidence() {
    assertEquals(
        Coverage.Confidence.EXACT,
        resolve(UsState.AL, "Colbert County Sheriff's Office", null, null).confidence());
    assertEquals(
        Coverage.Confidence.CORRECTED,
        resolve(UsState.MI, "Berrian County Sheriff's Office", AgencyType.COUNTY, "Berrian County")
            .confidence());
    assertEquals(
        Coverage.Confidence.CORRECTED,
        resolve(UsState.FL, "Indiatlantic Police Department", AgencyType.MUNICIPALITY, null)
            .confidence());
    Coverage nowhere =
        resolve(UsState.PA, "Northwest Regional Police Department", AgencyType.MUNICIPALITY, null);
    assertEquals(Coverage.Confidence.FALLBACK, nowhere.confidence());
    assertEquals("state-wide fallback", nowhere.confidence().label());
  }

  @Test
  @DisplayName("a misspelt county in ICE's column is read as the closest county of the state")
  void misspeltIceCounty() {
    Coverage c =
        resolve(UsState.MI, "Berrian County Sheriff's Office", AgencyType.COUNTY, "Berrian County");

    assertEquals("26021", c.predictedFips());
    assertEquals(Coverage.Basis.ICE_COUNTY_CORRECTED, c.basis());
    assertEquals(
        "29169",
        resolve(
                UsState.MO,
                "Waynesville Police Department",
                AgencyType.MUNICIPALITY,
                "Pulaksi County")
            .predictedFips());
  }

  @Test
  @DisplayName(
      "a misspelt town still reaches its county: ICE's Indiatlantic is Indialantic, Brevard")
  void misspeltTown() {
    Coverage c =
        resolve(UsState.FL, "Indiatlantic Police Department", AgencyType.MUNICIPALITY, null);

    assertEquals("12009", c.predictedFips());
    assertTrue(c.alertsWholeState() == false);
  }

  @Test
  @DisplayName("state agencies cover the whole state, by ICE's TYPE or, in older lists, by name")
  void stateAgencies() {
    Coverage typed = resolve(UsState.FL, "Florida Highway Patrol", AgencyType.STATE, null);
    Coverage named = resolve(UsState.AK, "Department of Corrections", null, null);
    Coverage prefixed = resolve(UsState.TX, "Texas Department of Public Safety", null, null);

    assertEquals("ST:FL", typed.predictedFips());
    assertTrue(typed.alertsWholeState());
    assertEquals("ST:AK", named.predictedFips());
    assertEquals("ST:TX", prefixed.predictedFips());
    assertEquals(Jurisdiction.STATE, prefixed.level());
  }

  @Test
  @DisplayName("a county named like its state is a county, not the state: Texas County, Missouri")
  void countyNamedLikeAState() {
    assertEquals(
        "29215", resolve(UsState.MO, "Texas County Sheriff's Office", null, null).predictedFips());
  }

  @Test
  @DisplayName("regional jails reach their member counties from the curated table")
  void regionalJails() {
    Coverage c =
        resolve(UsState.VA, "Rappahannock, Shenandoah, Warren Regional Jail Authority", null, null);

    assertEquals("51157;51171;51187", c.predictedFips());
    assertEquals(Jurisdiction.REGIONAL, c.level());
    assertEquals(Coverage.Basis.CURATED, c.basis());
  }

  @Test
  @DisplayName("universities, airports, prosecutors and marshals reach the county they sit in")
  void otherBodies() {
    assertEquals(
        "12073",
        resolve(UsState.FL, "Florida State University Police Department", AgencyType.STATE, null)
            .predictedFips());
    Coverage airport =
        resolve(
            UsState.FL,
            "Melbourne International Airport Police Department",
            AgencyType.MUNICIPALITY,
            null);
    assertEquals("12009", airport.predictedFips());
    assertEquals(Jurisdiction.OTHER, airport.level());
    assertEquals(
        "48367",
        resolve(UsState.TX, "Parker County District Attorney's Office", AgencyType.COUNTY, null)
            .predictedFips());
    assertEquals(
        "48493",
        resolve(UsState.TX, "Stockdale Marshal's Office", AgencyType.MUNICIPALITY, null)
            .predictedFips());
  }

  @Test
  @DisplayName("an agency nothing places is reported unresolved and alerts its whole state")
  void unresolvedAlertsTheWholeState() {
    Coverage c =
        resolve(UsState.PA, "Northwest Regional Police Department", AgencyType.MUNICIPALITY, null);

    assertFalse(c.resolved());
    assertTrue(c.alertsWholeState());
    assertEquals("", c.predictedFips());
    assertTrue(c.counties().isEmpty());
    assertTrue(c.note().contains("whole state"), c.note());
  }
}
