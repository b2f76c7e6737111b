package org.watch287g.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Retrying a platform's connection: what is retried, how long it waits, what it logs. */
class ReconnectTest {
  final List<Duration> slept = new ArrayList<>();
  final List<String> logged = new ArrayList<>();
  Instant now = Instant.parse("2026-12-06T08:00:00Z");

  /** A clock that moves by what the sleeper sleeps: no real waiting. */
  Reconnect reconnect(double random) {
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    return new Reconnect(
        "Test login",
        "api.example.org",
        logged::add,
        d -> {
          slept.add(d);
          now = now.plus(d);
        },
        () -> random,
        clock);
  }

  @Test
  @DisplayName("the delay starts at a second doubles and stops at five minutes")
  void theDelayStartsAtASecondDoublesAndStopsAtFiveMinutes() {
    assertEquals(Duration.ofSeconds(1), Reconnect.delay(0, 0.5));
    assertEquals(Duration.ofSeconds(2), Reconnect.delay(1, 0.5));
    assertEquals(Duration.ofSeconds(64), Reconnect.delay(6, 0.5));
    assertEquals(Duration.ofMinutes(5), Reconnect.delay(9, 0.5));
    assertEquals(Duration.ofMinutes(5), Reconnect.delay(10_000, 0.99));
  }

  @Test
  @DisplayName("the delay is jittered by a fifth either way")
  void theDelayIsJitteredByAFifthEitherWay() {
    assertEquals(Duration.ofMillis(800), Reconnect.delay(0, 0.0));
    assertEquals(Duration.ofMillis(1600), Reconnect.delay(1, 0.0));
    assertEquals(Duration.ofMillis(2400), Reconnect.delay(1, 1.0));
  }

  @Test
  @DisplayName("network failures are retried until the attempt succeeds")
  void networkFailuresAreRetriedUntilTheAttemptSucceeds() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    Reconnect r = reconnect(0.5);

    Reconnect.Outcome outcome =
        r.run(
            () -> {
              if (tries.incrementAndGet() <= 4) {
                throw new UncheckedIOException(new UnknownHostException("discord.com"));
              }
            });

    assertEquals(Reconnect.Outcome.CONNECTED, outcome);
    assertEquals(5, tries.get());
    assertEquals(
        List.of(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8)),
        slept);
    assertNull(r.failure(), "no failure once connected");
    assertNull(r.refusal());
  }

  @Test
  @DisplayName("a refusal stops at once and says why")
  void aRefusalStopsAtOnceAndSaysWhy() throws Exception {
    Reconnect r = reconnect(0.5);

    Reconnect.Outcome outcome =
        r.run(
            () -> {
              throw new Reconnect.Refused("Slack refused the bot token (auth.test: invalid_auth)");
            });

    assertEquals(Reconnect.Outcome.REFUSED, outcome);
    assertEquals(List.of(), slept);
    assertEquals("Slack refused the bot token (auth.test: invalid_auth)", r.refusal());
  }

  @Test
  @DisplayName("a server error is retried and then a refusal stops it")
  void aServerErrorIsRetriedAndThenARefusalStopsIt() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    Reconnect r = reconnect(0.5);

    Reconnect.Outcome outcome =
        r.run(
            () -> {
              if (tries.incrementAndGet() <= 2) {
                throw new IllegalStateException("503 Service Unavailable");
              }
              throw new Reconnect.Refused("refused");
            });

    assertEquals(Reconnect.Outcome.REFUSED, outcome);
    assertEquals(2, slept.size());
  }

  @Test
  @DisplayName("a network failure is logged as one with the host never as a bad token")
  void aNetworkFailureIsLoggedAsOneWithTheHostNeverAsABadToken() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    Reconnect r = reconnect(0.5);

    r.run(
        () -> {
          if (tries.incrementAndGet() == 1) {
            throw new RuntimeException(
                "wrapped", new ConnectException("Connection refused: api.example.org/127.0.0.1"));
          }
        });

    assertEquals(2, logged.size(), logged.toString());
    String line = logged.get(0);
    assertTrue(line.contains("network failure reaching api.example.org"), line);
    assertTrue(line.contains("ConnectException"), line);
    assertTrue(!line.toLowerCase(java.util.Locale.ROOT).contains("token"), line);
    assertEquals(1, line.lines().count(), "one line");
    assertTrue(
        logged.get(1).contains("connected to api.example.org after 1 failed"), logged.get(1));
  }

  @Test
  @DisplayName("a long outage is logged at most every five minutes")
  void aLongOutageIsLoggedAtMostEveryFiveMinutes() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    Reconnect r = reconnect(0.5);

    r.run(
        () -> {
          if (tries.incrementAndGet() <= 30) {
            throw new IOException("no route to host");
          }
        });

    // 30 failures over about 2 h of backoff (1 s … 5 min): far fewer lines than failures.
    long failureLines = logged.stream().filter(l -> l.contains("failed:")).count();
    Duration total = slept.stream().reduce(Duration.ZERO, Duration::plus);
    assertTrue(failureLines <= total.toMinutes() / 5 + 1, failureLines + " lines over " + total);
    assertTrue(failureLines < 30, "rate-limited");
  }

  @Test
  @DisplayName("a failure in the background is retried on its own thread")
  void aFailureInTheBackgroundIsRetriedOnItsOwnThread() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    List<Reconnect.Outcome> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
    Reconnect r = new Reconnect("Test login", "h", m -> {}, d -> {}, () -> 0.5, Clock.systemUTC());

    Thread t =
        r.start(
            "test-retry",
            () -> {
              if (tries.incrementAndGet() <= 3) {
                throw new IOException("down");
              }
            },
            outcomes::add);

    assertTrue(t != null, "the first try failed, so a thread goes on trying");
    t.join(60_000);
    assertEquals(List.of(Reconnect.Outcome.CONNECTED), outcomes);
    assertEquals(4, tries.get());
  }

  @Test
  @DisplayName("a first try that works starts no thread")
  void aFirstTryThatWorksStartsNoThread() {
    List<Reconnect.Outcome> outcomes = new ArrayList<>();
    Thread t = reconnect(0.5).start("test", () -> {}, outcomes::add);
    assertNull(t);
    assertEquals(List.of(Reconnect.Outcome.CONNECTED), outcomes);
  }

  @Test
  @DisplayName("a failure in words tells a network failure from an answer")
  void aFailureInWordsTellsANetworkFailureFromAnAnswer() {
    assertEquals(
        "network failure reaching discord.com (UnknownHostException: discord.com)",
        Reconnect.describe(
            "discord.com", new UncheckedIOException(new UnknownHostException("discord.com"))));
    assertEquals(
        "slack.com answered with an error (IllegalStateException: auth.test: fatal_error)",
        Reconnect.describe("slack.com", new IllegalStateException("auth.test: fatal_error")));
  }
}
