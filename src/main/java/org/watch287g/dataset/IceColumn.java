package org.watch287g.dataset;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The columns ICE has used since 2011, with every header text that names each one: the one table
 * the reader ({@code source}) and the publication guard ({@code changes}) share.
 *
 * <p>Headers are matched after {@link CellText#clean} and upper-casing, so "Law Enforcement Agency
 * " is LAW ENFORCEMENT AGENCY. Anything else is an unknown column and is ignored.
 */
public enum IceColumn {
  STATE("STATE"),
  /** "AGENCY" until 2017, "LAW ENFORCEMENT AGENCY" since. */
  AGENCY("LAW ENFORCEMENT AGENCY", "AGENCY"),
  /** Since March 2025. */
  TYPE("TYPE"),
  /** Since April 2025. */
  COUNTY("COUNTY"),
  SUPPORT_TYPE("SUPPORT TYPE"),
  /**
   * "DATES SIGNED" until 2017, "SIGNED" since; its presence makes a file the participating list.
   */
  SIGNED("SIGNED", "DATES SIGNED", "DATE SIGNED"),
  MOA("MOA"),
  /** Since July 2025. */
  ADDENDUM("ADDENDUM");

  private static final IceColumn[] ALL = values();

  // List.of is immutable; Error Prone only trusts Guava's types to be.
  @SuppressWarnings("ImmutableEnumChecker")
  private final List<String> names;

  IceColumn(String... names) {
    this.names = List.of(names);
  }

  /** The name ICE uses today, for messages. */
  public String title() {
    return names.get(0);
  }

  /** The column a header cell names, or null when it names none of them. */
  public static @Nullable IceColumn named(String headerText) {
    String key = CellText.clean(headerText).toUpperCase(Locale.ROOT);
    for (IceColumn column : ALL) {
      if (column.names.contains(key)) {
        return column;
      }
    }
    return null;
  }
}
