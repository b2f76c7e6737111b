package org.watch287g.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.dataset.UsState;

/** The packed table of townships and towns. */
class SubdivisionsTest {
  static final Subdivisions BUNDLED = Subdivisions.bundled();

  @Test
  @DisplayName("a township name repeated across a state's counties gives each of them, kind kept")
  void repeatedNamesGiveEveryCounty() {
    List<Subdivisions.Subdivision> derry = BUNDLED.named(UsState.PA, "Derry");

    assertEquals(
        List.of("42043", "42087", "42093", "42129"),
        derry.stream().map(Subdivisions.Subdivision::countyFips).toList());
    assertTrue(derry.stream().allMatch(s -> s.kind().equals("township")), derry.toString());
    assertEquals("Derry township", derry.get(0).label());
    assertEquals(18, BUNDLED.named(UsState.PA, "union").size());
  }

  @Test
  @DisplayName(
      "boroughs and cities are left to the place table, and names fold like places: Mt. Carmel")
  void onlyGovernmentsThatAreNotPlaces() {
    assertEquals(List.of(), BUNDLED.named(UsState.PA, "Mahanoy City"), "a borough is a place");
    List<Subdivisions.Subdivision> carmel = BUNDLED.named(UsState.PA, "Mt. Carmel");
    assertEquals(1, carmel.size(), carmel.toString());
    assertEquals("Mount Carmel township", carmel.get(0).label());
    assertEquals("42097", carmel.get(0).countyFips());
    assertEquals("McAdoo", readOne("PA\tMcAdoo\ttownship\t42107").get(0).name());
  }

  @Test
  @DisplayName("New England towns are there, under their county")
  void newEnglandTowns() {
    assertEquals(
        List.of(new Subdivisions.Subdivision("Conway", "town", "33003")),
        BUNDLED.named(UsState.NH, "Conway"));
    assertEquals(
        List.of(new Subdivisions.Subdivision("Wells", "town", "23031")),
        BUNDLED.named(UsState.ME, "wells"));
    assertTrue(BUNDLED.counts().get(UsState.PA) > 1_400, BUNDLED.counts().toString());
  }

  @Test
  @DisplayName("a Connecticut town sits under its 2022 planning region, never an old county")
  void connecticutPlanningRegions() {
    assertTrue(BUNDLED.counts().getOrDefault(UsState.CT, 0) > 0);
    List<Subdivisions.Subdivision> hartford = BUNDLED.named(UsState.CT, "Hartford");
    assertEquals(1, hartford.size(), hartford.toString());
    assertTrue(hartford.get(0).countyFips().startsWith("091"), hartford.toString());
  }

  @Test
  @DisplayName("a row whose county is in another state is refused")
  void refusesACountyOfAnotherState() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> readOne("PA\tNowhere\ttownship\t34001"));
    assertTrue(e.getMessage().contains("another state"), e.getMessage());
  }

  private static List<Subdivisions.Subdivision> readOne(String line) {
    try {
      String name = line.substring(3, line.indexOf('\t', 3));
      return Subdivisions.read(new BufferedReader(new StringReader(line + "\n")))
          .named(UsState.PA, name);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
