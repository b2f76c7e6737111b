package org.watch287g.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watch287g.dataset.UsState;

class GazetteerTest {
  static final Gazetteer G = Gazetteer.bundled();

  static List<String> fips(List<County> counties) {
    return counties.stream().map(County::fips).toList();
  }

  @Test
  @DisplayName("every 2023 county and county-equivalent is there, territories included")
  void everyCountyIsThere() {
    assertEquals(3233, G.allCounties().size());
    assertEquals(254, G.counties(UsState.TX).size());
    assertEquals(9, G.counties(UsState.CT).size(), "Connecticut's planning regions");
    assertEquals("Capitol Planning Region", G.county("09110").orElseThrow().name());
    assertEquals("Kusilvak Census Area", G.county("02158").orElseThrow().name());
    assertEquals("Guam", G.county("66010").orElseThrow().name());
  }

  @Test
  @DisplayName("2010 codes lead to the counties that replaced them")
  void oldCodesHaveSuccessors() {
    assertEquals(List.of("46102"), fips(G.successors("46113")), "Shannon -> Oglala Lakota");
    assertEquals(List.of("02158"), fips(G.successors("02270")), "Wade Hampton -> Kusilvak");
    assertEquals(List.of("02063", "02066"), fips(G.successors("02261")), "Valdez-Cordova");
    assertTrue(G.county("46113").isEmpty());
  }

  @ParameterizedTest(name = "{1} in {0} is {2}")
  @CsvSource({
    "TX, Harris, 48201",
    "TX, Harris County, 48201",
    "TX, HARRIS COUNTY, 48201",
    "LA, Orleans Parish, 22071",
    "LA, orleans, 22071",
    "MO, St. Louis city, 29510",
    "MO, Saint Louis County, 29189",
    "MO, St Louis, 29189",
    "MD, Baltimore, 24005",
    "MD, Baltimore city, 24510",
    "VA, Alexandria city, 51510",
    "NM, Dona Ana, 35013",
    "NM, DOÑA ANA COUNTY, 35013",
    "FL, Miami Dade, 12086",
    "FL, Miami-Dade County, 12086",
    "GA, De Kalb, 13089",
    "GA, DeKalb County, 13089",
    "AK, Matanuska Susitna Borough, 02170",
    "AK, Bethel Census Area, 02050",
    "AK, Juneau City and Borough, 02110",
    "FL, St. Lucie County, 12111",
    "IL, La Salle, 17099",
    "TX, DeWitt, 48123",
    "PR, San Juan Municipio, 72127",
    "NV, Carson City, 32510"
  })
  void countiesAreFoundByAnyWriting(String state, String name, String fips) {
    assertEquals(
        List.of(fips), fips(G.countiesNamed(UsState.parse(state).orElseThrow(), name)), name);
  }

  @ParameterizedTest(name = "ICE's {1} in {0} is {2}")
  @CsvSource({
    "MO, Pulaksi County, 29169",
    "FL, Flager County, 12035",
    "FL, St. Luice County, 12111",
    "NY, Stueben County, 36101",
    "LA, Calacasieu Parish, 22019",
    "MI, Berrian County, 26021",
    "SC, Lexignton County, 45063",
    "TX, Guadalupe Conty, 48187",
    "PA, Miffin County, 42087",
    "AL, Baldwin Couny, 01003"
  })
  void typosFindTheClosestCounty(String state, String name, String fips) {
    assertEquals(
        fips, G.closestCounties(UsState.parse(state).orElseThrow(), name, 2).get(0).fips());
  }

  @Test
  @DisplayName("a city lying in several counties lists all of them, with population shares")
  void multiCountyPlaces() {
    PlaceCounties yoakum = G.places(UsState.TX, "Yoakum").get(0);
    assertEquals(Set.of("48123", "48285"), yoakum.counties());
    assertEquals(Set.of("12081", "12115"), G.places(UsState.FL, "Longboat Key").get(0).counties());
    assertEquals(Set.of("12071"), G.places(UsState.FL, "Ft. Myers").get(0).counties());
    assertEquals(Set.of("12086"), G.places(UsState.FL, "Hialeah").get(0).counties());
  }

  @Test
  @DisplayName("a municipality comes before a Census-designated place of the same name")
  void municipalitiesFirst() {
    List<PlaceCounties> burbank = G.places(UsState.CA, "Burbank");
    assertEquals("city", burbank.get(0).kind());
    assertTrue(burbank.size() >= 2);
  }

  @Test
  @DisplayName("a misspelt town is found by its closest name: ICE's Indiatlantic is Indialantic")
  void misspeltPlaces() {
    PlaceCounties p = G.closestPlaces(UsState.FL, "Indiatlantic", 2).get(0);
    assertEquals("Indialantic", p.name());
    assertEquals(Set.of("12009"), p.counties());
  }

  @Test
  @DisplayName("Connecticut towns are placed in their 2023 planning regions")
  void connecticutTowns() {
    assertEquals(Set.of("09110"), G.places(UsState.CT, "Avon").get(0).counties());
  }
}
