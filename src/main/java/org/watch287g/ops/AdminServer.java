package org.watch287g.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.config.AdminConfig;

/**
 * The operator's endpoint, on its own port (loopback by default):
 *
 * <ul>
 *   <li>{@code GET /healthz}: 200 while the process runs (for a container's HEALTHCHECK or a
 *       supervisor);
 *   <li>{@code GET /readyz}: 200 and "ready" when {@link Readiness} holds, else 503 with every
 *       reason, one per line; then, either way, what is wrong but still within its grace period (a
 *       platform reconnecting), one per line;
 *   <li>{@code GET /metrics}: Prometheus's text format.
 * </ul>
 *
 * Two threads serve it: a scrape every few seconds is all it is for.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
  private static final String TEXT = "text/plain; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private AdminServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving.
   *
   * @throws IOException if the address cannot be bound (the port is taken)
   */
  public static AdminServer start(AdminConfig config, Readiness readiness, Metrics metrics)
      throws IOException {
    tuneJdkServer();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 16);
    server.createContext("/healthz", ex -> answer(ex, () -> new Page(200, TEXT, "ok\n")));
    server.createContext(
        "/readyz",
        ex ->
            answer(
                ex,
                () -> {
                  Readiness.Verdict verdict = readiness.check();
                  StringBuilder body = new StringBuilder();
                  for (String line : verdict.ready() ? List.of("ready") : verdict.problems()) {
                    body.append(line).append('\n');
                  }
                  for (String note : verdict.notes()) {
                    body.append(note).append('\n');
                  }
                  return new Page(verdict.ready() ? 200 : 503, TEXT, body.toString());
                }));
    server.createContext(
        "/metrics",
        ex ->
            answer(
                ex,
                () -> new Page(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape())));
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "admin-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
    return new AdminServer(server, executor);
  }

  /** The port it listens on (useful when configured as an ephemeral one in tests). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** One response. */
  private record Page(int status, String type, String body) {}

  /**
   * The JDK server's settings are system properties read once, when the first JDK server in the
   * process starts; this is the bot's only one (Slack's endpoint runs on Jetty).
   */
  private static void tuneJdkServer() {
    // The JDK server writes a response's headers and body separately and, without TCP_NODELAY,
    // Nagle's algorithm holds the body until the client's delayed ACK (~40 ms).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    // A request must arrive within 10 s, so that a stuck local client cannot hold the one thread.
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", "10");
    }
  }

  private static void answer(HttpExchange ex, Supplier<Page> page) throws IOException {
    try (ex) {
      if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        ex.sendResponseHeaders(405, -1);
        return;
      }
      if (!isExactPath(ex)) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      Page p;
      try {
        p = page.get();
      } catch (RuntimeException e) {
        // A check or scrape that fails must not take anything else down; the operator sees a 500.
        log.warn("admin endpoint {} failed: {}", ex.getRequestURI().getPath(), e.toString());
        p = new Page(500, TEXT, "internal error: see the bot's log\n");
      }
      byte[] bytes = p.body().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", p.type());
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      boolean head = ex.getRequestMethod().equals("HEAD");
      ex.sendResponseHeaders(p.status(), head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  /** HttpServer matches contexts by prefix; {@code /healthzzz} is not {@code /healthz}. */
  private static boolean isExactPath(HttpExchange ex) {
    return ex.getRequestURI().getPath().equals(ex.getHttpContext().getPath());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
