package org.watch287g.dataset;

import java.util.Locale;
import java.util.Optional;

/**
 * ICE's TYPE column (since March 2025): what level of government signed.
 *
 * <p>ICE writes "County", "Municipality", "State Agency" and "State", with noise such as trailing
 * spaces and "Muncipality"; "#NA" and blanks mean unknown.
 */
public enum AgencyType {
  COUNTY,
  MUNICIPALITY,
  /** A state government or one of its agencies ("State", "State Agency"). */
  STATE;

  /** Reads ICE's TYPE text; empty when it is blank, "#NA" or unrecognised. */
  public static Optional<AgencyType> parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("count")) {
      return Optional.of(COUNTY);
    }
    // "Muncipality" and other misspellings all start with "mun".
    if (t.startsWith("mun") || t.startsWith("city") || t.startsWith("town")) {
      return Optional.of(MUNICIPALITY);
    }
    if (t.startsWith("state")) {
      return Optional.of(STATE);
    }
    return Optional.empty();
  }
}
