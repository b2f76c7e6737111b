package org.watch287g.config;

import java.net.URI;
import java.time.Duration;

/**
 * Where ICE's lists are read from and how politely.
 *
 * @param pageUrl the 287(g) page whose links name the current workbooks
 * @param pollInterval how often {@code run} checks the page (jittered by about 10%)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for the whole of one response
 * @param maxPageBytes the largest page accepted
 * @param maxWorkbookBytes the largest workbook accepted (ICE's largest so far is 0.25 MB)
 * @param retries how many times a failed request is retried (with backoff and jitter)
 * @param userAgent sent with every request, so ICE can tell who is asking
 */
public record SourceConfig(
    URI pageUrl,
    Duration pollInterval,
    Duration connectTimeout,
    Duration readTimeout,
    long maxPageBytes,
    long maxWorkbookBytes,
    int retries,
    String userAgent) {

  public static final URI ICE_PAGE = URI.create("https://www.ice.gov/identify-and-arrest/287g");
  public static final String USER_AGENT =
      "watch287g/0.1 (open-source 287(g) list watcher; +https://github.com/watch287g/watch287g)";

  /** The defaults: ICE's page every ten minutes, modest timeouts and size caps. */
  public static SourceConfig defaults() {
    return new SourceConfig(
        ICE_PAGE,
        Duration.ofMinutes(10),
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        2_000_000,
        20_000_000,
        2,
        USER_AGENT);
  }
}
