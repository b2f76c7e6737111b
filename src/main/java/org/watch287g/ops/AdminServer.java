package org.watch287g.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.config.AdminConfig;
import org.watch287g.web.HttpAnswer;
import org.watch287g.web.HttpRoute;
import org.watch287g.web.PublicHttpServer;

/**
 * The operator's endpoint, on its own port (loopback by default), served by the same hardened
 * server as the public pages and Slack's endpoint ({@link PublicHttpServer}):
 *
 * <ul>
 *   <li>{@code GET /healthz}: 200 while the process runs (for a container's HEALTHCHECK or a
 *       supervisor);
 *   <li>{@code GET /readyz}: 200 and "ready" when {@link Readiness} holds, else 503 with every
 *       reason, one per line; then, either way, what is wrong but still within its grace period (a
 *       platform reconnecting), one per line;
 *   <li>{@code GET /metrics}: Prometheus's text format;
 *   <li>{@code GET /}: the {@link Dashboard}, for a person: the source's health, the publications
 *       and their verdicts, the outbox and the channels.
 * </ul>
 *
 * Two workers serve it: a scrape every few seconds and an operator's look are all it is for.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final PublicHttpServer.Limits LIMITS =
      new PublicHttpServer.Limits(
          Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10), 32, 2, 16);

  private final PublicHttpServer server;

  private AdminServer(PublicHttpServer server) {
    this.server = server;
  }

  /**
   * Starts serving, without a dashboard.
   *
   * @throws IOException if the address cannot be bound (the port is taken)
   */
  public static AdminServer start(AdminConfig config, Readiness readiness, Metrics metrics)
      throws IOException {
    return start(config, readiness, metrics, null);
  }

  /**
   * Starts serving, with the dashboard at {@code /} when one is given.
   *
   * @throws IOException if the address cannot be bound (the port is taken)
   */
  public static AdminServer start(
      AdminConfig config, Readiness readiness, Metrics metrics, @Nullable Dashboard dashboard)
      throws IOException {
    PublicHttpServer server = new PublicHttpServer(config.bindAddress(), config.port(), LIMITS);
    server.route("/healthz", page("/healthz", () -> text(200, "ok\n")));
    server.route(
        "/readyz",
        page(
            "/readyz",
            () -> {
              Readiness.Verdict verdict = readiness.check();
              StringBuilder body = new StringBuilder();
              for (String line : verdict.ready() ? List.of("ready") : verdict.problems()) {
                body.append(line).append('\n');
              }
              for (String note : verdict.notes()) {
                body.append(note).append('\n');
              }
              return text(verdict.ready() ? 200 : 503, body.toString());
            }));
    server.route(
        "/metrics",
        page(
            "/metrics",
            () ->
                new HttpAnswer(
                    200,
                    "text/plain; version=0.0.4; charset=utf-8",
                    metrics.scrape().getBytes(StandardCharsets.UTF_8),
                    Map.of("Cache-Control", "no-store"))));
    if (dashboard != null) {
      if (!config.password().isEmpty()) {
        server.route("/", guarded(config.password(), page("/", dashboard::page)));
      } else if (loopback(config.bindAddress())) {
        server.route("/", page("/", dashboard::page));
      } else {
        log.warn(
            "the dashboard is off: the admin endpoint listens on {} and admin.password is not"
                + " set (it names every channel)",
            config.bindAddress());
      }
    }
    server.start();
    return new AdminServer(server);
  }

  /** The port it listens on (useful when configured as an ephemeral one in tests). */
  public int port() {
    return server.port();
  }

  private static HttpRoute page(String path, Supplier<HttpAnswer> answer) {
    return HttpRoute.reading(
        () -> {
          try {
            return answer.get();
          } catch (RuntimeException e) {
            // A check or scrape that fails must not take anything else down; the operator sees a
            // 500.
            log.warn("admin endpoint {} failed: {}", path, e.toString());
            return text(500, "internal error: see the bot's log\n");
          }
        });
  }

  /**
   * The route behind HTTP Basic authentication: any user name, this password, compared in constant
   * time. A wrong or missing one gets 401 and the browser's login prompt.
   */
  private static HttpRoute guarded(String password, HttpRoute inner) {
    byte[] expected = password.getBytes(StandardCharsets.UTF_8);
    return HttpRoute.reading(
        call ->
            MessageDigest.isEqual(expected, basicPassword(call.header("authorization")))
                ? inner.answer(call)
                : text(401, "the dashboard needs admin.password\n")
                    .with("WWW-Authenticate", "Basic realm=\"watch287g\", charset=\"UTF-8\""));
  }

  /** The password of an HTTP Basic {@code Authorization} header; empty when there is none. */
  static byte[] basicPassword(@Nullable String header) {
    if (header == null
        || header.length() > 1_024
        || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return new byte[0];
    }
    try {
      String pair =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      return colon < 0 ? new byte[0] : pair.substring(colon + 1).getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  private static boolean loopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  private static HttpAnswer text(int status, String body) {
    return new HttpAnswer(
        status, TEXT, body.getBytes(StandardCharsets.UTF_8), Map.of("Cache-Control", "no-store"));
  }

  @Override
  public void close() {
    server.close();
  }
}
