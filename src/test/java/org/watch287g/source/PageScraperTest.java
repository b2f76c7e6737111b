package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageScraperTest {
  static final HttpUrl PAGE = HttpUrl.get("https://www.ice.gov/identify-and-arrest/287g");
  static final String DOCLIB = "https://www.ice.gov/doclib/about/offices/ero/287g/";

  static String page(String body) {
    return "<!DOCTYPE html><html><head><title>Delegation of Immigration Authority Section 287(g)"
        + "</title></head><body><main><h1>287(g)</h1>"
        + body
        + "</main></body></html>";
  }

  static String link(String href, String text) {
    return "<p><a href=\"" + href + "\">" + text + "</a></p>\n";
  }

  @Test
  @DisplayName("finds both relative links on an ICE-like page and makes them absolute")
  void findsBothRelativeLinks() throws SourceException {
    String html =
        page(
            link("/about", "About ICE")
                + link(
                    "/doclib/about/offices/ero/287g/participatingAgencies05182026am.xlsx",
                    "Participating Agencies")
                + link(
                    "/doclib/about/offices/ero/287g/pendingAgencies05182026am.xlsx",
                    "Pending Agencies")
                + link("/doclib/287gMOA/someMoa.pdf", "MOA"));

    PageLinks links = PageScraper.find(html, PAGE);

    assertEquals(
        new PageLinks(
            DOCLIB + "participatingAgencies05182026am.xlsx",
            DOCLIB + "pendingAgencies05182026am.xlsx"),
        links);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "participatingAgencies05182026am.xlsx",
        "ParticipatingAgencies08282026pm.xlsx",
        "287gParticipatingAgencies091526pm.xlsx",
        "ParticipatingAgency091826am.xlsx",
        "participatingAgencies10172025mid.xlsx",
        "participatingAgencies05122025amB.xlsx",
        "participatingAgencies04232026.xlsx",
        "PARTICIPATINGAGENCIES.XLSX",
        "participatingAgencies.xls",
        "participatingAgencies.csv"
      })
  @DisplayName("recognises every participating file name ICE has used")
  void recognisesParticipatingNames(String name) throws SourceException {
    String html = page(link("/doclib/about/offices/ero/287g/" + name, "Download"));

    assertEquals(DOCLIB + name, PageScraper.find(html, PAGE).participating());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pendingAgencies07112025am_b.xlsx",
        "PendingAgencies10223025am.xlsx",
        "pendingagencies02272026am.XLSX"
      })
  @DisplayName("recognises pending file names with suffixes, typos and any case")
  void recognisesPendingNames(String name) throws SourceException {
    String html =
        page(
            link("/doclib/about/offices/ero/287g/participatingAgencies.xlsx", "x")
                + link("/doclib/about/offices/ero/287g/" + name, "y"));

    assertEquals(DOCLIB + name, PageScraper.find(html, PAGE).pending());
  }

  @Test
  @DisplayName("a page with only the participating link gives no pending link, without error")
  void onlyParticipating() throws SourceException {
    String html = page(link("/doclib/about/offices/ero/287g/participatingAgencies.xlsx", "x"));

    PageLinks links = PageScraper.find(html, PAGE);

    assertEquals(DOCLIB + "participatingAgencies.xlsx", links.participating());
    assertNull(links.pending());
  }

  @Test
  @DisplayName("falls back to the link text when the file name is opaque")
  void fallsBackToLinkText() throws SourceException {
    String html =
        page(
            link(
                    "/sites/default/files/documents/file-1234.xlsx",
                    "<span>Participating</span>" + "\n   Agencies")
                + link("/sites/default/files/documents/file-1235.xlsx", "Pending requests"));

    PageLinks links = PageScraper.find(html, PAGE);

    assertEquals(
        "https://www.ice.gov/sites/default/files/documents/file-1234.xlsx", links.participating());
    assertEquals(
        "https://www.ice.gov/sites/default/files/documents/file-1235.xlsx", links.pending());
  }

  @Test
  @DisplayName("ignores link text on links that are not spreadsheets")
  void ignoresNonSpreadsheetLinks() {
    String html =
        page(
            link("/identify-and-arrest/287g/participating", "Participating Agencies")
                + link("/doclib/287g/participatingAgencies.pdf", "Participating Agencies (PDF)"));

    SourceException e = assertThrows(SourceException.class, () -> PageScraper.find(html, PAGE));

    assertEquals("the 287(g) page links no 287(g) workbook", e.getMessage());
  }

  @Test
  @DisplayName("a page without workbook links says so")
  void noLinks() {
    String html = page("<p>This page is being updated.</p>" + link("mailto:a@b.c", "write"));

    SourceException e = assertThrows(SourceException.class, () -> PageScraper.find(html, PAGE));

    assertEquals("the 287(g) page links no 287(g) workbook", e.getMessage());
  }

  @Test
  @DisplayName("a page with only the pending link says the participating workbook is missing")
  void onlyPending() {
    String html = page(link("/doclib/about/offices/ero/287g/pendingAgencies.xlsx", "Pending"));

    SourceException e = assertThrows(SourceException.class, () -> PageScraper.find(html, PAGE));

    assertEquals("the 287(g) page links no participating-agencies workbook", e.getMessage());
  }

  @Test
  @DisplayName("decodes entities in hrefs and link text")
  void decodesEntities() throws SourceException {
    String html =
        page(
            link("/doclib/287g/participatingAgencies.xlsx?v=1&amp;dl=&#49;", "x")
                + link("/files/doc&#x2D;9.xlsx", "Pending&nbsp;Agencies"));

    PageLinks links = PageScraper.find(html, PAGE);

    assertEquals(
        "https://www.ice.gov/doclib/287g/participatingAgencies.xlsx?v=1&dl=1",
        links.participating());
    assertEquals("https://www.ice.gov/files/doc-9.xlsx", links.pending());
  }

  @Test
  @DisplayName(
      "never takes a workbook link to another host, port or scheme, and names only where it"
          + " pointed")
  void linksElsewhereAreNotTaken() {
    for (String elsewhere :
        List.of(
            "https://cdn.example.org/287g/participatingAgencies.xlsx",
            "//files.dhs.gov/287g/participatingAgencies.xlsx",
            "http://www.ice.gov/doclib/287g/participatingAgencies.xlsx",
            "https://www.ice.gov:8443/doclib/287g/participatingAgencies.xlsx",
            "http://localhost/287g/participatingAgencies.xlsx?secret=1")) {
      String html = page(link(elsewhere, "x") + link("/doclib/287g/pendingAgencies.xlsx", "y"));

      SourceException e = assertThrows(SourceException.class, () -> PageScraper.find(html, PAGE));

      assertTrue(e.getMessage().contains("not fetched"), e.getMessage());
      assertTrue(e.getMessage().contains("https://www.ice.gov,"), e.getMessage());
      assertFalse(e.getMessage().contains("participatingAgencies.xlsx"), "origin only");
    }
  }

  @Test
  @DisplayName("prefers the page's own host over an earlier link elsewhere")
  void ownHostWinsOverLinksElsewhere() throws SourceException {
    String html =
        page(
            link("https://cdn.example.org/287g/participatingAgencies.xlsx", "x")
                + link("/doclib/about/offices/ero/287g/participatingAgencies05182026am.xlsx", "y"));

    assertEquals(
        DOCLIB + "participatingAgencies05182026am.xlsx",
        PageScraper.find(html, PAGE).participating());
  }

  @Test
  @DisplayName(
      "on a plain-http loopback test page, http links to that same host and port are taken")
  void loopbackTestPagesMayUseHttp() throws SourceException {
    HttpUrl local = HttpUrl.get("http://127.0.0.1:8080/identify-and-arrest/287g");
    String html =
        page(
            link("/287g/participatingAgencies.xlsx", "x")
                + link("http://127.0.0.1:9090/287g/pendingAgencies.xlsx", "y"));

    PageLinks links = PageScraper.find(html, local);

    assertEquals("http://127.0.0.1:8080/287g/participatingAgencies.xlsx", links.participating());
    assertNull(links.pending(), "another port is another origin");
  }

  @Test
  @DisplayName("prefers a link under /287g/, then the first on the page")
  void prefersThe287gFolderThenPageOrder() throws SourceException {
    String html =
        page(
            link("/archive/participatingAgencies01012025am.xlsx", "old")
                + link("/archive/pendingAgencies01012025am.xlsx", "old")
                + link("/archive/pendingAgencies01022025am.xlsx", "older")
                + link("/doclib/about/offices/ero/287g/participatingAgencies05182026am.xlsx", "x"));

    PageLinks links = PageScraper.find(html, PAGE);

    assertEquals(DOCLIB + "participatingAgencies05182026am.xlsx", links.participating());
    assertEquals("https://www.ice.gov/archive/pendingAgencies01012025am.xlsx", links.pending());
  }

  @Test
  @DisplayName("prefers a link named by its file over one named only by its text")
  void prefersFileNameOverText() throws SourceException {
    String html =
        page(
            link("/files/report.xlsx", "Participating Agencies")
                + link("/files/participatingAgencies.xlsx", "Download"));

    assertEquals(
        "https://www.ice.gov/files/participatingAgencies.xlsx",
        PageScraper.find(html, PAGE).participating());
  }

  @Test
  @DisplayName("reads upper-case tags, single-quoted and unquoted hrefs, and other attributes")
  void toleratesTagVariants() throws SourceException {
    String html =
        page(
            "<A class=\"usa-link\" TITLE='x' HREF='/doclib/287g/ParticipatingAgencies.xlsx'"
                + " target=_blank>P</A>"
                + "<a data-x=1 href=/doclib/287g/pendingAgencies.xlsx>Q</a>");

    PageLinks links = PageScraper.find(html, PAGE);

    assertEquals(
        "https://www.ice.gov/doclib/287g/ParticipatingAgencies.xlsx", links.participating());
    assertEquals("https://www.ice.gov/doclib/287g/pendingAgencies.xlsx", links.pending());
  }

  @Test
  @DisplayName("ignores links inside HTML comments")
  void ignoresCommentedOutLinks() throws SourceException {
    String html =
        page(
            "<!-- "
                + link("/doclib/287g/participatingAgencies01012025am.xlsx", "old")
                + " -->"
                + link("/files/participatingAgencies05182026am.xlsx", "new"));

    assertEquals(
        "https://www.ice.gov/files/participatingAgencies05182026am.xlsx",
        PageScraper.find(html, PAGE).participating());
  }

  @Test
  @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @DisplayName(
      "a page of 200,000 unclosed <a and <!-- is read in one linear pass and says it links no"
          + " workbook")
  void unclosedTagsAreScannedInLinearTime() {
    String anchors = "<html><body>" + "<a ".repeat(200_000);
    String comments = page(link("/doclib/287g/x.pdf", "x")) + "<!--".repeat(200_000);

    SourceException a = assertThrows(SourceException.class, () -> PageScraper.find(anchors, PAGE));
    SourceException c = assertThrows(SourceException.class, () -> PageScraper.find(comments, PAGE));

    assertEquals(PageScraper.NO_WORKBOOK, a.getMessage());
    assertEquals(PageScraper.NO_WORKBOOK, c.getMessage());
  }

  @Test
  @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  @DisplayName(
      "finds the links despite 100,000 unclosed tags in a link's text and 100,000 href-like words"
          + " in another attribute")
  void unclosedTagsInsideLinkTextStillLetTheLinksBeFound() throws SourceException {
    String html =
        page(
            "<a href='/doclib/287g/report.xlsx'>Participating Agencies"
                + "<b ".repeat(100_000)
                + "</a><a title=\""
                + "href='".repeat(100_000)
                + "\" href=\"/doclib/287g/pendingAgencies.xlsx\">Pending</a>");

    PageLinks links = PageScraper.find(html, PAGE);

    assertEquals("https://www.ice.gov/doclib/287g/report.xlsx", links.participating());
    assertEquals("https://www.ice.gov/doclib/287g/pendingAgencies.xlsx", links.pending());
  }

  @Test
  @DisplayName("a page with more links than ICE's page could ever have is refused, not read on")
  void tooManyLinksAreRefused() {
    String html = page("<a href=/x>x</a>".repeat(HtmlAnchors.MAX_ANCHORS + 1));

    SourceException e = assertThrows(SourceException.class, () -> PageScraper.find(html, PAGE));

    assertEquals(HtmlAnchors.TOO_MANY_LINKS, e.getMessage());
  }
}
