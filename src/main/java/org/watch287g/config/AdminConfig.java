package org.watch287g.config;

/**
 * The operator's HTTP endpoint: {@code /healthz}, {@code /readyz} and {@code /metrics}.
 *
 * @param enabled whether it is served at all
 * @param bindAddress the address it listens on: loopback by default, since metrics are for the
 *     operator's own monitoring and nothing in them is meant for the internet
 * @param port its own port, apart from Slack's
 */
public record AdminConfig(boolean enabled, String bindAddress, int port) {
  public static final int DEFAULT_PORT = 9287;

  public static AdminConfig defaults() {
    return new AdminConfig(true, "127.0.0.1", DEFAULT_PORT);
  }
}
