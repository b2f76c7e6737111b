package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.config.ConfigException;
import org.watch287g.config.ConfigLoader;
import org.watch287g.config.SlackConfig;

/** The Slack keys this adapter added to the config. */
class SlackConfigKeysTest {
  static SlackConfig slack(String yaml) {
    return new ConfigLoader(Map.of()).parse(yaml, "test").slack();
  }

  @Test
  @DisplayName("the endpoint listens on loopback unless bind address says otherwise")
  void theEndpointListensOnLoopbackUnlessBindAddressSaysOtherwise() {
    assertEquals("127.0.0.1", slack("slack:\n  port: 3000\n").bindAddress());
    assertEquals("0.0.0.0", slack("slack:\n  bindAddress: 0.0.0.0\n").bindAddress());
  }

  @Test
  @DisplayName("a container sets the address with slack bind address and the file still wins")
  void aContainerSetsTheAddressWithSlackBindAddressAndTheFileStillWins() {
    ConfigLoader loader = new ConfigLoader(Map.of("SLACK_BIND_ADDRESS", "0.0.0.0"));

    assertEquals("0.0.0.0", loader.parse("slack:\n  port: 3000\n", "t").slack().bindAddress());
    assertEquals(
        "10.0.0.5", loader.parse("slack:\n  bindAddress: 10.0.0.5\n", "t").slack().bindAddress());
  }

  @Test
  @DisplayName("an address that does not resolve stops the start with a message")
  void anAddressThatDoesNotResolveStopsTheStartWithAMessage() {
    SlackConfig config =
        slack(
            """
            slack:
              botToken: xoxb-x
              signingSecret: s
              apiUrl: http://127.0.0.1:9/api/
              bindAddress: no-such-host.invalid
              port: 0
            """);
    SlackPlatform platform = new SlackPlatform(config, null, Clock.systemUTC());
    try {
      ConfigException e = assertThrows(ConfigException.class, platform::start);
      assertTrue(e.getMessage().startsWith("slack.port: "), e.getMessage());
      assertTrue(e.getMessage().contains("no-such-host.invalid"), e.getMessage());
    } finally {
      platform.close();
    }
  }
}
