package org.watch287g.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one schedule every retry waits by. */
class DoublingTest {
  final Doubling schedule = new Doubling(Duration.ofSeconds(1), Duration.ofMinutes(1));

  @Test
  @DisplayName("each failure doubles the wait, from the first")
  void eachFailureDoublesTheWait() {
    assertEquals(Duration.ofSeconds(1), schedule.delay(0, 0.5));
    assertEquals(Duration.ofSeconds(2), schedule.delay(1, 0.5));
    assertEquals(Duration.ofSeconds(32), schedule.delay(5, 0.5));
  }

  @Test
  @DisplayName("jitter moves a wait by at most a fifth either way")
  void jitterIsAFifthEitherWay() {
    assertEquals(Duration.ofMillis(3_200), schedule.delay(2, 0.0));
    assertEquals(Duration.ofMillis(4_800), schedule.delay(2, 0.999_999_9));
  }

  @Test
  @DisplayName("no wait is longer than the cap, however many failures and whatever the jitter")
  void noWaitPassesTheCap() {
    assertEquals(Duration.ofMinutes(1), schedule.delay(6, 0.999));
    assertEquals(Duration.ofMinutes(1), schedule.delay(1_000, 0.0));
    assertEquals(Duration.ofSeconds(1), schedule.delay(-3, 0.5), "no shorter than the first");
  }

  @Test
  @DisplayName("a schedule whose cap is below its first wait is refused")
  void aCapBelowTheFirstWaitIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Doubling(Duration.ofSeconds(5), Duration.ofSeconds(1)));
  }
}
