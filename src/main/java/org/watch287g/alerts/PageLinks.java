package org.watch287g.alerts;

import java.util.Optional;
import java.util.Set;
import org.watch287g.dataset.UsState;

/**
 * Where the public pages of a county or a state are, for alerts and {@code status} replies to link
 * to: {@code web.publicUrl} followed by {@code county/48201} or {@code state/TX}. {@link #NONE}
 * links nowhere (the pages are off, or nobody said where the public reaches them).
 *
 * @param base the pages' public address, ending with "/"; empty for none
 */
public record PageLinks(String base) {
  /** No pages to link to. */
  public static final PageLinks NONE = new PageLinks("");

  public PageLinks {
    if (!base.isEmpty() && !base.endsWith("/")) {
      base = base + "/";
    }
  }

  /** A county's page, by its FIPS code. */
  public Optional<String> county(String fips) {
    return base.isEmpty() ? Optional.empty() : Optional.of(base + "county/" + fips);
  }

  /** A state's page. */
  public Optional<String> state(UsState state) {
    return base.isEmpty() ? Optional.empty() : Optional.of(base + "state/" + state.code());
  }

  /** The page of where an agreement reaches: its one county, else its state. */
  public Optional<String> of(UsState state, Set<String> counties) {
    return counties.size() == 1 ? county(counties.iterator().next()) : state(state);
  }
}
