package org.watch287g.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.testing.SeededDatabase;

/** {@code status QUERY [--db] [--json]}: the chat answer on the command line. */
class StatusCommandTest {
  @TempDir Path dir;

  @Test
  @DisplayName(
      "status --json prints one object with the place, its agreements, requests and changes")
  void json() throws Exception {
    Path db = dir.resolve("bot.db");
    SeededDatabase.create(db);

    CommandLineTest.Result r =
        CommandLineTest.run("status", "brevard", "fl", "--db", db.toString(), "--json");

    assertEquals(0, r.status(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals("12009", json.get("place").get("fips").asText());
    assertEquals("county", json.get("place").get("kind").asText());
    assertEquals("2026-05-18", json.get("agreementsAsOf").asText());
    JsonNode first = json.get("agreements").get(0);
    for (String field : new String[] {"agency", "model", "signed", "moa", "moaPending"}) {
      assertTrue(first.has(field), field + " in " + first);
    }
    assertTrue(json.get("pending").isArray());
    JsonNode change = json.get("recent").get(0);
    assertEquals("RENAMED", change.get("type").asText());
    assertEquals("Indialantic Police Department", change.get("previousAgency").asText());
  }

  @Test
  @DisplayName(
      "status prints the chat answer as text, and exits 1 with choices for an ambiguous place")
  void textAndAmbiguous() throws Exception {
    Path db = dir.resolve("bot.db");
    SeededDatabase.create(db);

    CommandLineTest.Result harris =
        CommandLineTest.run("status", "harris", "tx", "--db", db.toString());
    CommandLineTest.Result springfield =
        CommandLineTest.run("status", "springfield", "--db", db.toString(), "--json");

    assertEquals(0, harris.status(), harris.err());
    assertTrue(harris.out().startsWith("287(g) in Harris County, TX"), harris.out());
    assertEquals(1, springfield.status());
    JsonNode json = new ObjectMapper().readTree(springfield.out());
    assertTrue(json.get("choices").size() >= 2, springfield.out());
  }

  @Test
  @DisplayName("status TX csv prints the whole list of Texas as CSV, ready to redirect to a file")
  void csv() throws Exception {
    Path db = dir.resolve("bot.db");
    SeededDatabase.create(db);

    CommandLineTest.Result r = CommandLineTest.run("status", "TX", "csv", "--db", db.toString());

    assertEquals(0, r.status(), r.err());
    assertTrue(
        r.out().startsWith("list,agency,state,model,signed,moa,moa_pending,reach,counties\r\n"));
    assertTrue(r.out().contains("in force,Armstrong County Sheriff's Office,TX,TFM,2026-01-26,"));
    assertEquals(1 + 387, r.out().lines().count(), "a header and Texas's 387 agreements");
  }

  @Test
  @DisplayName("status on a new database answers from the snapshots bundled in the jar")
  void freshDatabase() {
    CommandLineTest.Result r =
        CommandLineTest.run("status", "TX", "--db", dir.resolve("new.db").toString());

    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Agreements in force:"), r.out());
  }
}
