package org.watch287g.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.watch287g.dataset.AgreementKey;
import org.watch287g.dataset.UsState;

/**
 * The hand-kept table of agencies whose reach neither their name nor ICE's columns can give:
 * regional jails, judicial districts, campuses, airports ({@code gazetteer/curated-agencies.tsv}).
 * An entry matches an agency of its state whose folded name contains the entry's fragment; the
 * longest fragment wins.
 */
final class CuratedAgencies {
  private static final Pattern TAB = Pattern.compile("\t");
  private static final Pattern SEMICOLON = Pattern.compile(";");

  private final List<Entry> entries;

  private CuratedAgencies(List<Entry> entries) {
    this.entries = entries;
  }

  /** One curated agency. */
  record Entry(
      UsState state, String fragment, Jurisdiction level, Set<String> fips, String source) {
    boolean statewide() {
      return fips.isEmpty();
    }
  }

  /** The table shipped in the jar. */
  static CuratedAgencies bundled() {
    try (InputStream in =
        CuratedAgencies.class.getResourceAsStream("/gazetteer/curated-agencies.tsv")) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks /gazetteer/curated-agencies.tsv");
      }
      return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CuratedAgencies read(BufferedReader reader) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = TAB.split(line, -1);
      String bad = line;
      UsState state = UsState.parse(f[0]).orElseThrow(() -> new IllegalStateException(bad));
      Set<String> fips = f[3].equals("ST") ? Set.of() : Set.of(SEMICOLON.split(f[3], -1));
      entries.add(
          new Entry(
              state,
              AgreementKey.fold(f[1]),
              Jurisdiction.valueOf(f[2].toUpperCase(Locale.ROOT)),
              fips,
              f[4]));
    }
    entries.sort(Comparator.comparingInt((Entry e) -> e.fragment().length()).reversed());
    return new CuratedAgencies(List.copyOf(entries));
  }

  /** The entry for an agency, if the table has one. */
  Optional<Entry> find(UsState state, String agency) {
    String folded = " " + AgreementKey.fold(agency) + " ";
    return entries.stream()
        .filter(e -> e.state() == state && folded.contains(" " + e.fragment() + " "))
        .findFirst();
  }
}
