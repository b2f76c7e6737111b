package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IceUrlTest {
  private static final String ALACHUA =
      "https://www.ice.gov/doclib/287gMOA/AlachuaCoSheriffsOfficeFL_TFM_MOA_02262025.pdf";

  @Test
  @DisplayName("unwraps an Outlook safelink to the URL it encodes")
  void unwrapsSafelinks() {
    String safelink =
        "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib"
            + "%2F287gMOA%2FAlachuaCoSheriffsOfficeFL_TFM_MOA_02262025.pdf&data=05%7C02%7CWebmaster"
            + ".ICE%40ice.dhs.gov%7C3067542331064a3af67408ddb4b993f2&sdata=FowP29EDOT5y%3D&reserved=0";
    assertEquals(ALACHUA, IceUrl.of(safelink));
  }

  @Test
  @DisplayName("finds the url parameter of a safelink wherever it sits in the query")
  void findsTheUrlParameterAnywhere() {
    assertEquals(
        ALACHUA,
        IceUrl.of(
            "https://nam12.safelinks.protection.outlook.com/?data=05%7C02&curl=x&url=https%3A%2F%2F"
                + "www.ice.gov%2Fdoclib%2F287gMOA%2FAlachuaCoSheriffsOfficeFL_TFM_MOA_02262025.pdf"));
  }

  @Test
  @DisplayName("keeps the encoded space of a safelinked file name encoded")
  void safelinkKeepsEncodedSpaces() {
    String safelink =
        "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib"
            + "%2F287gMOA%2F287gJEM_%2520montgomeryCoTX_06-09-2020.pdf&reserved=0";
    assertEquals(
        "https://www.ice.gov/doclib/287gMOA/287gJEM_%20montgomeryCoTX_06-09-2020.pdf",
        IceUrl.of(safelink));
  }

  @Test
  @DisplayName("unwraps a Wayback capture and percent-encodes the space in ICE's file name")
  void unwrapsWaybackAndEncodesSpaces() {
    assertEquals(
        "https://www.ice.gov/doclib/287gMOA/287gJEM_%20etowahCoAL_06-09-2020.pdf",
        IceUrl.of(
            "https://web.archive.org/web/20241218025939/"
                + "https://www.ice.gov/doclib/287gMOA/287gJEM_ etowahCoAL_06-09-2020.pdf"));
  }

  @Test
  @DisplayName("unwraps Adobe's Chrome PDF viewer and repairs its one-slash 'https:/'")
  void unwrapsChromeExtension() {
    assertEquals(
        "https://www.ice.gov/doclib/287gMOA/UnivFLPDFL_TFM_MOA_041525.pdf",
        IceUrl.of(
            "chrome-extension://efaidnbmnnnibpcajpcglclefindmkaj/"
                + "https:/www.ice.gov/doclib/287gMOA/UnivFLPDFL_TFM_MOA_041525.pdf"));
  }

  @Test
  @DisplayName("upgrades http to https for ice.gov only, and adds a scheme to 'www.'")
  void upgradesIceToHttps() {
    assertEquals(
        "https://www.ice.gov/doclib/287gMOA/RuskCoSOTX_WSO_MOA_030425.pdf",
        IceUrl.of("http://www.ice.gov/doclib/287gMOA/RuskCoSOTX_WSO_MOA_030425.pdf"));
    assertEquals("https://www.ice.gov/a.pdf", IceUrl.of(" www.ice.gov/a.pdf "));
    assertEquals("https://www.dhs.gov/a.pdf", IceUrl.of("http://www.dhs.gov/a.pdf"));
  }

  @Test
  @DisplayName("keeps https links on ice.gov, dhs.gov and their subdomains, in any case")
  void keepsIceAndDhsLinks() {
    assertEquals("https://ice.gov/a.pdf", IceUrl.of("https://ice.gov/a.pdf"));
    assertEquals("https://files.dhs.gov/a.pdf", IceUrl.of("https://files.dhs.gov/a.pdf"));
    assertEquals("https://WWW.ICE.GOV/a.pdf", IceUrl.of("https://WWW.ICE.GOV/a.pdf"));
    assertEquals("https://www.ice.gov:443/a.pdf", IceUrl.of("https://www.ice.gov:443/a.pdf"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "https://www.ice.gov.evil.example/doclib/287gMOA/r_harristx.pdf",
        "https://evil-ice.gov/doclib/287gMOA/r_harristx.pdf",
        "https://evilice.gov/a.pdf",
        "https://ice.gov@evil.example/a.pdf",
        "https://www.ice.gov@evil.example/a.pdf",
        "https://user:pass@www.ice.gov/a.pdf",
        "https://www.ice.gov:8443/a.pdf",
        "https://www.ice.gov:80/a.pdf",
        "https://www.ıce.gov/a.pdf",
        "https://www.xn--ce-bma.gov/a.pdf",
        "https://www.ice.gov。evil.example/a.pdf",
        "https://www.ice․gov/a.pdf",
        "https://www.ice.gov\\@evil.example/a.pdf",
        "https://evil.example/?https://www.ice.gov/a.pdf",
        "https://evil.example/https://www.ice.gov/a.pdf",
        "https://evil.example#@www.ice.gov/a.pdf",
        "http://example.org/a.pdf",
        "ftp://www.ice.gov/a.pdf",
        "https://web.archive.org/web/2024/https://www.ice.gov.evil.example/a.pdf",
        "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fevil.example%2Fa.pdf",
      })
  @DisplayName("gives no link for a host that only looks like ICE's or DHS's, nor for plain http")
  void refusesLookAlikeHosts(String raw) {
    assertNull(IceUrl.of(raw), raw);
  }

  @Test
  @DisplayName("leaves a clean ICE URL untouched, existing %20 included")
  void leavesCleanUrls() {
    String clean =
        "https://www.ice.gov/doclib/287gMOA/BellairePoliceDept_TFM_MOA_02.28.25%20508.pdf";
    assertEquals(clean, IceUrl.of(clean));
  }

  @Test
  @DisplayName("rejects targets that are not web addresses")
  void rejectsNonWebTargets() {
    assertNull(IceUrl.of("file:///C:/Users/someone/Downloads/moa.pdf"));
    assertNull(IceUrl.of("mailto:webmaster@ice.dhs.gov"));
    assertNull(IceUrl.of("link"));
  }

  @Test
  @DisplayName("recognises cell text that is itself a URL")
  void recognisesUrlText() {
    assertTrue(IceUrl.looksLikeUrl("https://web.archive.org/web/2024/https://www.ice.gov/x.pdf"));
    assertTrue(IceUrl.looksLikeUrl("HTTP://www.ice.gov/x.pdf"));
    assertFalse(IceUrl.looksLikeUrl("link"));
  }
}
