package org.watch287g.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InvalidRequestsTest {
  final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
  final InvalidRequests invalid = new InvalidRequests(nanos::get);

  void advanceSeconds(long s) {
    nanos.addAndGet(s * 1_000_000_000L);
  }

  @Test
  @DisplayName(
      "refusals are counted over the last ten minutes, and older ones drop out of the count")
  void countsTheLastTenMinutes() {
    for (int i = 0; i < 30; i++) {
      invalid.record();
    }
    advanceSeconds(300);
    for (int i = 0; i < 20; i++) {
      invalid.record();
    }
    assertEquals(50, invalid.count());
    advanceSeconds(301);
    assertEquals(20, invalid.count(), "the first 30 are over ten minutes old");
    advanceSeconds(300);
    assertEquals(0, invalid.count());
  }

  @Test
  @DisplayName(
      "posts are held from a quarter of Discord's ban, until enough refusals have left the"
          + " window, so the 10,000 are never reached")
  void holdsWellBeforeTheBan() {
    for (int i = 0; i < InvalidRequests.HOLD_AT - 1; i++) {
      invalid.record();
    }
    assertEquals(Duration.ZERO, invalid.holdFor(), "under the threshold: no hold");
    advanceSeconds(120);
    invalid.record();
    Duration hold = invalid.holdFor();
    assertTrue(hold.compareTo(Duration.ofSeconds(470)) >= 0, hold.toString());
    assertTrue(hold.compareTo(Duration.ofSeconds(481)) <= 0, hold.toString());
    assertTrue(InvalidRequests.HOLD_AT * 4 <= InvalidRequests.BAN);
    advanceSeconds(hold.toSeconds());
    assertEquals(Duration.ZERO, invalid.holdFor(), "the burst has left the window");
    assertEquals(1, invalid.count());
  }
}
