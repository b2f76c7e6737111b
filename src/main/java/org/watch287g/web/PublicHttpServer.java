package org.watch287g.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server strangers on the internet reach (issue 12): Jetty, because it reads headers and bodies
 * without holding a thread while it waits, so clients that send slowly cost a connection each, not
 * a worker. Everything else about a hostile client is bounded here, before any route runs:
 *
 * <ul>
 *   <li>headers: at most 8 KiB (431), and complete within {@link Limits#headerDeadline} of
 *       connecting (else the connection is closed);
 *   <li>body: at most the route's {@link HttpRoute#maxBody} (413, unread), and complete within
 *       {@link Limits#bodyDeadline} of the headers (408);
 *   <li>connections: at most {@link Limits#maxConnections} open; an idle one is closed after {@link
 *       Limits#idleTimeout};
 *   <li>work: routes run on {@link Limits#workers} threads with a queue of {@link Limits#queue};
 *       beyond it a request is answered 503 at once instead of waiting.
 * </ul>
 *
 * Unknown paths are 404. Nothing a client sends is logged.
 */
public final class PublicHttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PublicHttpServer.class);

  /** How much of a refused, oversized body is read and discarded so that the 413 arrives. */
  private static final long LINGER_BYTES = 16L * 1024 * 1024;

  /**
   * The server's bounds.
   *
   * @param headerDeadline from connecting to the end of the first request's headers
   * @param bodyDeadline from the end of the headers to the end of the body
   * @param idleTimeout a connection with nothing moving is closed after this
   * @param maxConnections connections open at once; more wait to be accepted
   * @param workers threads that run routes
   * @param queue requests that may wait for a worker; more are answered 503
   */
  public record Limits(
      Duration headerDeadline,
      Duration bodyDeadline,
      Duration idleTimeout,
      int maxConnections,
      int workers,
      int queue) {

    /**
     * For Slack's endpoint: Slack sends a request in one go and gives up after 3 s, so a request
     * still arriving after 5 s is not from Slack, or too late to matter.
     */
    public static Limits defaults() {
      return new Limits(
          Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10), 512, 4, 64);
    }
  }

  private final Server server;
  private final ServerConnector connector;
  private final ThreadPoolExecutor workers;
  private final Map<String, HttpRoute> routes = new LinkedHashMap<>();
  private final Map<String, HttpRoute> prefixes = new LinkedHashMap<>();
  private final Limits limits;

  /** Connections whose first request's headers have arrived; the others are closed at deadline. */
  private final Set<Connection> started = ConcurrentHashMap.newKeySet();

  /**
   * Binds now, so that a port in use fails at start-up; serves once {@link #start} is called.
   *
   * @throws IOException when the address is unknown or the port cannot be bound
   */
  public PublicHttpServer(String bindAddress, int port, Limits limits) throws IOException {
    this.limits = limits;
    InetSocketAddress address = new InetSocketAddress(bindAddress, port);
    if (address.isUnresolved()) {
      throw new IOException("no such address: " + bindAddress);
    }
    QueuedThreadPool jetty = new QueuedThreadPool(6, 2);
    jetty.setName("web");
    jetty.setDaemon(true);
    jetty.setReservedThreads(0);
    this.server = new Server(jetty);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(8 * 1024);
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(bindAddress);
    connector.setPort(port);
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    connector.addBean(new HeaderDeadline());
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
    server.setHandler(new Router());
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            limits.workers(),
            limits.workers(),
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(limits.queue()),
            r -> {
              Thread t = new Thread(r, "web-route-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    try {
      connector.open();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Serves {@code route} at exactly {@code path}. Call before {@link #start}. */
  public void route(String path, HttpRoute route) {
    routes.put(path, route);
  }

  /**
   * Serves {@code route} at every path under {@code prefix} (which ends with "/"), where no exact
   * route matches. Call before {@link #start}.
   */
  public void routeUnder(String prefix, HttpRoute route) {
    if (!prefix.endsWith("/")) {
      throw new IllegalArgumentException("a prefix ends with /: " + prefix);
    }
    prefixes.put(prefix, route);
  }

  private @Nullable HttpRoute routeFor(String path) {
    HttpRoute exact = routes.get(path);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, HttpRoute> p : prefixes.entrySet()) {
      if (path.startsWith(p.getKey())) {
        return p.getValue();
      }
    }
    return null;
  }

  /**
   * Starts serving.
   *
   * @throws IOException when Jetty cannot start
   */
  public void start() throws IOException {
    try {
      server.start();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The port bound, useful when 0 was asked for. */
  public int port() {
    return connector.getLocalPort();
  }

  /** Stops accepting, gives requests in progress a second, then stops the workers. */
  @Override
  public void close() {
    server.setStopTimeout(1000);
    try {
      server.stop();
    } catch (Exception e) {
      log.debug("the web server did not stop cleanly: {}", e.toString());
    }
    workers.shutdown();
    try {
      if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Closes a connection whose first request's headers have not arrived within the deadline. */
  private final class HeaderDeadline implements Connection.Listener {
    @Override
    public void onOpened(Connection connection) {
      Scheduler scheduler = server.getScheduler();
      scheduler.schedule(
          () -> {
            if (!started.contains(connection)) {
              connection.getEndPoint().close();
            }
          },
          limits.headerDeadline().toMillis(),
          TimeUnit.MILLISECONDS);
    }

    @Override
    public void onClosed(Connection connection) {
      started.remove(connection);
    }
  }

  /** Finds the route, reads the body within its bounds, and hands it to a worker. */
  private final class Router extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      Connection connection = request.getConnectionMetaData().getConnection();
      if (connection.getEndPoint().isOpen()) {
        started.add(connection);
      }
      String path = Request.getPathInContext(request);
      HttpRoute route = routeFor(path);
      if (route == null) {
        write(response, callback, HttpAnswer.text(404, "not found"));
        return true;
      }
      java.util.Set<String> methods = route.methods();
      if (!methods.isEmpty() && !methods.contains(request.getMethod())) {
        String allow = String.join(", ", new java.util.TreeSet<>(methods));
        write(
            response,
            callback,
            closing(HttpAnswer.text(405, "method not allowed\n").with("Allow", allow)));
        return true;
      }
      long declared = request.getLength();
      if (declared > route.maxBody()) {
        tooLarge(request, response, callback);
        return true;
      }
      AtomicBoolean answered = new AtomicBoolean();
      Scheduler.Task deadline =
          server
              .getScheduler()
              .schedule(
                  () -> {
                    if (answered.compareAndSet(false, true)) {
                      write(response, callback, closing(HttpAnswer.text(408, "too slow")));
                    }
                  },
                  limits.bodyDeadline().toMillis(),
                  TimeUnit.MILLISECONDS);
      // The callbacks only hand over to a worker or write a short answer: they never block, so
      // Jetty may run them on the thread that read the last bytes.
      Content.Source.asByteArrayAsync(
          request,
          route.maxBody(),
          Promise.Invocable.from(
              Invocable.InvocationType.NON_BLOCKING,
              body -> {
                deadline.cancel();
                if (answered.compareAndSet(false, true)) {
                  dispatch(route, call(request, path, body), response, callback);
                }
              },
              failure -> {
                deadline.cancel();
                if (!answered.compareAndSet(false, true)) {
                  return;
                }
                if (request.getLength() < 0 && connection.getEndPoint().isOpen()) {
                  // A chunked body over the limit: Jetty stops reading it and fails the read.
                  tooLarge(request, response, callback);
                } else {
                  callback.failed(failure);
                }
              }));
      return true;
    }
  }

  private void dispatch(HttpRoute route, HttpCall call, Response response, Callback callback) {
    try {
      workers.execute(() -> write(response, callback, answer(route, call)));
    } catch (RejectedExecutionException e) {
      write(response, callback, HttpAnswer.text(503, "busy").with("Retry-After", "1"));
    }
  }

  private static HttpAnswer answer(HttpRoute route, HttpCall call) {
    try {
      return route.answer(call);
    } catch (RuntimeException e) {
      // The exception's class only: its message may quote what the client sent.
      log.warn("{} {} failed: {}", call.method(), call.path(), e.getClass().getName());
      return HttpAnswer.text(500, "error");
    }
  }

  private static HttpCall call(Request request, String path, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers
          .computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(field.getValue());
    }
    @Nullable String query = request.getHttpURI().getQuery();
    return new HttpCall(
        request.getMethod(),
        path,
        query == null ? "" : query,
        headers,
        body,
        Request.getRemoteAddr(request));
  }

  private static HttpAnswer closing(HttpAnswer answer) {
    return answer.with("Connection", "close");
  }

  /**
   * Answers 413, then reads and discards what the client is still sending (up to {@link
   * #LINGER_BYTES}) before closing. Closing a socket with unread bytes makes the kernel reset the
   * connection, and the reset can arrive before the client has read the 413: it would see a dropped
   * connection instead of the reason (a "lingering close", as web servers do).
   */
  private static void tooLarge(Request request, Response response, Callback callback) {
    write(
        response,
        Callback.from(() -> discard(request, LINGER_BYTES, callback), callback::failed),
        closing(HttpAnswer.text(413, "too large")));
  }

  /** Reads and drops up to {@code limit} more bytes of the body, then completes {@code done}. */
  private static void discard(Request request, long limit, Callback done) {
    long left = limit;
    while (true) {
      Content.Chunk chunk = request.read();
      if (chunk == null) {
        long remaining = left;
        request.demand(() -> discard(request, remaining, done));
        return;
      }
      left -= chunk.remaining();
      boolean last = chunk.isLast() || Content.Chunk.isFailure(chunk);
      chunk.release();
      if (last || left <= 0) {
        done.succeeded();
        return;
      }
    }
  }

  private static void write(Response response, Callback callback, HttpAnswer answer) {
    try {
      response.setStatus(answer.status());
      response.getHeaders().put("Content-Type", answer.contentType());
      answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
      response.write(true, ByteBuffer.wrap(answer.body()), callback);
    } catch (RuntimeException e) {
      callback.failed(e);
    }
  }
}
