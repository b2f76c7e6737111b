package org.watch287g.config;

import java.net.URI;

/**
 * The Discord bot. Empty {@code token} turns Discord off.
 *
 * @param token the bot token ({@code DISCORD_TOKEN})
 * @param apiUrl the REST base URL
 * @param gatewayUrl the gateway WebSocket URL
 * @param adminChannel the channel ID for operator notices; empty for none
 */
public record DiscordConfig(String token, URI apiUrl, URI gatewayUrl, String adminChannel) {

  public static final URI DISCORD_API = URI.create("https://discord.com/api/v10/");
  public static final URI DISCORD_GATEWAY = URI.create("wss://gateway.discord.gg/");

  /** Whether Discord is on: a token is set. */
  public boolean enabled() {
    return !token.isEmpty();
  }
}
