package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.config.SourceConfig;

class MessagesTest {

  @Test
  @DisplayName("size caps are written in decimal units")
  void sizes() {
    assertEquals("20 MB", Cap.size(20_000_000));
    assertEquals("2.5 MB", Cap.size(2_500_000));
    assertEquals("10 kB", Cap.size(10_000));
    assertEquals("512 bytes", Cap.size(512));
  }

  @Test
  @DisplayName("the cap message names the kind of file, the URL and the cap")
  void capMessage() {
    assertEquals(
        "the workbook at https://www.ice.gov/x.xlsx is larger than the 20 MB cap",
        new Cap("workbook", 20_000_000).exceededBy("https://www.ice.gov/x.xlsx"));
  }

  @Test
  @DisplayName("timeouts are written in seconds")
  void seconds() {
    assertEquals("60 s", IoFailure.seconds(Duration.ofSeconds(60)));
    assertEquals("0.25 s", IoFailure.seconds(Duration.ofMillis(250)));
  }

  static final HttpUrl ICE = HttpUrl.get("https://www.ice.gov/identify-and-arrest/287g");

  static String describe(IOException e) {
    return IoFailure.describe(e, ICE, SourceConfig.defaults());
  }

  @Test
  @DisplayName("network failures are one line naming the host or URL and the cause")
  void networkFailures() {
    ConnectException refused = new ConnectException("Failed to connect to www.ice.gov/1.2.3.4:443");
    refused.initCause(new ConnectException("Connection refused"));

    assertEquals(
        "timed out connecting to www.ice.gov:443 after 10 s",
        describe(new SocketTimeoutException("Connect timed out")));
    assertEquals(
        "timed out reading " + ICE + " after 60 s",
        describe(new SocketTimeoutException("timeout")));
    assertEquals("could not resolve host www.ice.gov", describe(new UnknownHostException("x")));
    assertEquals("could not connect to www.ice.gov:443 (Connection refused)", describe(refused));
    assertEquals(
        "TLS failure talking to www.ice.gov:443 (bad certificate)",
        describe(new SSLHandshakeException("bad certificate")));
    assertEquals(
        "failed reading " + ICE + " (unexpected end of stream)",
        describe(new EOFException("unexpected end of stream")));
  }
}
