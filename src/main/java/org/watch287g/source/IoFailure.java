package org.watch287g.source;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import org.watch287g.config.SourceConfig;

/**
 * One-line descriptions of network failures, naming the URL or host and the cause, so an operator
 * sees "could not connect to www.ice.gov:443 (Connection refused)" rather than a stack trace.
 */
final class IoFailure {
  private IoFailure() {}

  /** What went wrong reading {@code url}, in one line. */
  static String describe(IOException e, HttpUrl url, SourceConfig config) {
    String hostPort = url.host() + ":" + url.port();
    if (isConnectTimeout(e)) {
      return "timed out connecting to " + hostPort + " after " + seconds(config.connectTimeout());
    }
    if (e instanceof InterruptedIOException) {
      // OkHttp reports both a silent socket and the whole-call deadline this way.
      return "timed out reading " + url + " after " + seconds(config.readTimeout());
    }
    if (e instanceof UnknownHostException) {
      return "could not resolve host " + url.host();
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return "could not connect to " + hostPort + " (" + rootMessage(e) + ")";
    }
    if (e instanceof SSLException) {
      return "TLS failure talking to " + hostPort + " (" + rootMessage(e) + ")";
    }
    return "failed reading " + url + " (" + rootMessage(e) + ")";
  }

  /** E.g. "60 s" or "0.25 s". */
  static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
  }

  private static boolean isConnectTimeout(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (t instanceof SocketTimeoutException
          && message != null
          && message.toLowerCase(Locale.ROOT).contains("connect")) {
        return true;
      }
    }
    return false;
  }

  /** The innermost cause's message: OkHttp wraps "Connection refused" in "Failed to connect to". */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}
