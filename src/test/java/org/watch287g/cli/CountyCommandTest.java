package org.watch287g.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.cli.CommandLineTest.Result;

/** {@code county QUERY...} as a user runs it. */
class CountyCommandTest {
  static Result run(String... args) {
    return CommandLineTest.run(args);
  }

  static JsonNode json(Result r) throws Exception {
    assertEquals(1, r.out().strip().lines().count(), "one line of JSON:\n" + r.out());
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  @DisplayName("county harris tx --json prints the county as match and first candidate, exit 0")
  void countyJson() throws Exception {
    Result r = run("county", "harris", "tx", "--json");

    assertEquals(0, r.status(), r.err());
    JsonNode j = json(r);
    assertEquals("county", j.get("kind").asText());
    assertEquals("harris tx", j.get("query").asText());
    JsonNode harris =
        new ObjectMapper()
            .readTree("{\"fips\":\"48201\",\"name\":\"Harris County\",\"state\":\"TX\"}");
    assertEquals(harris, j.get("match"));
    assertEquals(1, j.get("candidates").size());
    assertEquals(harris, j.get("candidates").get(0));
    assertEquals("name", j.get("basis").asText());
    assertEquals(false, j.get("corrected").asBoolean());
  }

  @Test
  @DisplayName("an ambiguous name prints a null match and every candidate, exit 1")
  void ambiguousJson() throws Exception {
    Result r = run("county", "Washington", "County", "--json");

    assertEquals(1, r.status());
    JsonNode j = json(r);
    assertEquals("ambiguous", j.get("kind").asText());
    assertTrue(j.get("match").isNull());
    assertEquals(30, j.get("candidates").size());
    assertEquals("01129", j.get("candidates").get(0).get("fips").asText());
  }

  @Test
  @DisplayName("a state alone prints the state as match with no candidates, exit 0")
  void stateJson() throws Exception {
    JsonNode j = json(run("county", "texas", "--json"));

    assertEquals("state", j.get("kind").asText());
    assertEquals(
        new ObjectMapper().readTree("{\"state\":\"TX\",\"name\":\"Texas\"}"), j.get("match"));
    assertEquals(0, j.get("candidates").size());
  }

  @Test
  @DisplayName("no match prints a null match, the message and suggestions, exit 1")
  void noMatchJson() throws Exception {
    Result r = run("county", "harris", "fl", "--json");

    assertEquals(1, r.status());
    JsonNode j = json(r);
    assertEquals("none", j.get("kind").asText());
    assertTrue(j.get("match").isNull());
    assertTrue(j.get("note").asText().contains("Florida"), j.toString());
    assertEquals("13145", j.get("candidates").get(0).get("fips").asText());
  }

  @Test
  @DisplayName("for people: the county and its code, or the options, or the closest names")
  void forPeople() {
    Result county = run("county", "Harris", "County,", "Texas");
    Result city = run("county", "Hialeah", "FL");
    Result ambiguous = run("county", "Houston TX");
    Result none = run("county", "asdfgh");

    assertEquals(0, county.status());
    assertEquals("Harris County, TX (FIPS 48201)", county.out().strip());
    assertTrue(city.out().contains("Hialeah, FL is in Miami-Dade County"), city.out());
    assertEquals(1, ambiguous.status());
    assertTrue(ambiguous.out().startsWith("ambiguous:"), ambiguous.out());
    assertTrue(ambiguous.out().contains("Harris County, TX (FIPS 48201)"), ambiguous.out());
    assertEquals(1, none.status());
    assertTrue(none.out().startsWith("no county"), none.out());
  }
}
