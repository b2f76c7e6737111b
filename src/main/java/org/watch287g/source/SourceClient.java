package org.watch287g.source;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.charset.Charset;
import java.time.Duration;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.config.SourceConfig;
import org.watch287g.dataset.Provenance;

/**
 * Reads ICE: finds the workbook links on the 287(g) page and downloads the workbooks.
 *
 * <p>Every request carries the configured User-Agent, follows redirects within its origin only,
 * fetches workbooks only from the page's own https host ({@link LinkOrigin}), is bounded by the
 * configured timeouts and size caps, and is retried up to {@link SourceConfig#retries()} times with
 * exponential backoff and jitter (or the server's {@code Retry-After}) after network errors,
 * timeouts, 5xx, 408 and 429. Other 4xx answers are not retried. Every failure is a {@link
 * SourceException} with a one-line message. Thread-safe; one instance is meant to live as long as
 * the poller, then be {@linkplain #close() closed}.
 */
public final class SourceClient implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SourceClient.class);

  private final SourceConfig config;
  private final OkHttpClient client;
  private final Exchange exchange;
  private final Sleeper sleeper;
  private final Backoff backoff = Backoff.jittered();

  /** A client with its own connection pool, timeouts and User-Agent from {@code config}. */
  public SourceClient(SourceConfig config) {
    this(config, Sleeper.system());
  }

  /** As {@link #SourceClient(SourceConfig)}, waiting between retries with {@code sleeper}. */
  SourceClient(SourceConfig config, Sleeper sleeper) {
    this.config = config;
    this.sleeper = sleeper;
    this.client = httpClient(config);
    this.exchange = new Exchange(client, config);
  }

  private static OkHttpClient httpClient(SourceConfig config) {
    String userAgent = config.userAgent();
    return new OkHttpClient.Builder()
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        // The read timeout only bounds the gaps between bytes; the call timeout bounds the whole
        // exchange, so a server trickling one byte a second cannot hold a poll for ever.
        .callTimeout(config.connectTimeout().plus(config.readTimeout()))
        // Exchange follows redirects itself, and only within the origin: OkHttp would follow them
        // to any host and from https to http.
        .followRedirects(false)
        .followSslRedirects(false)
        .addInterceptor(
            chain ->
                chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build()))
        .build();
  }

  /**
   * Reads the 287(g) page at {@link SourceConfig#pageUrl()} and finds its workbook links.
   *
   * <p>The page is decoded with the charset its {@code Content-Type} names, else UTF-8; relative
   * links resolve against the URL redirects ended at.
   *
   * @throws SourceException when the page cannot be read (after retries), exceeds {@link
   *     SourceConfig#maxPageBytes()}, or links no participating-agencies workbook
   */
  public PageLinks readPage() throws SourceException {
    HttpUrl page = httpUrl(config.pageUrl().toString());
    Exchange.Reply reply = withRetries(page, Headers.of(), new Cap("page", config.maxPageBytes()));
    MediaType type = reply.contentType();
    Charset charset = type == null ? UTF_8 : type.charset(UTF_8);
    return PageScraper.find(new String(reply.body(), charset), reply.finalUrl());
  }

  /**
   * Downloads one workbook, conditionally when {@code previous} holds validators: {@code
   * If-None-Match} for the ETag, {@code If-Modified-Since} for Last-Modified.
   *
   * @return {@link Download.NotModified} on 304, else {@link Download.Fetched} with the body, its
   *     SHA-256 and the response's validators; the bytes are not checked to be a workbook (a
   *     redirect to an HTML page arrives here as a 200)
   * @throws SourceException when the URL is not http(s), the download fails (after retries), or the
   *     body exceeds {@link SourceConfig#maxWorkbookBytes()}
   */
  public Download download(String url, Validators previous) throws SourceException {
    HttpUrl target = httpUrl(url);
    Cap cap = new Cap("workbook", config.maxWorkbookBytes());
    Exchange.Reply reply = withRetries(target, conditional(previous), cap);
    if (reply.notModified()) {
      return new Download.NotModified(url);
    }
    Validators validators =
        new Validators(reply.headers().get("ETag"), reply.headers().get("Last-Modified"));
    return new Download.Fetched(url, reply.body(), Provenance.sha256Of(reply.body()), validators);
  }

  /** Stops OkHttp's threads and closes its pooled connections; the client is unusable after. */
  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private Exchange.Reply withRetries(HttpUrl url, Headers conditional, Cap cap)
      throws SourceException {
    int attempts = Math.max(0, config.retries()) + 1;
    for (int attempt = 1; ; attempt++) {
      try {
        return exchange.get(url, conditional, cap);
      } catch (RetryableFailure failure) {
        if (Thread.currentThread().isInterrupted()) {
          // Shutting down: OkHttp reports the interrupt as an I/O error, which is not worth a
          // retry.
          throw new SourceException("interrupted while reading " + url, failure);
        }
        if (attempt >= attempts) {
          throw failure.giveUp(attempt);
        }
        Duration wait = backoff.before(attempt - 1, failure.retryAfter());
        log.debug(
            "{}; retry {} of {} in {} ms",
            failure.summary(),
            attempt,
            attempts - 1,
            wait.toMillis());
        pause(wait, url);
      }
    }
  }

  private void pause(Duration wait, HttpUrl url) throws SourceException {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException("interrupted while waiting to retry " + url, e);
    }
  }

  private static Headers conditional(Validators previous) {
    Headers.Builder headers = new Headers.Builder();
    addIfPresent(headers, "If-None-Match", previous.etag());
    addIfPresent(headers, "If-Modified-Since", previous.lastModified());
    return headers.build();
  }

  private static void addIfPresent(Headers.Builder headers, String name, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      // Validators are echoed back verbatim; OkHttp's strict check would reject a server's odd
      // bytes.
      headers.addUnsafeNonAscii(name, value);
    }
  }

  private static HttpUrl httpUrl(String url) throws SourceException {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new SourceException("not an http(s) URL: " + url);
    }
    return parsed;
  }
}
