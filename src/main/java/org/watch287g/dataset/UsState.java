package org.watch287g.dataset;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The states, the District of Columbia and the territories ICE lists (its 2026 files include Guam
 * and the Northern Mariana Islands), with their Census FIPS codes.
 *
 * <p>ICE writes full upper-case names ("NORTH CAROLINA"); people write "nc", "N.C." or "North
 * Carolina". {@link #parse} accepts all of them.
 */
public enum UsState {
  AL("01", "Alabama"),
  AK("02", "Alaska"),
  AZ("04", "Arizona"),
  AR("05", "Arkansas"),
  CA("06", "California"),
  CO("08", "Colorado"),
  CT("09", "Connecticut"),
  DE("10", "Delaware"),
  DC("11", "District of Columbia"),
  FL("12", "Florida"),
  GA("13", "Georgia"),
  HI("15", "Hawaii"),
  ID("16", "Idaho"),
  IL("17", "Illinois"),
  IN("18", "Indiana"),
  IA("19", "Iowa"),
  KS("20", "Kansas"),
  KY("21", "Kentucky"),
  LA("22", "Louisiana"),
  ME("23", "Maine"),
  MD("24", "Maryland"),
  MA("25", "Massachusetts"),
  MI("26", "Michigan"),
  MN("27", "Minnesota"),
  MS("28", "Mississippi"),
  MO("29", "Missouri"),
  MT("30", "Montana"),
  NE("31", "Nebraska"),
  NV("32", "Nevada"),
  NH("33", "New Hampshire"),
  NJ("34", "New Jersey"),
  NM("35", "New Mexico"),
  NY("36", "New York"),
  NC("37", "North Carolina"),
  ND("38", "North Dakota"),
  OH("39", "Ohio"),
  OK("40", "Oklahoma"),
  OR("41", "Oregon"),
  PA("42", "Pennsylvania"),
  RI("44", "Rhode Island"),
  SC("45", "South Carolina"),
  SD("46", "South Dakota"),
  TN("47", "Tennessee"),
  TX("48", "Texas"),
  UT("49", "Utah"),
  VT("50", "Vermont"),
  VA("51", "Virginia"),
  WA("53", "Washington"),
  WV("54", "West Virginia"),
  WI("55", "Wisconsin"),
  WY("56", "Wyoming"),
  AS("60", "American Samoa"),
  GU("66", "Guam"),
  MP("69", "Northern Mariana Islands"),
  PR("72", "Puerto Rico"),
  VI("78", "U.S. Virgin Islands");

  private static final Map<String, UsState> BY_KEY = new HashMap<>();

  static {
    for (UsState s : values()) {
      BY_KEY.put(key(s.name()), s);
      BY_KEY.put(key(s.title), s);
    }
    BY_KEY.put(key("Washington DC"), DC);
    BY_KEY.put(key("Washington D.C."), DC);
    BY_KEY.put(key("Virgin Islands"), VI);
    BY_KEY.put(key("US Virgin Islands"), VI);
    BY_KEY.put(key("United States Virgin Islands"), VI);
    BY_KEY.put(key("Commonwealth of the Northern Mariana Islands"), MP);
    BY_KEY.put(key("Northern Marianas"), MP);
  }

  private final String fips;
  private final String title;

  UsState(String fips, String title) {
    this.fips = fips;
    this.title = title;
  }

  /** The two-digit Census FIPS code, e.g. "48" for Texas. */
  public String fips() {
    return fips;
  }

  /** The name as people write it, e.g. "North Carolina". */
  public String title() {
    return title;
  }

  /** The two-letter postal code, e.g. "NC". */
  public String code() {
    return name();
  }

  /**
   * Reads a state from a postal code or a name in any case, with or without dots and extra spaces;
   * empty when the text names no state.
   */
  public static Optional<UsState> parse(String text) {
    return Optional.ofNullable(BY_KEY.get(key(text)));
  }

  /** The state with this two-digit FIPS code, if any. */
  public static Optional<UsState> fromFips(String fips) {
    for (UsState s : values()) {
      if (s.fips.equals(fips)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The letters only, lower case: "N. Carolina" and "n carolina" share a key. */
  private static String key(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder letters = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c >= 'a' && c <= 'z') {
        letters.append(c);
      }
    }
    return letters.toString();
  }
}
