package org.watch287g.source;

import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.config.SourceConfig;

class SourceClientTest {
  static final String PAGE = "/identify-and-arrest/287g";
  static final String PARTICIPATING =
      "/doclib/about/offices/ero/287g/participatingAgencies05162025am.xlsx";
  static final String PENDING = "/doclib/about/offices/ero/287g/pendingAgencies05152025am.xlsx";
  static final String USER_AGENT = "watch287g-test/0.1 (+https://example.org)";
  static final String ICE_HTML =
      "<html><body><h1>Delegation of Immigration Authority Section 287(g)</h1>"
          + "<p><a href=\""
          + PARTICIPATING
          + "\">Participating Agencies</a></p>"
          + "<p><a href=\""
          + PENDING
          + "\">Pending Agencies</a></p></body></html>";

  MockWebServer server;
  final List<Duration> sleeps = new ArrayList<>();
  SourceClient client;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    client = new SourceClient(config(server.url(PAGE)), sleeps::add);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  /** Small timeouts and caps so every failure shows up in well under a second. */
  static SourceConfig config(HttpUrl page) {
    return new SourceConfig(
        page.uri(),
        Duration.ofMinutes(10),
        Duration.ofMillis(500),
        Duration.ofMillis(300),
        10_000,
        10_000,
        2,
        USER_AGENT);
  }

