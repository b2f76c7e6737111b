package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BackoffTest {

  @Test
  @DisplayName("without jitter the waits are 1 s, 2 s, 4 s")
  void doublesFromOneSecond() {
    Backoff middle = new Backoff(() -> 0.5);

    assertEquals(Duration.ofSeconds(1), middle.before(0, null));
    assertEquals(Duration.ofSeconds(2), middle.before(1, null));
    assertEquals(Duration.ofSeconds(4), middle.before(2, null));
  }

  @Test
  @DisplayName("jitter moves a wait by at most 20 % either way")
  void jitterIsTwentyPercent() {
    assertEquals(Duration.ofMillis(800), new Backoff(() -> 0.0).before(0, null));
    assertEquals(Duration.ofMillis(2399), new Backoff(() -> 0.999).before(1, null));
  }

  @Test
  @DisplayName("no wait exceeds a minute, however many retries")
  void capped() {
    assertEquals(Backoff.MAX, new Backoff(() -> 0.5).before(40, null));
  }

  @Test
  @DisplayName("a Retry-After replaces the backoff, up to the cap")
  void retryAfterWins() {
    Backoff backoff = new Backoff(() -> 0.5);

    assertEquals(Duration.ofSeconds(7), backoff.before(2, Duration.ofSeconds(7)));
    assertEquals(Backoff.MAX, backoff.before(0, Duration.ofHours(1)));
  }

  @Test
  @DisplayName("Retry-After is read as whole seconds")
  void parsesSeconds() {
    assertEquals(Duration.ofSeconds(7), Backoff.retryAfter("7"));
    assertEquals(Duration.ofSeconds(90), Backoff.retryAfter(" 90 "));
    assertEquals(Duration.ZERO, Backoff.retryAfter("0"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"-1", "1.5", "soon", "Wed, 21 Oct 2015 07:28:00 GMT", "99999999999"})
  @DisplayName("a Retry-After that is not whole seconds is ignored")
  void ignoresOtherForms(String header) {
    assertNull(Backoff.retryAfter(header));
  }
}
