package org.watch287g.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.CountyQuery.Ambiguous;
import org.watch287g.geo.CountyQuery.Basis;
import org.watch287g.geo.CountyQuery.CountyMatch;
import org.watch287g.geo.CountyQuery.NoMatch;
import org.watch287g.geo.CountyQuery.Result;
import org.watch287g.geo.CountyQuery.StateMatch;

/** What people write for a county, and what {@link CountyQuery#parse} makes of it. */
class CountyQueryTest {
  static final CountyQuery Q = new CountyQuery(Gazetteer.bundled());

  static List<String> fips(List<County> counties) {
    return counties.stream().map(County::fips).toList();
  }

  /**
   * The result in a few words: "48201" for a county, "state TX", "ambiguous 13145 48201" (the first
   * candidates, in order), "none".
   */
  static String brief(Result r, int candidates) {
    if (r instanceof CountyMatch m) {
      return m.county().fips();
    }
    if (r instanceof StateMatch s) {
      return "state " + s.state().code();
    }
    if (r instanceof Ambiguous a) {
      return "ambiguous "
          + String.join(
              " ", fips(a.candidates()).subList(0, Math.min(candidates, a.candidates().size())));
    }
    return "none";
  }

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @DisplayName("real-world phrasings are read as the county or state meant")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          harris tx                           | 48201
          Harris County, Texas                | 48201
          'Harris, TX'                        | 48201
          harris county tx                    | 48201
          HARRIS COUNTY, TX                   | 48201
          Harris County (TX)                  | 48201
          'Harris County, TX, USA'            | 48201
          harris county in texas              | 48201
          48201                               | 48201
          fips 48201                          | 48201
          1001                                | 01001
          46113                               | 46102
          02270                               | 02158
          Orleans Parish                      | 22071
          orleans parish la                   | 22071
          orleans county la                   | 22071
          St. Louis city                      | 29510
          st louis city mo                    | 29510
          City of St. Louis                   | 29510
          Saint Louis County MO               | 29189
          dona ana nm                         | 35013
          'Doña Ana County, New Mexico'       | 35013
          Miami Dade                          | 12086
          miami-dade fl                       | 12086
          'Miami-Dade County, Florida'        | 12086
          TX                                  | state TX
          Texas                               | state TX
          texas                               | state TX
          N.C.                                | state NC
          north carolina                      | state NC
          LA                                  | state LA
          Washington                          | state WA
          'Washington, D.C.'                  | state DC
          District of Columbia                 | state DC
          Guam                                | state GU
          'Lee County, Florida'               | 12071
          lee fl                              | 12071
          beauregard parish la                | 22011
          multnomah or                        | 41051
          harris cnty tx                      | 48201
          harris co. tx                       | 48201
          'Harris Conty, TX'                  | 48201
          hariss tx                           | 48201
          miami dad                           | 12086
          jeferson parish                     | 22051
          los angles ca                       | 06037
          Los Angeles County                  | 06037
          LA County                           | 06037
          county of los angeles               | 06037
          Hialeah FL                          | 12086
          Hialeah                             | 12086
          hialea fl                           | 12086
          Fort Myers FL                       | 12071
          'ft. myers, fl'                     | 12071
          Fairfax                             | 51059
          'Fairfax County, VA'                | 51059
          Fairfax city                        | 51600
          'City of Fairfax, Virginia'         | 51600
          Virginia Beach                      | 51810
          norfolk va                          | 51710
          richmond city va                    | 51760
          James City County                   | 51095
          Baltimore city                      | 24510
          baltimore md                        | 24005
          Bethel Census Area                  | 02050
          kusilvak census area                | 02158
          Matanuska-Susitna Borough           | 02170
          mat-su                              | 02170
          north slope ak                      | 02185
          juneau ak                           | 02110
          juneau                              | ambiguous 02110 55057
          anchorage ak                        | 02020
          San Juan PR                         | 72127
          san juan municipio                  | 72127
          'Jefferson Parish, Louisiana'       | 22051
          St. Tammany Parish                  | 22103
          east baton rouge                    | 22033
          Calcasieu parrish                   | 22019
          de kalb ga                          | 13089
          'DeKalb County, Georgia'            | 13089
          'Prince George''s County, MD'       | 24033
          PG County                           | 24033
          Oglala Lakota County SD             | 46102
          Kansas City KS                      | 20209
          Carson City                         | 32510
          Capitol Planning Region             | 09110
          hartford ct                         | 09110
          11001                               | 11001
          St. Croix Island                    | 78010
          st croix vi                         | 78010
          Island County, WA                   | 53029
          'Texas County, Missouri'            | 29215
          colorado tx                         | 48089
          iowa county iowa                    | 19095
          Ste. Genevieve County MO            | 29186
          Sainte Genevieve                    | 29186
          mc lennan tx                        | 48309
          'O''Brien County, Iowa'             | 19141
          obrien ia                           | 19141
          Lac qui Parle                       | 27073
          la salle il                         | 17099
          'Houston County, Texas'             | 48225
          Fort Bend                           | 48157
          saint lucie                         | 12111
          Harris                              | ambiguous 13145 48201
          hariss                              | ambiguous 13145 48201
          Washington County                   | ambiguous 01129 05143
          Houston TX                          | ambiguous 48225 48201
          Austin TX                           | ambiguous 48015 48453
          Orleans                             | ambiguous 22071 36073 50019
          St. Louis                           | ambiguous 27137 29189 29510
          Texas County                        | ambiguous 29215 40139
          02261                               | ambiguous 02063 02066
          Yoakum TX                           | ambiguous 48501
          asdfgh                              | none
          harris fl                           | none
          99999                               | none
          123                                 | none
          """)
  void readsRealPhrasings(String query, String expected) {
    int candidates = expected.split(" ", -1).length - 1;
    assertEquals(expected, brief(Q.parse(query), candidates), () -> query + ": " + Q.parse(query));
  }

  @Test
  @DisplayName("every county's label and FIPS code read back as exactly that county")
  void labelsAndCodesReadBack() {
    for (County c : Gazetteer.bundled().allCounties()) {
      assertEquals(c, ((CountyMatch) Q.parse(c.fips())).county(), c.fips());
      Result byLabel = Q.parse(c.label());
      assertInstanceOf(CountyMatch.class, byLabel, c.label());
      assertEquals(c, ((CountyMatch) byLabel).county(), c.label());
    }
  }

  @Test
  @DisplayName("how a county was found is told: name, code, old code, city, and corrected spelling")
  void basisAndCorrection() {
    assertEquals(new CountyMatch(county("48201"), Basis.NAME, false, ""), Q.parse("harris tx"));
    assertEquals(new CountyMatch(county("48201"), Basis.FIPS, false, ""), Q.parse("48201"));
    CountyMatch old = (CountyMatch) Q.parse("46113");
    assertEquals(Basis.OLD_FIPS, old.basis());
    assertTrue(old.note().contains("46102"), old.note());
    CountyMatch typo = (CountyMatch) Q.parse("hariss tx");
    assertEquals(Basis.NAME, typo.basis());
    assertTrue(typo.corrected());
    CountyMatch city = (CountyMatch) Q.parse("Hialeah FL");
    assertEquals(Basis.PLACE, city.basis());
    assertFalse(city.corrected());
    assertEquals("Hialeah, FL is in Miami-Dade County", city.note());
    assertTrue(((CountyMatch) Q.parse("hialea fl")).corrected());
  }

  @Test
  @DisplayName("a city that shares its name with a county elsewhere in the state is flagged")
  void cityNamedLikeAnotherCounty() {
    Ambiguous houston = (Ambiguous) Q.parse("Houston TX");
    assertEquals(List.of("48225", "48201"), fips(houston.candidates()));
    assertEquals("Houston, TX is mostly in Harris County", houston.note());
    CountyMatch fairfax = (CountyMatch) Q.parse("Fairfax");
    assertEquals("also Fairfax city, VA", fairfax.note(), "the independent city is named");
    assertEquals(county("12071"), ((CountyMatch) Q.parse("Lee FL")).county(), "a town is no city");
  }

  @Test
  @DisplayName("a name in 30 states lists all 30, by how exactly it matched then by state name")
  void ambiguousNamesAreRanked() {
    Ambiguous washington = (Ambiguous) Q.parse("Washington County");
    assertEquals(30, washington.candidates().size());
    List<String> states = washington.candidates().stream().map(c -> c.state().title()).toList();
    assertEquals(states.stream().sorted().toList(), states);
    assertTrue(
        washington.candidates().stream().allMatch(c -> c.name().equals("Washington County")));
    Ambiguous richmond = (Ambiguous) Q.parse("Richmond");
    assertEquals(
        "51760",
        richmond.candidates().get(richmond.candidates().size() - 1).fips(),
        "the independent city, named without 'city', comes after the counties");
  }

  @Test
  @DisplayName("a place in several counties lists them by share of its people")
  void placeInSeveralCounties() {
    Ambiguous yoakum = (Ambiguous) Q.parse("Yoakum TX");
    assertEquals(List.of("48501", "48285", "48123"), fips(yoakum.candidates()));
    assertEquals("Yoakum, TX lies in Lavaca County and DeWitt County", yoakum.note());
  }

  @Test
  @DisplayName("nonsense gets a no-match with no suggestions, a near miss gets suggestions")
  void noMatchSuggestions() {
    NoMatch junk = (NoMatch) Q.parse("asdfgh");
    assertTrue(junk.message().contains("asdfgh"), junk.message());
    assertEquals(List.of(), junk.suggestions());
    NoMatch harris = (NoMatch) Q.parse("harris fl");
    assertTrue(harris.message().contains("Florida"), harris.message());
    assertEquals(List.of("13145", "48201"), fips(harris.suggestions()));
    NoMatch dade = (NoMatch) Q.parse("dade county fl");
    assertTrue(fips(dade.suggestions()).contains("12086"), "Miami-Dade: " + dade);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @DisplayName("empty or punctuation-only text is a friendly no-match")
  @ValueSource(strings = {"", "   ", "!!!", ",", "—"})
  void emptyText(String text) {
    NoMatch none = assertInstanceOf(NoMatch.class, Q.parse(text));
    assertEquals("nothing to look up", none.message());
  }

  @Test
  @DisplayName("text over 200 characters is a no-match that says so, never an exception")
  void longText() {
    char[] junk = new char[500];
    Arrays.fill(junk, 'x');
    NoMatch tooLong = (NoMatch) Q.parse(new String(junk));
    assertTrue(tooLong.message().contains("200"), tooLong.message());
    assertInstanceOf(NoMatch.class, Q.parse("harris tx " + " ".repeat(200)));
    assertInstanceOf(CountyMatch.class, Q.parse("harris tx" + " ".repeat(191)));
  }

  @Test
  @DisplayName("random text never throws, and every result keeps its promises")
  void randomTextNeverThrows() {
    Random random = new Random(287);
    String alphabet = "abcdefghijklmnopqrstuvwxyz      0123456789.,'-ñéÅ&\t\u2019\u00a0";
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(40); n > 0; n--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      Result r = Q.parse(text.toString());
      if (r instanceof Ambiguous a) {
        assertTrue(a.candidates().size() >= 2, () -> text + ": " + a);
      } else if (r instanceof NoMatch n) {
        assertTrue(n.suggestions().size() <= CountyQuery.SUGGESTIONS, () -> text + ": " + n);
      }
    }
  }

  @Test
  @DisplayName("one instance answers many threads at once alike")
  void threadSafe() {
    List<String> labels = Gazetteer.bundled().allCounties().stream().map(County::label).toList();
    List<Result> parallel = labels.parallelStream().map(Q::parse).toList();
    assertEquals(labels.stream().map(Q::parse).toList(), parallel);
  }

  @Test
  @DisplayName("a whole state is told apart from the county named after it")
  void statesAndCountiesNamedAlike() {
    assertEquals(new StateMatch(UsState.IA), Q.parse("Iowa"));
    assertEquals(
        List.of("19095", "55049"), fips(((Ambiguous) Q.parse("Iowa County")).candidates()));
  }

  static County county(String fips) {
    return Gazetteer.bundled().county(fips).orElseThrow();
  }
}
