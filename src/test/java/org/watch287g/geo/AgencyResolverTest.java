package org.watch287g.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
      "a township the gazetteer does not list takes ICE's COUNTY, not a borough of its name")
  void townshipsYieldToIcesCounty() {
    Coverage c =
        resolve(
            UsState.PA,
            "Manor Township Police Department",
            AgencyType.MUNICIPALITY,
            "Armstrong County");

    assertEquals("42005", c.predictedFips());
    assertEquals(Coverage.Basis.ICE_COUNTY, c.basis());
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
        resolve(
            UsState.PA, "East Donegal Township Constables Office", AgencyType.MUNICIPALITY, null);

    assertFalse(c.resolved());
    assertTrue(c.alertsWholeState());
    assertEquals("", c.predictedFips());
    assertTrue(c.counties().isEmpty());
    assertTrue(c.note().contains("whole state"), c.note());
  }
}
