package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LinkOriginTest {
  static final HttpUrl PAGE = HttpUrl.get("https://www.ice.gov/identify-and-arrest/287g");

  @Test
  @DisplayName("workbooks on ices own host over https are followed")
  void workbooksOnIcesOwnHostOverHttpsAreFollowed() {
    assertTrue(LinkOrigin.permits(PAGE, HttpUrl.get("https://www.ice.gov/doclib/287g/a.xlsx")));
  }

  @Test
  @DisplayName("another host a look alike another port or plain http are not")
  void anotherHostALookAlikeAnotherPortOrPlainHttpAreNot() {
    for (String url :
        new String[] {
          "https://www.ice.gov.evil.example/a.xlsx",
          "https://ice.gov/a.xlsx",
          "https://www.ice.gov:8443/a.xlsx",
          "http://www.ice.gov/a.xlsx",
          "http://localhost/a.xlsx",
          "http://127.0.0.1:9287/metrics"
        }) {
      assertFalse(LinkOrigin.permits(PAGE, HttpUrl.get(url)), url);
    }
  }

  @Test
  @DisplayName("a page configured as http may be upgraded to https on its host and nowhere else")
  void aPageConfiguredAsHttpMayBeUpgradedToHttpsOnItsHostAndNowhereElse() {
    HttpUrl http = HttpUrl.get("http://www.ice.gov/identify-and-arrest/287g");

    assertTrue(
        LinkOrigin.permits(http, HttpUrl.get("https://www.ice.gov/identify-and-arrest/287g")));
    assertFalse(LinkOrigin.permits(http, HttpUrl.get("https://evil.example/identify")));
    assertFalse(LinkOrigin.permits(http, HttpUrl.get("http://www.ice.gov/a.xlsx")));
  }

  @Test
  @DisplayName("local fakes over http are followed on their own host and port only")
  void localFakesOverHttpAreFollowedOnTheirOwnHostAndPortOnly() {
    HttpUrl fake = HttpUrl.get("http://127.0.0.1:4100/identify-and-arrest/287g");

    assertTrue(LinkOrigin.permits(fake, HttpUrl.get("http://127.0.0.1:4100/a.xlsx")));
    assertFalse(LinkOrigin.permits(fake, HttpUrl.get("http://127.0.0.1:4101/a.xlsx")));
  }
}
