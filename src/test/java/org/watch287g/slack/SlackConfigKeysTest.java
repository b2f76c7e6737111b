package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Map;
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
  void the_endpoint_listens_on_loopback_unless_bind_address_says_otherwise() {
    assertEquals("127.0.0.1", slack("slack:\n  port: 3000\n").bindAddress());
    assertEquals("0.0.0.0", slack("slack:\n  bindAddress: 0.0.0.0\n").bindAddress());
  }

  @Test
  void a_container_sets_the_address_with_slack_bind_address_and_the_file_still_wins() {
    ConfigLoader loader = new ConfigLoader(Map.of("SLACK_BIND_ADDRESS", "0.0.0.0"));

    assertEquals("0.0.0.0", loader.parse("slack:\n  port: 3000\n", "t").slack().bindAddress());
    assertEquals(
        "10.0.0.5", loader.parse("slack:\n  bindAddress: 10.0.0.5\n", "t").slack().bindAddress());
  }

  @Test
  void an_address_that_does_not_resolve_stops_the_start_with_a_message() {
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