  static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).body(body).build();
  }

  static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).body("error " + code).build();
  }

  void serve(Dispatcher dispatcher) {
    server.setDispatcher(dispatcher);
  }

  String url(String path) {
    return server.url(path).toString();
  }

  @Test
  @DisplayName("finds both links on the page and downloads both workbooks")
  void findsLinksAndDownloadsBoth() throws SourceException {
    serve(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return switch (request.getUrl().encodedPath()) {
              case PAGE -> ok(ICE_HTML);
              case PARTICIPATING -> ok("participating bytes");
              case PENDING -> ok("pending bytes");
              default -> status(404);
            };
          }
        });

    PageLinks links = client.readPage();
    Download participating = client.download(links.participating(), Validators.none());
    Download pending = client.download(Objects.requireNonNull(links.pending()), Validators.none());

    assertEquals(new PageLinks(url(PARTICIPATING), url(PENDING)), links);
    assertArrayEquals(
        "participating bytes".getBytes(UTF_8),
        assertInstanceOf(Download.Fetched.class, participating).body());
    assertArrayEquals(
        "pending bytes".getBytes(UTF_8), assertInstanceOf(Download.Fetched.class, pending).body());
    assertEquals(url(PENDING), pending.url());
  }

  @Test
  @DisplayName(
      "sends the User-Agent on every request, follows redirects and resolves links against where they ended")
  void sendsUserAgentAndFollowsRedirects() throws Exception {
    client.close();
    client = new SourceClient(config(server.url("/old/page")), sleeps::add);
    server.enqueue(new MockResponse.Builder().code(301).setHeader("Location", PAGE).build());
    server.enqueue(ok("<a href=\"docs/participatingAgencies.xlsx\">x</a>"));

    PageLinks links = client.readPage();

    assertEquals(
        url("/identify-and-arrest/docs/participatingAgencies.xlsx"), links.participating());
    assertNull(links.pending());
    assertEquals(USER_AGENT, server.takeRequest().getHeaders().get("User-Agent"));
    assertEquals(USER_AGENT, server.takeRequest().getHeaders().get("User-Agent"));
  }

  @Test
  @DisplayName(
      "a conditional GET sends If-None-Match and If-Modified-Since, and a 304 is NotModified")
  void conditionalGet() throws Exception {
    String lastModified = "Mon, 18 May 2026 10:00:00 GMT";
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("ETag", "\"abc123\"")
            .setHeader("Last-Modified", lastModified)
            .body("workbook")
            .build());
    server.enqueue(new MockResponse.Builder().code(304).setHeader("ETag", "\"abc123\"").build());

    Download first = client.download(url(PARTICIPATING), Validators.none());
    Validators validators = assertInstanceOf(Download.Fetched.class, first).validators();
    Download second = client.download(url(PARTICIPATING), validators);

    assertEquals(new Validators("\"abc123\"", lastModified), validators);
    assertEquals(new Download.NotModified(url(PARTICIPATING)), second);
    RecordedRequest unconditional = server.takeRequest();
    assertNull(unconditional.getHeaders().get("If-None-Match"));
    assertNull(unconditional.getHeaders().get("If-Modified-Since"));
    RecordedRequest conditional = server.takeRequest();
    assertEquals("\"abc123\"", conditional.getHeaders().get("If-None-Match"));
    assertEquals(lastModified, conditional.getHeaders().get("If-Modified-Since"));
  }

  @Test
  @DisplayName("a 304 to a request that sent no validators is an error, not NotModified")
  void unaskedNotModified() {
    server.enqueue(new MockResponse.Builder().code(304).build());

    SourceException e =
        assertThrows(
            SourceException.class, () -> client.download(url(PARTICIPATING), Validators.none()));

    assertEquals("HTTP 304 from " + url(PARTICIPATING), e.getMessage());
  }

  @Test
  @DisplayName("the SHA-256 is the lower-case hex digest of the body")
  void sha256OfBody() throws SourceException {
    server.enqueue(ok("hello"));

    Download download = client.download(url(PARTICIPATING), Validators.none());

    assertEquals(
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        assertInstanceOf(Download.Fetched.class, download).sha256());
  }

  @Test
  @DisplayName("a 404 is reported at once, without retrying")
  void notFoundIsNotRetried() {
    server.enqueue(status(404));

    SourceException e =
        assertThrows(
            SourceException.class, () -> client.download(url(PARTICIPATING), Validators.none()));

    assertEquals("HTTP 404 from " + url(PARTICIPATING), e.getMessage());
    assertEquals(1, server.getRequestCount());
    assertEquals(List.of(), sleeps);
  }

  @Test
  @DisplayName("a 500 followed by a 200 is retried after about a second and succeeds")
  void serverErrorThenSuccess() throws SourceException {
    server.enqueue(status(500));
    server.enqueue(ok("workbook"));

    Download download = client.download(url(PARTICIPATING), Validators.none());

    assertInstanceOf(Download.Fetched.class, download);
    assertEquals(2, server.getRequestCount());
    assertEquals(1, sleeps.size());
    assertBetween(800, 1200, sleeps.get(0));
  }

  @Test
  @DisplayName("a persistent 500 gives up after the configured retries, backing off exponentially")
  void persistentServerError() {
    serve(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return status(500);
          }
        });

    SourceException e = assertThrows(SourceException.class, client::readPage);

    assertEquals("HTTP 500 from " + url(PAGE) + " (gave up after 3 attempts)", e.getMessage());
    assertEquals(3, server.getRequestCount());
    assertEquals(2, sleeps.size());
    assertBetween(800, 1200, sleeps.get(0));
    assertBetween(1600, 2400, sleeps.get(1));
  }

  @Test
  @DisplayName("a 429 with Retry-After waits as long as the server asked")
  void tooManyRequestsHonoursRetryAfter() throws SourceException {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").build());
    server.enqueue(ok("workbook"));

    client.download(url(PARTICIPATING), Validators.none());

    assertEquals(List.of(Duration.ofSeconds(7)), sleeps);
  }

  @Test
  @DisplayName("a Retry-After of a day is capped at a minute")
  void retryAfterIsCapped() throws SourceException {
    server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "86400").build());
    server.enqueue(ok("workbook"));

    client.download(url(PARTICIPATING), Validators.none());

    assertEquals(List.of(Backoff.MAX), sleeps);
  }

  @Test
  @DisplayName("a workbook over the cap with a Content-Length is refused before it is read")
  void overCapWithContentLength() {
    server.enqueue(ok("x".repeat(10_001)));

    SourceException e =
        assertThrows(
            SourceException.class, () -> client.download(url(PARTICIPATING), Validators.none()));

    assertEquals(
        "the workbook at " + url(PARTICIPATING) + " is larger than the 10 kB cap", e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  @DisplayName("a chunked workbook over the cap is refused once the cap is passed")
  void overCapChunked() {
    server.enqueue(
        new MockResponse.Builder().code(200).chunkedBody("x".repeat(50_000), 1024).build());

    SourceException e =
        assertThrows(
            SourceException.class, () -> client.download(url(PARTICIPATING), Validators.none()));

    assertEquals(
        "the workbook at " + url(PARTICIPATING) + " is larger than the 10 kB cap", e.getMessage());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  @DisplayName("a workbook exactly at the cap is accepted")
  void exactlyAtCap() throws SourceException {
    server.enqueue(
        new MockResponse.Builder().code(200).chunkedBody("x".repeat(10_000), 1024).build());

    Download download = client.download(url(PARTICIPATING), Validators.none());

    assertEquals(10_000, assertInstanceOf(Download.Fetched.class, download).body().length);
  }

  @Test
  @DisplayName("a page over its cap is refused with a message naming the page")
  void pageOverCap() {
    server.enqueue(ok(ICE_HTML + " ".repeat(10_001)));

    SourceException e = assertThrows(SourceException.class, client::readPage);

    assertEquals("the page at " + url(PAGE) + " is larger than the 10 kB cap", e.getMessage());
  }

  @Test
  @DisplayName("a body that stalls past the read timeout is reported as timed out")
  void readTimeout() {
    serve(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .code(200)
                .body("workbook")
                .bodyDelay(1, TimeUnit.SECONDS)
                .build();
          }
        });

    SourceException e =
        assertThrows(
            SourceException.class, () -> client.download(url(PARTICIPATING), Validators.none()));

    assertEquals(
        "timed out reading " + url(PARTICIPATING) + " after 0.3 s (gave up after 3 attempts)",
        e.getMessage());
    assertEquals(2, sleeps.size());
  }

  @Test
  @DisplayName("a server that sends no headers within the read timeout is reported as timed out")
  void headersTimeout() {
    client.close();
    SourceConfig noRetries =
        new SourceConfig(
            server.url(PAGE).uri(),
            Duration.ofMinutes(10),
            Duration.ofMillis(500),
            Duration.ofMillis(300),
            10_000,
            10_000,
            0,
            USER_AGENT);
    client = new SourceClient(noRetries, sleeps::add);
    server.enqueue(
        new MockResponse.Builder().code(200).body("x").headersDelay(1, TimeUnit.SECONDS).build());

    SourceException e = assertThrows(SourceException.class, client::readPage);

    assertEquals("timed out reading " + url(PAGE) + " after 0.3 s", e.getMessage());
    assertEquals(List.of(), sleeps);
  }

  @Test
  @DisplayName("a refused connection is retried, then reported naming the host")
  void connectionRefused() throws IOException {
    MockWebServer closed = new MockWebServer();
    closed.start();
    HttpUrl gone = closed.url(PARTICIPATING);
    closed.close();

    SourceException e =
        assertThrows(
            SourceException.class, () -> client.download(gone.toString(), Validators.none()));

    String message = String.valueOf(e.getMessage());
    assertTrue(
        message.startsWith("could not connect to " + gone.host() + ":" + gone.port() + " ("),
        message);
    assertTrue(message.toLowerCase(Locale.ROOT).contains("refused"), message);
    assertTrue(message.endsWith("(gave up after 3 attempts)"), message);
    assertEquals(2, sleeps.size());
  }

  @Test
  @DisplayName("a page without workbook links is reported as such")
  void pageWithoutLinks() {
    server.enqueue(
        ok("<html><body><h1>287(g)</h1><p>This page is being updated.</p></body></html>"));

    SourceException e = assertThrows(SourceException.class, client::readPage);

    assertEquals("the 287(g) page links no 287(g) workbook", e.getMessage());
  }

  @Test
  @DisplayName("the page is decoded with the charset its Content-Type names")
  void pageCharset() throws SourceException {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .setHeader("Content-Type", "text/html; charset=utf-16")
            .body(new Buffer().write(ICE_HTML.getBytes(UTF_16)))
            .build());

    assertEquals(url(PARTICIPATING), client.readPage().participating());
  }

  @Test
  @DisplayName("a URL that is not http(s) is refused without a request")
  void notHttp() {
    SourceException e =
        assertThrows(
            SourceException.class,
            () -> client.download("ftp://ice.gov/x.xlsx", Validators.none()));

    assertEquals("not an http(s) URL: ftp://ice.gov/x.xlsx", e.getMessage());
  }

  static void assertBetween(long minMillis, long maxMillis, Duration actual) {
    long millis = actual.toMillis();
    assertTrue(
        minMillis <= millis && millis <= maxMillis,
        actual + " not in [" + minMillis + ", " + maxMillis + "] ms");
  }
}
