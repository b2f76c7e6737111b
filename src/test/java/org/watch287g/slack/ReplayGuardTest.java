package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.slack.ReplayGuard.Verdict;
import org.watch287g.testing.FakeClock;

class ReplayGuardTest {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final String TS = String.valueOf(NOW.getEpochSecond());

  final FakeClock clock = new FakeClock(NOW);

  @Test
  @DisplayName("the same timestamp and signature are let through once")
  void theSameTimestampAndSignatureAreLetThroughOnce() {
    ReplayGuard guard = new ReplayGuard(clock, 10);

    assertEquals(Verdict.FIRST, guard.claim(TS, "v0=aa"));
    assertEquals(Verdict.REPLAY, guard.claim(TS, "v0=aa"));
    assertEquals(Verdict.FIRST, guard.claim(TS, "v0=bb"));
  }

  @Test
  @DisplayName("pairs are forgotten once too old for bolt to accept so memory stays bounded")
  void pairsAreForgottenOnceTooOldForBoltToAcceptSoMemoryStaysBounded() {
    ReplayGuard guard = new ReplayGuard(clock, 10);
    guard.claim(TS, "v0=aa");
    clock.advance(Duration.ofMinutes(4));
    guard.claim(String.valueOf(NOW.getEpochSecond() + 240), "v0=bb");

    clock.advance(Duration.ofMinutes(3));
    guard.claim(String.valueOf(NOW.getEpochSecond() + 420), "v0=cc");

    assertEquals(2, guard.size());
  }

  @Test
  @DisplayName("when full of live pairs new requests are refused rather than forgetting one")
  void whenFullOfLivePairsNewRequestsAreRefusedRatherThanForgettingOne() {
    ReplayGuard guard = new ReplayGuard(clock, 2);
    guard.claim(TS, "v0=aa");
    guard.claim(TS, "v0=bb");

    assertEquals(Verdict.FULL, guard.claim(TS, "v0=cc"));
    assertEquals(Verdict.REPLAY, guard.claim(TS, "v0=aa"));
  }
}
