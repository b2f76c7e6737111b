package org.watch287g.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.watch287g.geo.CountyQuery.CountyMatch;
import org.watch287g.geo.CountyQuery.StateMatch;
import org.watch287g.geo.CountyQuery.Suggestion;

/** Autocomplete as a Discord or Slack user types: {@link CountyQuery#complete}. */
class CountyCompletionTest {
  static final CountyQuery Q = CountyQueryTest.Q;

  static List<String> labels(List<Suggestion> suggestions) {
    return suggestions.stream().map(Suggestion::label).toList();
  }

  static List<String> values(List<Suggestion> suggestions) {
    return suggestions.stream().map(Suggestion::value).toList();
  }

  @Test
  @DisplayName("'harr' offers Harris County in Texas and Georgia first, within 25")
  void harr() {
    List<Suggestion> s = Q.complete("harr", 25);
    assertEquals(List.of("13145", "48201"), values(s).subList(0, 2));
    assertEquals("Harris County, TX", s.get(1).label());
    assertTrue(labels(s).contains("Harrison County, WV"), labels(s).toString());
  }

  @Test
  @DisplayName("a state after the name narrows to it: 'harris t', 'harris county, tex'")
  void stateNarrows() {
    assertEquals(List.of("48201"), values(Q.complete("harris t", 25)));
    assertEquals(List.of("48201"), values(Q.complete("Harris County, Tex", 25)));
  }

  @Test
  @DisplayName("'st lou' and 'saint lou' offer both St. Louis counties and the city")
  void saints() {
    List<String> expected = List.of("27137", "29189", "29510");
    assertEquals(expected, values(Q.complete("st lou", 25)));
    assertEquals(expected, values(Q.complete("Saint Lou", 25)));
  }

  @Test
  @DisplayName("'san ' (word finished) offers San Diego, San Juan... but not Sanborn or Sangamon")
  void finishedWord() {
    List<String> labels = labels(Q.complete("san ", 25));
    assertTrue(labels.contains("San Diego County, CA"), labels.toString());
    assertTrue(labels.stream().allMatch(l -> l.startsWith("San ")), labels.toString());
    assertTrue(labels(Q.complete("san", 25)).stream().anyMatch(l -> l.startsWith("Sanborn")));
  }

  @Test
  @DisplayName("accents do not matter: 'doña' offers Doña Ana County")
  void accents() {
    assertEquals("35013", Q.complete("doña", 25).get(0).value());
  }

  @Test
  @DisplayName("digits complete FIPS codes in code order: '48' is Texas's counties from 48001")
  void fipsPrefix() {
    List<Suggestion> s = Q.complete("48", 25);
    assertEquals(25, s.size());
    assertEquals("48001", s.get(0).value());
    assertTrue(values(s).stream().allMatch(v -> v.startsWith("48")));
    assertEquals(List.of("48201"), values(Q.complete("48201", 25)));
  }

  @Test
  @DisplayName("a state's code or name comes first, as the whole state")
  void states() {
    List<Suggestion> tex = Q.complete("tex", 25);
    assertEquals(new Suggestion("Texas (whole state)", "TX"), tex.get(0));
    assertEquals(List.of("TX", "29215", "40139"), values(tex));
    assertEquals("LA", Q.complete("la", 25).get(0).value());
    assertEquals("NY", Q.complete("new y", 25).get(0).value());
  }

  @Test
  @DisplayName("a later word of a name completes too: 'dade' offers Miami-Dade after Dade")
  void laterWords() {
    assertEquals(List.of("13083", "29057", "12086"), values(Q.complete("dade", 25)));
  }

  @Test
  @DisplayName("a misspelt start still finds the county: 'hariss', 'jeferson par', 'hariss tx'")
  void misspellings() {
    assertEquals(List.of("13145", "48201"), values(Q.complete("hariss", 25)).subList(0, 2));
    assertEquals(List.of("48201"), values(Q.complete("hariss tx", 25)).subList(0, 1));
    assertTrue(labels(Q.complete("jeferson", 25)).contains("Jefferson Parish, LA"));
  }

  @Test
  @DisplayName("nothing typed yet offers the states; nonsense offers nothing")
  void emptyAndNonsense() {
    List<Suggestion> empty = Q.complete("", 25);
    assertEquals(25, empty.size());
    assertEquals("AL", empty.get(0).value());
    assertEquals(List.of(), Q.complete("qqqq", 25));
    assertEquals(List.of(), Q.complete("x".repeat(201), 25));
  }

  @ParameterizedTest(name = "limit {0}")
  @DisplayName("never more than the limit")
  @ValueSource(ints = {0, 1, 3, 25, 100})
  void limit(int limit) {
    for (String prefix : List.of("", "a", "wash", "48", "s", "hariss", "new ", "st")) {
      assertTrue(Q.complete(prefix, limit).size() <= limit, prefix);
    }
    assertTrue(Q.complete("a", 100).size() == 100, "plenty start with 'a'");
  }

  @Test
  @DisplayName("every suggestion's value reads back as exactly what its label says")
  void valuesReadBack() {
    Set<String> prefixes = new LinkedHashSet<>();
    for (County c : Gazetteer.bundled().allCounties()) {
      String name = Names.fold(c.shortName());
      prefixes.add(name.substring(0, Math.min(3, name.length())));
    }
    prefixes.addAll(List.of("tex", "", "la", "new ", "48", "hariss"));
    for (String prefix : prefixes) {
      for (Suggestion s : Q.complete(prefix, 25)) {
        CountyQuery.Result r = Q.parse(s.value());
        if (r instanceof StateMatch state) {
          assertEquals(state.state().title() + " (whole state)", s.label());
        } else {
          assertEquals(s.label(), ((CountyMatch) r).county().label(), prefix);
        }
        assertFalse(s.label().isBlank());
      }
    }
  }
}
