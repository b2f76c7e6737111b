package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class LinkOriginTest {
  static final HttpUrl PAGE = HttpUrl.get("https://www.ice.gov/identify-and-arrest/287g");

  @Test
  void workbooks_on_ices_own_host_over_https_are_followed() {
    assertTrue(LinkOrigin.permits(PAGE, HttpUrl.get("https://www.ice.gov/doclib/287g/a.xlsx")));
  }

  @Test
  void another_host_a_look_alike_another_port_or_plain_http_are_not() {
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
  void a_page_configured_as_http_may_be_upgraded_to_https_on_its_host_and_nowhere_else() {
    HttpUrl http = HttpUrl.get("http://www.ice.gov/identify-and-arrest/287g");

    assertTrue(
        LinkOrigin.permits(http, HttpUrl.get("https://www.ice.gov/identify-and-arrest/287g")));
    assertFalse(LinkOrigin.permits(http, HttpUrl.get("https://evil.example/identify")));
    assertFalse(LinkOrigin.permits(http, HttpUrl.get("http://www.ice.gov/a.xlsx")));
  }

  @Test
  void local_fakes_over_http_are_followed_on_their_own_host_and_port_only() {
    HttpUrl fake = HttpUrl.get("http://127.0.0.1:4100/identify-and-arrest/287g");

    assertTrue(LinkOrigin.permits(fake, HttpUrl.get("http://127.0.0.1:4100/a.xlsx")));
    assertFalse(LinkOrigin.permits(fake, HttpUrl.get("http://127.0.0.1:4101/a.xlsx")));
  }
}
