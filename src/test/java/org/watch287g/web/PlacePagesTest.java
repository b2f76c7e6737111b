package org.watch287g.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.Wiring;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;
import org.watch287g.testing.FakeIce;

/**
 * The public pages, served by the bot started the way the jar starts it, read over HTTP: what a
 * person, a spreadsheet or a script gets from each address, on the bundled lists.
 */
class PlacePagesTest {
  @TempDir static Path dir;
  static FakeIce ice;
  static Wiring bot;
  static HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @BeforeAll
  static void start() throws Exception {
    ice = new FakeIce();
    String yaml =
        "storage: {path: '"
            + dir.resolve("bot.db")
            + "'}\n"
            + "source: {pageUrl: '"
            + ice.pageUrl()
            + "', pollInterval: PT1H, retries: 0}\n"
            + "admin: {enabled: false}\n"
            + "web: {enabled: true, port: 0, publicUrl: 'https://287g.example.org/'}\n";
    Config config = new ConfigLoader(Map.of()).parse(yaml, "test config");
    bot = new Wiring(config, Clock.systemUTC());
    bot.start();
  }

  @AfterAll
  static void stop() throws Exception {
    bot.close();
    ice.close();
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.webPort().orElseThrow() + path))
            .timeout(Duration.ofSeconds(20));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("a county's page lists its agreements with the model in plain words and links")
  void aCountyPageListsItsAgreements() throws Exception {
    HttpResponse<String> page = get("/county/12021");

    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    String html = page.body();
    assertTrue(html.contains("<title>287(g) in Collier County, FL</title>"), html);
    assertTrue(html.contains("Collier County Sheriff"), html);
    assertTrue(html.contains("Task Force Model (TFM)") || html.contains("Jail Enforcement Model"));
    assertTrue(html.contains("href=\"/county/12021.csv\""), html);
    assertTrue(html.contains("href=\"/state/FL\""), "links up to its state");
    assertTrue(
        html.contains("<link rel=\"canonical\" href=\"https://287g.example.org/county/12021\">"),
        "a shared link names the public address");
    assertTrue(html.contains("og:title"), "a shared link shows a card");
  }

  @Test
  @DisplayName("any way of writing a place leads to its own page")
  void anyPhrasingRedirectsToThePlacesPage() throws Exception {
    HttpResponse<String> byName = get("/county/collier-fl");
    String q = URLEncoder.encode("Collier County, Florida", StandardCharsets.UTF_8);
    HttpResponse<String> bySearch = get("/search?q=" + q);
    HttpResponse<String> byState = get("/search?q=florida");

    assertEquals(303, byName.statusCode());
    assertEquals("/county/12021", byName.headers().firstValue("location").orElseThrow());
    assertEquals("/county/12021", bySearch.headers().firstValue("location").orElseThrow());
    assertEquals("/state/FL", byState.headers().firstValue("location").orElseThrow());
  }

  @Test
  @DisplayName(
      "a place nobody can read gets a 404 page with suggestions, never the input unescaped")
  void anUnknownPlaceGetsSuggestionsAndNoEcho() throws Exception {
    HttpResponse<String> typo = get("/search?q=colier+fl");
    String hostile = URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8);
    HttpResponse<String> script = get("/search?q=" + hostile);

    assertTrue(
        typo.statusCode() == 303 || typo.body().contains("/county/12021"),
        "a near miss is read or suggested");
    assertEquals(404, script.statusCode());
    assertFalse(script.body().contains("<script>alert"), script.body());
    assertTrue(script.body().contains("&lt;script&gt;"), script.body());
    assertTrue(
        script.headers().firstValue("content-security-policy").orElse("").contains("'none'"));
  }

  @Test
  @DisplayName("pages speak Spanish when asked by the address or by the browser")
  void pagesSpeakSpanish() throws Exception {
    String byParameter = get("/state/FL?lang=es").body();
    String byBrowser = get("/state/FL", "Accept-Language", "es-MX,es;q=0.9,en;q=0.5").body();

    assertTrue(byParameter.contains("<html lang=\"es\">"), byParameter);
    assertTrue(byParameter.contains("Acuerdos vigentes"), byParameter);
    assertTrue(byBrowser.contains("Acuerdos vigentes"), byBrowser);
    assertTrue(get("/state/FL").body().contains("Agreements in force"));
  }

  @Test
  @DisplayName("a state's CSV and JSON hold the same agreements as its page")
  void csvAndJsonAgree() throws Exception {
    HttpResponse<String> csv = get("/state/FL.csv");
    JsonNode json = new ObjectMapper().readTree(get("/state/FL.json").body());

    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
    java.util.List<String> lines = csv.body().lines().toList();
    assertEquals("list,agency,state,model,signed,moa,moa_pending,reach,counties", lines.get(0));
    int rows = json.path("agreements").size() + json.path("pending").size();
    assertEquals(rows, lines.size() - 1);
    assertTrue(json.path("agreements").size() > 50, "Florida has many agreements");
    assertEquals("FL", json.path("place").path("state").asText());
  }

  @Test
  @DisplayName("every agreement in the country downloads as one CSV with one header")
  void everyAgreementDownloads() throws Exception {
    String all = get("/agreements.csv").body();
    JsonNode json = new ObjectMapper().readTree(get("/agreements.json").body());

    long headers = all.lines().filter(l -> l.startsWith("list,agency,")).count();
    assertEquals(1, headers);
    assertEquals(
        json.path("agreements").size() + json.path("pending").size(), all.lines().count() - 1);
    assertTrue(json.path("agreements").size() > 1_000);
  }

  @Test
  @DisplayName("only GET and HEAD are answered, and odd paths are not found")
  void onlyReadsAreAnswered() throws Exception {
    int port = bot.webPort().orElseThrow();
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/state/FL"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> head =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/state/FL"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertEquals(405, post.statusCode());
    assertEquals("GET, HEAD, OPTIONS", post.headers().firstValue("allow").orElse(""));
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
    assertNotEquals(200, get("/county/..%2F..%2Fetc%2Fpasswd").statusCode());
    assertEquals(404, get("/nothing-here").statusCode());
    assertEquals(404, get("/county/" + "x".repeat(300)).statusCode());
  }

  @Test
  @DisplayName("a state's page shows its map, with words that say what the map shows")
  void aStatePageShowsItsMap() throws Exception {
    String html = get("/state/FL").body();
    HttpResponse<String> png = get("/state/FL.png");

    assertTrue(html.contains("<img src=\"/state/FL.png\" alt=\""), html);
    assertFalse(html.contains("alt=\"\""), "the map has alt text");
    assertTrue(html.contains("href=\"/state/FL.atom\""), "the page offers its feed");
    assertEquals(200, png.statusCode());
    assertEquals("image/png", png.headers().firstValue("content-type").orElse(""));
  }

  @Test
  @DisplayName("a status reply links to the place's public page")
  void statusRepliesLinkToThePage() {
    String reply =
        bot.commands()
            .respond("status collier fl", org.watch287g.commands.Invoker.console())
            .plainText();

    assertTrue(reply.contains("https://287g.example.org/county/12021"), reply);
  }

  @Test
  @DisplayName("the national page totals the agreements and links every state that has one")
  void theNationalPage() throws Exception {
    String html = get("/").body();

    assertTrue(html.contains("Agreements in force: "), html);
    assertTrue(html.contains("href=\"/state/FL\""), html);
    assertTrue(html.contains("<form action=\"/search\""), "the search works without JavaScript");
  }
}
