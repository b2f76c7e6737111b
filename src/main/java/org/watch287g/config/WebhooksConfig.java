package org.watch287g.config;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Webhooks: URLs that receive each alert as signed JSON (the README's Webhooks section).
 *
 * @param allowFromChat whether a channel's managers may register one with {@code /287g webhook} (on
 *     by default: only https URLs on the public internet are ever posted to)
 * @param endpoints the operator's own webhooks, each following the places listed for it
 */
public record WebhooksConfig(boolean allowFromChat, List<Endpoint> endpoints) {

  public WebhooksConfig {
    endpoints = List.copyOf(endpoints);
  }

  public static WebhooksConfig defaults() {
    return new WebhooksConfig(true, List.of());
  }

  /**
   * One webhook of the operator's.
   *
   * @param name what logs, metrics and the dashboard call it: letters, digits, dots, dashes
   * @param url where it posts (https)
   * @param secret the key requests are signed with, at least 16 characters (better from the
   *     environment: {@code secret: ${COALITION_WEBHOOK_SECRET}})
   * @param places what it follows, written as {@code /287g subscribe} takes them ("Harris County,
   *     TX", "48201", "TX")
   * @param language the language of its alerts' texts, {@code en} or {@code es}
   * @param pending whether pending requests are sent too
   */
  public record Endpoint(
      String name, URI url, String secret, List<String> places, String language, boolean pending) {
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int MIN_SECRET = 16;

    public Endpoint {
      places = List.copyOf(places);
    }

    /** Never the secret. */
    @Override
    public String toString() {
      return name + " -> " + url.getScheme() + "://" + url.getHost();
    }
  }
}
