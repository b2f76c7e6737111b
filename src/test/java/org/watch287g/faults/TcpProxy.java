package org.watch287g.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A loopback TCP proxy in front of the machine's PostgreSQL, for the bots of a fault test to
 * connect through, so that the network between them and the server can fail without touching the
 * server (which others share).
 *
 * <p>{@link #cut} is a partition as the two ends see it: from then on nothing passes either way,
 * and nothing answers (no reset, no refusal: a new connection is accepted and then hears nothing),
 * so the bot finds out only through its own timeouts. The server finds out through its keepalives
 * after {@code serverNotices} (the bot's leader session asks for 5 + 3 * 2 s), and then ends its
 * sessions: the proxy closes its side of each connection to the server then, which releases their
 * locks as the server would. {@link #heal} lets new connections through; the connections that lived
 * through the partition are reset, as the server's end of them is gone.
 */
final class TcpProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final Duration serverNotices;
  private final ExecutorService threads = Executors.newCachedThreadPool(daemon("proxy"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("proxy-timer"));
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private volatile boolean cut;
  private volatile boolean closed;
  private @Nullable ScheduledFuture<?> serverVerdict;

  /** One bot connection and its connection to the server. */
  private record Link(Socket client, @Nullable Socket server) {}

  TcpProxy(InetSocketAddress upstream, Duration serverNotices) throws IOException {
    this.upstream = upstream;
    this.serverNotices = serverNotices;
    this.listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Nothing passes from now on, until {@link #heal}. */
  synchronized void cut() {
    cut = true;
    serverVerdict =
        timer.schedule(
            () -> links.forEach(l -> quietly(l.server())),
            serverNotices.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /** New connections pass again; those that were open across the cut are reset. */
  synchronized void heal() {
    ScheduledFuture<?> verdict = serverVerdict;
    if (verdict != null) {
      verdict.cancel(false);
    }
    for (Link l : links) {
      reset(l.client());
      quietly(l.server());
    }
    links.clear();
    cut = false;
  }

  private void accept() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      if (cut) {
        // Accepted by the kernel anyway: it hears nothing, as across a partition.
        links.add(new Link(client, null));
        continue;
      }
      threads.execute(() -> open(client));
    }
  }

  private void open(Socket client) {
    Socket server;
    try {
      server = new Socket(upstream.getAddress(), upstream.getPort());
    } catch (IOException e) {
      reset(client);
      return;
    }
    Link link = new Link(client, server);
    links.add(link);
    threads.execute(() -> pump(client, server, link));
    threads.execute(() -> pump(server, client, link));
  }

  /** Copies one direction; while cut, holds what it read (it is lost with the connection). */
  private void pump(Socket from, Socket to, Link link) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (cut) {
          continue;
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one end closed or reset: the other goes too, below
    }
    if (!cut) {
      quietly(from);
      quietly(to);
      links.remove(link);
    }
  }

  private static void reset(Socket s) {
    try {
      s.setSoLinger(true, 0);
    } catch (IOException e) {
      // already closed
    }
    quietly(s);
  }

  private static void quietly(@Nullable Socket s) {
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // already closed
    }
    heal();
    threads.shutdownNow();
    timer.shutdownNow();
  }
}
