package org.watch287g.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.UsState;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.watch.BundledSnapshots;

/** A coverage stored with a change reads back as the resolver decided it, for every agency. */
class RecordedCoverageTest {
  @Test
  @DisplayName(
      "every agency of the 2026-05-18 list reads back with the counties it was stored with")
  void everyAgencyReadsBackAsResolved() throws Exception {
    String file = "2026-05-18-participating.xlsx";
    AgencyResolver resolver = AgencyResolver.bundled();
    int checked = 0;
    for (Agreement a :
        new SpreadsheetParser().parse(BundledSnapshots.read(file), file).agreements()) {
      Coverage resolved = resolver.resolve(a);
      Coverage recorded = Coverage.recorded(a.state(), resolved.predictedFips());

      assertEquals(resolved.counties(), recorded.counties(), a.agency());
      assertEquals(resolved.statewide(), recorded.statewide(), a.agency());
      assertEquals(resolved.alertsWholeState(), recorded.alertsWholeState(), a.agency());
      assertEquals(resolved.predictedFips(), recorded.predictedFips(), a.agency());
      checked++;
    }
    assertEquals(1_843, checked);
  }

  @Test
  @DisplayName("a stored coverage that names another state's county is refused, not sent")
  void anotherStatesCountyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Coverage.recorded(UsState.TX, "12021"));
    assertThrows(IllegalArgumentException.class, () -> Coverage.recorded(UsState.TX, "ST:FL"));
  }
}
