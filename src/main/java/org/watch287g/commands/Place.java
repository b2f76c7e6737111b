package org.watch287g.commands;

import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Target;
import org.watch287g.alerts.Texts;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.County;

/**
 * A county or a whole state, as a person named it.
 *
 * @param county the county; null for a whole state
 * @param state the state (the county's, when there is a county)
 */
public record Place(@Nullable County county, UsState state) {
  public Place {
    if (county != null && county.state() != state) {
      throw new IllegalArgumentException(county.label() + " is not in " + state);
    }
  }

  public static Place of(County county) {
    return new Place(county, county.state());
  }

  public static Place of(UsState state) {
    return new Place(null, state);
  }

  /** What a channel follows to follow this place. */
  public Target target() {
    return county == null ? Target.state(state) : Target.county(county.fips());
  }

  /**
   * The code that reads back as exactly this place, for "did you mean" buttons and autocomplete:
   * the county's FIPS code or the state's postal code.
   */
  public String code() {
    return county == null ? state.code() : county.fips();
  }

  /** "Harris County, TX", or the state's name in the language ("Nuevo México"). */
  public String label(Language language) {
    return label(Texts.of(language));
  }

  String label(Texts words) {
    return county == null ? words.state(state) : county.label();
  }
}
