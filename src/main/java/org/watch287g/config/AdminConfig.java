package org.watch287g.config;

import java.time.Duration;

/**
 * The operator's HTTP endpoint: {@code /healthz}, {@code /readyz} and {@code /metrics}.
 *
 * @param enabled whether it is served at all
 * @param bindAddress the address it listens on: loopback by default, since metrics are for the
 *     operator's own monitoring and nothing in them is meant for the internet; the environment's
 *     {@code WATCH287G_ADMIN_BIND_ADDRESS} changes the default (the Docker image sets 0.0.0.0 so
 *     that Compose can publish the port on a private network)
 * @param port its own port, apart from Slack's ({@code WATCH287G_ADMIN_PORT} changes the default)
 * @param platformGrace how long a configured chat platform may stay disconnected (a reconnect)
 *     before {@code /readyz} says the bot is not ready
 * @param password what the dashboard at {@code /} asks for (HTTP Basic, any user name); empty for
 *     none, and then the dashboard is served only when the endpoint is bound to loopback, since it
 *     names every channel
 */
public record AdminConfig(
    boolean enabled, String bindAddress, int port, Duration platformGrace, String password) {
  public static final int DEFAULT_PORT = 9287;
  public static final String LOOPBACK = "127.0.0.1";
  public static final Duration DEFAULT_PLATFORM_GRACE = Duration.ofMinutes(2);

  public static AdminConfig defaults() {
    return new AdminConfig(true, LOOPBACK, DEFAULT_PORT, DEFAULT_PLATFORM_GRACE, "");
  }

  /** The endpoint without a dashboard password (the dashboard then is for loopback only). */
  public AdminConfig(boolean enabled, String bindAddress, int port, Duration platformGrace) {
    this(enabled, bindAddress, port, platformGrace, "");
  }
}
