package org.watch287g.geo;

import java.util.Objects;
import org.watch287g.dataset.UsState;

/**
 * A county or county-equivalent: a parish, borough, census area, independent city, planning region
 * (Connecticut) or territory district.
 *
 * @param fips the 5-digit FIPS code, 2023 vintage, e.g. "48201"
 * @param state the state it is in
 * @param name its full name, e.g. "Harris County", "Orleans Parish", "St. Louis city"
 */
public record County(String fips, UsState state, String name) {

  public County {
    Objects.requireNonNull(state, "state");
    if (fips.length() != 5 || !fips.startsWith(state.fips())) {
      throw new IllegalArgumentException("not a county FIPS of " + state + ": " + fips);
    }
  }

  /** "Harris County, TX": the name people read in a chat message. */
  public String label() {
    return name + ", " + state.code();
  }

  /**
   * The name without its kind, e.g. "Harris" for "Harris County", "Orleans" for "Orleans Parish".
   * Independent cities keep "city" ("St. Louis city"), since many share a name with a county.
   */
  public String shortName() {
    return Names.withoutCountyKind(name);
  }
}
