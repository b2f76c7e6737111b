package org.watch287g.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which URLs a webhook may be registered with. */
class WebhookUrlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.org/hooks/287g",
        "https://hooks.example.org:8443/a/b?token=xyz",
        "HTTPS://Example.ORG/x",
        "<https://example.org/hooks/287g>",
        "<https://example.org/hooks/287g|example.org/hooks/287g>",
        "https://8.8.8.8/hook",
        "https://[2606:4700:4700::1111]/hook"
      })
  @DisplayName("an https URL on the public internet is accepted, as typed or as Slack sends a link")
  void publicHttpsUrlsAreAccepted(String text) {
    WebhookUrl.Reading reading = WebhookUrl.read(text);
    WebhookUrl.Accepted accepted = assertInstanceOf(WebhookUrl.Accepted.class, reading, text);
    assertTrue(accepted.url().getScheme().equalsIgnoreCase("https"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.org/hook",
        "ftp://example.org/hook",
        "file:///etc/passwd",
        "gopher://example.org/"
      })
  @DisplayName("a URL that is not https is refused, saying webhooks must use https")
  void onlyHttps(String text) {
    assertEquals(problem(text), WebhookUrl.Problem.NOT_HTTPS, text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hook",
        "https://10.0.0.5/hook",
        "https://172.16.3.4/hook",
        "https://192.168.1.1/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://100.64.0.1/hook",
        "https://0.0.0.0/hook",
        "https://[::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://[fd00::1]/hook",
        "https://[fe80::1]/hook",
        "https://localhost/hook",
        "https://api.localhost/hook",
        "https://printer.local/hook",
        "https://metadata.google.internal/hook",
        "https://intranet/hook",
        "https://2130706433/hook"
      })
  @DisplayName(
      "a local, private, link-local or disguised address is refused, so webhooks never reach the"
          + " operator's network")
  void privateAddressesAreRefused(String text) {
    assertEquals(WebhookUrl.Problem.PRIVATE, problem(text), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://user:pass@example.org/hook",
        "https://token@example.org/hook",
      })
  @DisplayName("a URL with a user name or password in it is refused")
  void credentialsAreRefused(String text) {
    assertEquals(WebhookUrl.Problem.CREDENTIALS, problem(text), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.1/hook",
        "https://0x7f.0x1/hook",
        "https://0177.0.0.1/",
        "https://a.10/"
      })
  @DisplayName("an address in a shortened, octal or hex form is refused")
  void disguisedAddressesAreRefused(String text) {
    assertInstanceOf(WebhookUrl.Refused.class, WebhookUrl.read(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "example.org/hook", "https://", "https://exa mple.org/", "<>"})
  @DisplayName("text that is not a whole URL is refused as malformed")
  void malformedUrls(String text) {
    assertEquals(WebhookUrl.Problem.MALFORMED, problem(text), text);
  }

  @org.junit.jupiter.api.Test
  @DisplayName("an overlong URL is refused")
  void overlongUrls() {
    assertEquals(WebhookUrl.Problem.MALFORMED, problem("https://example.org/" + "a".repeat(2000)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "10.1.2.3",
        "192.0.2.1",
        "198.18.0.1",
        "224.0.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "::127.0.0.1",
        "64:ff9b::a00:1",
        "2002:a00:1::",
        "2001:db8::1",
        "fc00::1",
        "ff02::1",
        "fec0::1"
      })
  @DisplayName(
      "every non-public range, and IPv6 forms that carry a private IPv4 inside, is not public")
  void nonPublicAddresses(String address) throws Exception {
    assertFalse(PublicAddress.isPublic(InetAddress.getByName(address)), address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "64:ff9b::808:808"})
  @DisplayName("public addresses are public")
  void publicAddresses(String address) throws Exception {
    assertTrue(PublicAddress.isPublic(InetAddress.getByName(address)), address);
  }

  @org.junit.jupiter.api.Test
  @DisplayName(
      "replies show a webhook's URL without its query, which may hold the receiver's token")
  void shownWithoutQuery() {
    assertEquals(
        "https://example.org/hooks/287g",
        WebhookCommand.shown(URI.create("https://example.org/hooks/287g?token=secret")));
  }

  private static WebhookUrl.Problem problem(String text) {
    return assertInstanceOf(WebhookUrl.Refused.class, WebhookUrl.read(text), text).problem();
  }
}
