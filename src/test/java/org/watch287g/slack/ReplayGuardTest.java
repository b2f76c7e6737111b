package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.watch287g.slack.ReplayGuard.Verdict;
import org.watch287g.testing.FakeClock;

class ReplayGuardTest {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final String TS = String.valueOf(NOW.getEpochSecond());

  final FakeClock clock = new FakeClock(NOW);

  @Test
  void the_same_timestamp_and_signature_are_let_through_once() {
    ReplayGuard guard = new ReplayGuard(clock, 10);

    assertEquals(Verdict.FIRST, guard.claim(TS, "v0=aa"));
    assertEquals(Verdict.REPLAY, guard.claim(TS, "v0=aa"));
    assertEquals(Verdict.FIRST, guard.claim(TS, "v0=bb"));
  }

  @Test
  void pairs_are_forgotten_once_too_old_for_bolt_to_accept_so_memory_stays_bounded() {
    ReplayGuard guard = new ReplayGuard(clock, 10);
    guard.claim(TS, "v0=aa");
    clock.advance(Duration.ofMinutes(4));
    guard.claim(String.valueOf(NOW.getEpochSecond() + 240), "v0=bb");

    clock.advance(Duration.ofMinutes(3));
    guard.claim(String.valueOf(NOW.getEpochSecond() + 420), "v0=cc");

    assertEquals(2, guard.size());
  }

  @Test
  void when_full_of_live_pairs_new_requests_are_refused_rather_than_forgetting_one() {
    ReplayGuard guard = new ReplayGuard(clock, 2);
    guard.claim(TS, "v0=aa");
    guard.claim(TS, "v0=bb");

    assertEquals(Verdict.FULL, guard.claim(TS, "v0=cc"));
    assertEquals(Verdict.REPLAY, guard.claim(TS, "v0=aa"));
  }
}
