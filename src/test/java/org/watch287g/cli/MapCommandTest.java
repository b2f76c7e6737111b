package org.watch287g.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.testing.SeededDatabase;

/** {@code map QUERY [--out FILE.png] [--json] [--lang en|es] [--db PATH]} (issue 16). */
class MapCommandTest {
  /** Broadest first, as map --help defines it. */
  static final List<String> BROADEST_FIRST = List.of("TFM", "JEM", "WSO");

  @TempDir Path dir;

  @Test
  @DisplayName(
      "map TX --json agrees with status TX --json county by county: each county's category is"
          + " the broadest model among the agreements status lists there, else pending, else none")
  void mapAgreesWithStatusCountyByCounty() throws Exception {
    Path db = dir.resolve("bot.db");
    SeededDatabase.create(db);
    ObjectMapper json = new ObjectMapper();

    CommandLineTest.Result map = CommandLineTest.run("map", "TX", "--json", "--db", db.toString());
    CommandLineTest.Result status =
        CommandLineTest.run("status", "TX", "--json", "--db", db.toString());

    assertEquals(0, map.status(), map.err());
    JsonNode m = json.readTree(map.out());
    JsonNode s = json.readTree(status.out());
    Map<String, String> expected = new HashMap<>();
    for (JsonNode a : s.get("agreements")) {
      if (!a.get("reach").asText().equals("counties")) {
        continue;
      }
      String model = a.get("model").asText();
      for (JsonNode county : a.get("counties")) {
        expected.merge(
            county.asText(),
            model,
            (x, y) -> BROADEST_FIRST.indexOf(x) <= BROADEST_FIRST.indexOf(y) ? x : y);
      }
    }
    for (JsonNode p : s.get("pending")) {
      if (p.get("reach").asText().equals("counties")) {
        p.get("counties").forEach(c -> expected.putIfAbsent(c.asText(), "pending"));
      }
    }
    assertEquals(254, m.get("counties").size(), "every county of Texas");
    Set<String> shaded = new HashSet<>();
    for (JsonNode c : m.get("counties")) {
      String name = c.get("name").asText();
      assertEquals(expected.getOrDefault(name, "none"), c.get("category").asText(), name + " " + c);
      if (!c.get("category").asText().equals("none")) {
        shaded.add(name);
      }
    }
    assertEquals(expected.keySet(), shaded, "no county of status is missing from the map");
    assertTrue(shaded.size() > 150, "Texas has many: " + shaded.size());
    assertEquals("2026-05-18", m.get("asOf").get("participating").asText());
    assertTrue(m.get("title").asText().contains("Texas"), m.get("title").asText());
    assertEquals("TFM", m.get("legend").get(0).get("category").asText());
    for (JsonNode st : m.get("statewide")) {
      assertTrue(st.get("agency").asText().startsWith("Texas"), st.toString());
    }
    assertTrue(m.get("statewide").size() >= 1, "Texas's state agencies are listed apart");
  }

  @Test
  @DisplayName("map harris tx --out writes a PNG of the map and prints its path and what it shows")
  void mapWritesAPng() throws Exception {
    Path db = dir.resolve("bot.db");
    SeededDatabase.create(db);
    Path png = dir.resolve("texas.png");

    CommandLineTest.Result r =
        CommandLineTest.run("map", "harris", "tx", "--out", png.toString(), "--db", db.toString());

    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains(png.toAbsolutePath().toString()), r.out());
    assertTrue(r.out().contains("Most agreements:"), r.out());
    BufferedImage image = ImageIO.read(Files.newInputStream(png));
    assertEquals(1000, image.getWidth());
  }

  @Test
  @DisplayName("map --lang es writes the legend in Spanish; a wrong --lang is refused")
  void mapInSpanish() throws Exception {
    Path db = dir.resolve("bot.db");
    SeededDatabase.create(db);

    CommandLineTest.Result es =
        CommandLineTest.run("map", "FL", "--json", "--lang", "es", "--db", db.toString());
    CommandLineTest.Result bad =
        CommandLineTest.run("map", "FL", "--lang", "fr", "--db", db.toString());

    JsonNode m = new ObjectMapper().readTree(es.out());
    assertTrue(m.get("title").asText().startsWith("Acuerdos 287(g) en Florida"), es.out());
    assertTrue(m.get("legend").get(0).get("label").asText().startsWith("Grupo de trabajo"));
    assertEquals(2, bad.status());
  }

  @Test
  @DisplayName("map of a place that is not one exits 1 with the same choices status gives, as JSON")
  void mapOfAnAmbiguousPlaceGivesStatusChoices() throws Exception {
    Path db = dir.resolve("bot.db");
    SeededDatabase.create(db);

    CommandLineTest.Result map =
        CommandLineTest.run("map", "springfield", "--json", "--db", db.toString());
    CommandLineTest.Result status =
        CommandLineTest.run("status", "springfield", "--json", "--db", db.toString());

    assertEquals(1, map.status());
    ObjectMapper json = new ObjectMapper();
    assertEquals(
        json.readTree(status.out()).get("choices"), json.readTree(map.out()).get("choices"));
  }
}
