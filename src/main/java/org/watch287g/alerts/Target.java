package org.watch287g.alerts;

import java.util.Optional;
import java.util.regex.Pattern;
import org.watch287g.dataset.UsState;

/**
 * What a channel follows: one county (by FIPS) or a whole state.
 *
 * @param code a 5-digit county FIPS ("48201") or "ST:" and a state code ("ST:TX"), the same codes
 *     {@code resolve} prints
 */
public record Target(String code) {
  private static final Pattern FIPS = Pattern.compile("\\d{5}");

  public Target {
    if (!FIPS.matcher(code).matches() && parseState(code).isEmpty()) {
      throw new IllegalArgumentException("not a county FIPS or ST:XX: " + code);
    }
  }

  public static Target county(String fips) {
    return new Target(fips);
  }

  public static Target state(UsState state) {
    return new Target("ST:" + state.code());
  }

  /** The whole state this target is, if it is one. */
  public Optional<UsState> wholeState() {
    return parseState(code);
  }

  /** The state this target is in: the state itself, or the county's. */
  public UsState state() {
    return wholeState()
        .orElseGet(
            () ->
                UsState.fromFips(code.substring(0, 2))
                    .orElseThrow(() -> new IllegalStateException("unknown state in " + code)));
  }

  private static Optional<UsState> parseState(String code) {
    return code.startsWith("ST:") && code.length() == 5
        ? UsState.parse(code.substring(3))
        : Optional.empty();
  }
}
