package org.watch287g.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.Language;
import org.watch287g.geo.CountyQuery;
import org.watch287g.geo.Gazetteer;
import org.watch287g.maps.Category;

/** {@code map} answers on the real bundled publications (issue 16). */
class MapAnswersTest {
  static CountyQuery query;

  @TempDir Path dir;
  CommandService service;

  @BeforeAll
  static void index() {
    query = new CountyQuery(Gazetteer.bundled());
  }

  @BeforeEach
  void open() throws Exception {
    service = StatusAnswersTest.seeded(query, dir);
  }

  Reply ask(String text) {
    return service.respond(text, StatusAnswersTest.MEMBER).reply();
  }

  @Test
  @DisplayName(
      "map harris tx draws Texas with Harris County outlined, and its alt text says the counts"
          + " by model and the top counties in words")
  void mapOfACountyDrawsItsState() {
    Reply.MapReply reply = assertInstanceOf(Reply.MapReply.class, ask("map harris tx"));
    AgreementMap map = reply.map();
    MapImage image = reply.image(Language.EN).orElseThrow();

    assertEquals("48201", map.place().county().fips());
    assertEquals(254, map.counties().size());
    assertEquals("287g-map-48201-2026-05-18.png", image.fileName());
    assertTrue(image.altText().contains("387 agreements in force (TFM "), image.altText());
    assertTrue(image.altText().contains("Most agreements: Galveston County ("), image.altText());
    assertTrue(reply.ephemeral(), "only the person who asked, unless shared");
    assertTrue(!((Reply.MapReply) ask("map harris tx share")).ephemeral());
  }

  @Test
  @DisplayName("a second ask for the same map in the same language is answered from the cache")
  void aSecondAskIsCached() {
    MapImage first = ask("map TX").image(Language.EN).orElseThrow();
    MapImage again = ask("map texas").image(Language.EN).orElseThrow();
    MapImage spanish = ask("map TX").image(Language.ES).orElseThrow();

    assertSame(first, again);
    assertTrue(spanish.altText().startsWith("Mapa: Acuerdos 287(g) en Texas"), spanish.altText());
  }

  @Test
  @DisplayName("a state with no agreement gets a map that says so, not an error")
  void aStateWithNoAgreementGetsAMapThatSaysSo() {
    Reply.MapReply reply = assertInstanceOf(Reply.MapReply.class, ask("map VT"));

    assertEquals(0, reply.map().count(Category.TFM) + reply.map().count(Category.JEM));
    String text = reply.plainText(Language.EN);
    assertTrue(text.contains("No 287(g) agreement in force and no pending request in"), text);
    assertTrue(reply.image(Language.EN).orElseThrow().png().length > 1000);
  }

  @Test
  @DisplayName("map alone draws the whole country, every county of the 50 states and DC")
  void mapAloneDrawsTheCountry() {
    Reply.MapReply reply = assertInstanceOf(Reply.MapReply.class, ask("map"));

    assertTrue(reply.map().counties().size() >= 3144, "" + reply.map().counties().size());
    assertTrue(reply.map().count(Category.TFM) > 300);
    assertTrue(reply.title(Language.EN).contains("United States"));
  }

  @Test
  @DisplayName("a place that is not one gets the same suggestions status gives")
  void aPlaceThatIsNotOneGetsStatusSuggestions() {
    Reply.DidYouMean map = assertInstanceOf(Reply.DidYouMean.class, ask("map springfield"));
    Reply.DidYouMean status = assertInstanceOf(Reply.DidYouMean.class, ask("status springfield"));

    assertEquals(status.choices(), map.choices());
    assertEquals(Verb.MAP, map.verb());
  }

  @Test
  @DisplayName("a status of a place offers its map; a status as CSV does not")
  void aStatusOffersItsMap() {
    assertEquals("map 48201", ask("status harris tx").mapCommand().orElseThrow());
    assertEquals("map TX", ask("status TX").mapCommand().orElseThrow());
    assertTrue(ask("status TX csv").mapCommand().isEmpty());
  }
}
