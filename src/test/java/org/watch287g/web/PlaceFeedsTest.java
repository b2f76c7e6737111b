package org.watch287g.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.watch287g.Wiring;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.testing.FakeIce;
import org.watch287g.watch.BundledSnapshots;

/**
 * The Atom feeds, after the bot has seen ICE publish twice (16 and 19 May 2025): their entries are
 * the changes the bot alerts about, each with an id a feed reader can rely on.
 */
class PlaceFeedsTest {
  @TempDir static Path dir;
  static FakeIce ice;
  static Wiring bot;
  static String beforeChanges;
  static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    ice = new FakeIce();
    ice.publish(
        "05162025am",
        BundledSnapshots.read("2025-05-16-participating.xlsx"),
        BundledSnapshots.read("2025-05-15-pending.xlsx"));
    String yaml =
        "storage: {path: '"
            + dir.resolve("bot.db")
            + "'}\n"
            + "source: {pageUrl: '"
            + ice.pageUrl()
            + "', pollInterval: PT1H, retries: 0}\n"
            + "admin: {enabled: false}\n"
            + "web: {enabled: true, port: 0, publicUrl: 'https://287g.example.org'}\n";
    Config config = new ConfigLoader(Map.of()).parse(yaml, "test config");
    bot = new Wiring(config, Clock.systemUTC());
    bot.start();
    bot.pollCycle().run(); // after the poller's first cycle: the baseline is kept
    beforeChanges = body("/state/LA.json");
    ice.publish(
        "05192025am",
        BundledSnapshots.read("2025-05-19-participating.xlsx"),
        BundledSnapshots.read("2025-05-19-pending.xlsx"));
    bot.pollCycle().run();
  }

  @AfterAll
  static void stop() throws Exception {
    bot.close();
    ice.close();
  }

  static String body(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + bot.webPort().orElseThrow() + path))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  @DisplayName("a page kept for quick answers is read again once ICE's lists change")
  void keptPagesFollowTheLists() throws Exception {
    String after = body("/state/LA.json");

    assertTrue(beforeChanges.contains("\"agreementsAsOf\""), beforeChanges);
    assertFalse(after.equals(beforeChanges), "the 19 May lists are served, not the kept 16 May");
    assertEquals(after, body("/state/LA.json"), "and then kept");
  }

  static Document feed(String path) throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + bot.webPort().orElseThrow() + path))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), path);
    assertTrue(
        response
            .headers()
            .firstValue("content-type")
            .orElse("")
            .startsWith("application/atom+xml"));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
  }

  static List<String> texts(Document feed, String tag) {
    NodeList nodes = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", tag);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (e.getParentNode().getLocalName().equals("entry")) {
        out.add(e.getTextContent());
      }
    }
    return out;
  }

  @Test
  @DisplayName("a county's feed carries the change the bot alerted its followers about")
  void aCountysFeedCarriesItsAlertedChange() throws Exception {
    Document parish = feed("/county/22011.atom");

    List<String> titles = texts(parish, "title");
    assertFalse(titles.isEmpty(), "Beauregard Parish had a change between the two lists");
    assertTrue(titles.get(0).contains("Beauregard"), titles.toString());
    assertTrue(
        texts(parish, "id").get(0).startsWith("urn:watch287g:change:"),
        texts(parish, "id").toString());
  }

  @Test
  @DisplayName("feed entries keep their ids from one read to the next, and no id repeats")
  void entryIdsAreStableAndUnique() throws Exception {
    List<String> first = texts(feed("/feed.atom"), "id");
    List<String> again = texts(feed("/feed.atom"), "id");

    assertFalse(first.isEmpty());
    assertEquals(first, again);
    assertEquals(first.size(), new HashSet<>(first).size(), "one entry per change");
  }

  @Test
  @DisplayName("a feed names its own public address and the page it follows, in Spanish too")
  void feedsNameTheirAddresses() throws Exception {
    Element root = feed("/state/LA.atom?lang=es").getDocumentElement();

    assertEquals("es", root.getAttribute("xml:lang"));
    assertEquals("urn:watch287g:feed:state/LA", texts(root, "id"));
    List<String> links = new ArrayList<>();
    NodeList nodes = root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element link = (Element) nodes.item(i);
      if (link.getParentNode() == root) {
        links.add(link.getAttribute("rel") + " " + link.getAttribute("href"));
      }
    }
    assertEquals(
        List.of(
            "alternate https://287g.example.org/state/LA",
            "self https://287g.example.org/state/LA.atom"),
        links);
    assertTrue(texts(root, "title").startsWith("287(g) en "), texts(root, "title"));
  }

  private static String texts(Element root, String tag) {
    NodeList nodes = root.getElementsByTagNameNS("http://www.w3.org/2005/Atom", tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
  }
}
