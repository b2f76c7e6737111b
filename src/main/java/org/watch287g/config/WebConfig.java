package org.watch287g.config;

import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The public pages: a read-only page, CSV and JSON for every county and state, for people who are
 * not in the chat.
 *
 * @param enabled whether they are served at all (off unless {@code web.enabled: true})
 * @param bindAddress the address they listen on: loopback by default, for a TLS proxy in front
 * @param port their port
 * @param publicUrl how people reach them (the proxy's https address), so that alerts and replies
 *     can link to a place's page; null when not set
 * @param cacheSize how many answers (pages, files, maps) are kept until ICE's lists change; 0 keeps
 *     none
 */
public record WebConfig(
    boolean enabled, String bindAddress, int port, @Nullable URI publicUrl, int cacheSize) {
  public static final int DEFAULT_PORT = 8287;
  public static final int DEFAULT_CACHE_SIZE = 512;

  public static WebConfig defaults() {
    return new WebConfig(false, AdminConfig.LOOPBACK, DEFAULT_PORT, null, DEFAULT_CACHE_SIZE);
  }

  /** Where a page is for people: {@code publicUrl} with the path, when it is set. */
  public Optional<URI> link(String path) {
    if (publicUrl == null) {
      return Optional.empty();
    }
    String base = publicUrl.toString();
    return Optional.of(URI.create(base.endsWith("/") ? base + path.substring(1) : base + path));
  }
}
