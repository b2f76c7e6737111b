package org.watch287g.changes;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.watch287g.dataset.Publication;

/**
 * Which of ICE's columns a publication has, from its header as written.
 *
 * <p>The header names repeat what the reader ({@code source.Column}) accepts, because the core may
 * not import it: "AGENCY" until 2017 and "LAW ENFORCEMENT AGENCY" since; "DATES SIGNED" until 2017
 * and "SIGNED" since.
 */
enum Columns {
  STATE("STATE"),
  AGENCY("LAW ENFORCEMENT AGENCY", "AGENCY"),
  TYPE("TYPE"),
  COUNTY("COUNTY"),
  SUPPORT_TYPE("SUPPORT TYPE"),
  SIGNED("SIGNED", "DATES SIGNED", "DATE SIGNED"),
  MOA("MOA"),
  ADDENDUM("ADDENDUM");

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

  // List.of is immutable; Error Prone only trusts Guava's types to be.
  @SuppressWarnings("ImmutableEnumChecker")
  private final List<String> names;

  Columns(String... names) {
    this.names = List.of(names);
  }

  /** The name ICE uses today, for messages. */
  String title() {
    return names.get(0);
  }

  /** Whether the publication's header has this column under any of its names. */
  boolean in(Publication publication) {
    return in(headerOf(publication));
  }

  /** Whether both publications have this column: only then can its values be compared. */
  boolean inBoth(Publication a, Publication b) {
    return in(a) && in(b);
  }

  private boolean in(Set<String> header) {
    return names.stream().anyMatch(header::contains);
  }

  private static Set<String> headerOf(Publication publication) {
    Set<String> header = new HashSet<>();
    for (String cell : publication.columns()) {
      header.add(SPACES.matcher(cell).replaceAll(" ").strip().toUpperCase(Locale.ROOT));
    }
    return header;
  }
}
