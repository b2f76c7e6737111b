package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.config.SlackConfig;

class ResponseUrlsTest {
  final ResponseUrls slack = new ResponseUrls(SlackConfig.SLACK_API, SlackConfig.SLACK_API);

  @Test
  @DisplayName("slacks own hooks are allowed")
  void slacksOwnHooksAreAllowed() {
    assertTrue(slack.allowed("https://hooks.slack.com/commands/T1/397700885554/96rGlfmibIGlgcZ"));
    assertTrue(slack.allowed("https://hooks.slack.com:443/actions/T1/1/x"));
  }

  @Test
  @DisplayName("anything else is refused however it is dressed")
  void anythingElseIsRefusedHoweverItIsDressed() {
    for (String url :
        new String[] {
          "http://hooks.slack.com/commands/T1/1/x",
          "https://hooks.slack.com.evil.example/commands",
          "https://evil.example/hooks.slack.com/",
          "https://hooks.slack.com@evil.example/",
          "https://user@hooks.slack.com/commands",
          "https://hooks.slack.com:8443/commands",
          "http://127.0.0.1:9287/metrics",
          "file:///etc/passwd",
          "hooks.slack.com/commands",
          "",
          "https://[::1]/x",
          "https://hooks.slack.com/\u0000"
        }) {
      assertFalse(slack.allowed(url), url);
    }
    assertFalse(slack.allowed(null));
  }

  @Test
  @DisplayName("with a custom api url its exact origin is allowed too and no other port")
  void withACustomApiUrlItsExactOriginIsAllowedTooAndNoOtherPort() {
    ResponseUrls fake =
        new ResponseUrls(URI.create("http://127.0.0.1:4100/api/"), SlackConfig.SLACK_API);

    assertTrue(fake.allowed("http://127.0.0.1:4100/response/1"));
    assertTrue(fake.allowed("https://hooks.slack.com/commands/T1/1/x"));
    assertFalse(fake.allowed("http://127.0.0.1:9287/response/1"));
    assertFalse(fake.allowed("https://127.0.0.1:4100/response/1"));
  }
}
