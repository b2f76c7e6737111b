package org.watch287g.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pacer on a fake clock: which sends go, and how long the others are told to wait. */
class PacerTest {
  private static final ChannelRef FIRST = new ChannelRef("discord", "G1", "C1");
  private static final ChannelRef SECOND = new ChannelRef("discord", "G1", "C2");

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  private static final RateLimits DISCORD_LIKE =
      new RateLimits(
          new RateLimits.Window(50, Duration.ofSeconds(1)),
          new RateLimits.Window(5, Duration.ofSeconds(5)));

  private Pacer pacer(RateLimits limits) {
    return new Pacer(limits, nanos::get);
  }

  private void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }

  /** The window plus the pacer's margin. */
  private static Duration padded(Duration window) {
    return window.plus(window.multipliedBy(Pacer.MARGIN_PERCENT).dividedBy(100));
  }

  @Test
  void noLimitsAlwaysGo() {
    Pacer pacer = pacer(RateLimits.none());
    for (int i = 0; i < 10_000; i++) {
      assertInstanceOf(Pacer.Go.class, pacer.tryAcquire(FIRST));
    }
  }

  @Test
  void aChannelGetsItsBurstThenWaitsUntilTheOldestSendIsAWindowOld() {
    Pacer pacer = pacer(DISCORD_LIKE);
    for (int i = 0; i < 5; i++) {
      assertInstanceOf(Pacer.Go.class, pacer.tryAcquire(FIRST));
      advance(Duration.ofMillis(100));
    }
    Pacer.Slot sixth = pacer.tryAcquire(FIRST);
    assertEquals(new Pacer.ChannelBusy(padded(Duration.ofSeconds(5)).minusMillis(500)), sixth);
    // Another channel is not held up by the first one's allowance.
    assertInstanceOf(Pacer.Go.class, pacer.tryAcquire(SECOND));
  }

  @Test
  void aWindowLaterTheChannelMayGoAgainButNotBefore() {
    Pacer pacer = pacer(DISCORD_LIKE);
    for (int i = 0; i < 5; i++) {
      pacer.tryAcquire(FIRST);
    }
    // Unlike a token bucket refilling at 1/s, one second later is still inside the window.
    advance(Duration.ofSeconds(1));
    assertInstanceOf(Pacer.ChannelBusy.class, pacer.tryAcquire(FIRST));
    advance(padded(Duration.ofSeconds(5)).minusSeconds(1));
    // The whole burst has left the window: another burst of five, and no more.
    for (int i = 0; i < 5; i++) {
      assertInstanceOf(Pacer.Go.class, pacer.tryAcquire(FIRST));
    }
    assertInstanceOf(Pacer.ChannelBusy.class, pacer.tryAcquire(FIRST));
  }

  @Test
  void theGlobalLimitHoldsEveryChannelAndSaysHowLong() {
    Pacer pacer = pacer(DISCORD_LIKE);
    for (int i = 0; i < 50; i++) {
      assertInstanceOf(Pacer.Go.class, pacer.tryAcquire(new ChannelRef("discord", "G", "C" + i)));
      advance(Duration.ofMillis(10));
    }
    Pacer.Slot next = pacer.tryAcquire(new ChannelRef("discord", "G", "other"));
    assertEquals(new Pacer.PlatformBusy(padded(Duration.ofSeconds(1)).minusMillis(500)), next);
    advance(padded(Duration.ofSeconds(1)).minusMillis(500));
    assertInstanceOf(Pacer.Go.class, pacer.tryAcquire(new ChannelRef("discord", "G", "other")));
  }

  @Test
  void aBusyChannelDoesNotUseUpAGlobalSlot() {
    Pacer pacer = pacer(DISCORD_LIKE);
    pacer.tryAcquire(FIRST);
    for (int i = 0; i < 4; i++) {
      pacer.tryAcquire(FIRST);
    }
    for (int i = 0; i < 100; i++) {
      assertInstanceOf(Pacer.ChannelBusy.class, pacer.tryAcquire(FIRST));
    }
    // 5 of 50 global slots used: 45 other channels still go at once.
    for (int i = 0; i < 45; i++) {
      assertInstanceOf(Pacer.Go.class, pacer.tryAcquire(new ChannelRef("discord", "G", "C" + i)));
    }
    assertInstanceOf(Pacer.PlatformBusy.class, pacer.tryAcquire(SECOND));
  }

  @Test
  void slackLikeOnePerSecondPerChannelHasNoGlobalLimit() {
    Pacer pacer = pacer(new RateLimits(null, new RateLimits.Window(1, Duration.ofSeconds(1))));
    for (int i = 0; i < 10_000; i++) {
      assertInstanceOf(Pacer.Go.class, pacer.tryAcquire(new ChannelRef("slack", "T", "C" + i)));
    }
    assertInstanceOf(Pacer.ChannelBusy.class, pacer.tryAcquire(new ChannelRef("slack", "T", "C7")));
    advance(padded(Duration.ofSeconds(1)));
    assertInstanceOf(Pacer.Go.class, pacer.tryAcquire(new ChannelRef("slack", "T", "C7")));
  }

  @Test
  void aWindowNeedsARequestAndATime() {
    assertThrows(
        IllegalArgumentException.class, () -> new RateLimits.Window(0, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> new RateLimits.Window(1, Duration.ZERO));
  }

  @Test
  @org.junit.jupiter.api.DisplayName(
      "with three instances delivering, each sends a third of the global limit in each window, so"
          + " that their bursts together stay within it; with one again, the whole limit")
  void aShareOfTheGlobalLimitPerLiveInstance() {
    java.util.concurrent.atomic.AtomicInteger instances =
        new java.util.concurrent.atomic.AtomicInteger(3);
    RateLimits globalOnly = new RateLimits(new RateLimits.Window(50, Duration.ofSeconds(1)), null);
    Pacer pacer = new Pacer(globalOnly, nanos::get, () -> LimitShare.oneOf(instances.get()));
    for (int i = 0; i < 16; i++) {
      assertInstanceOf(Pacer.Go.class, pacer.tryAcquire(new ChannelRef("slack", "T", "C" + i)));
    }
    assertEquals(
        new Pacer.PlatformBusy(padded(Duration.ofSeconds(1))),
        pacer.tryAcquire(FIRST),
        "16 of 50 a window: three such bursts are 48");
    advance(padded(Duration.ofSeconds(1)));
    assertInstanceOf(Pacer.Go.class, pacer.tryAcquire(FIRST), "the next window, the next 16");

    instances.set(1);

    // The first 16 are a window old now: 49 more make the whole limit in this window.
    for (int i = 0; i < 49; i++) {
      assertInstanceOf(
          Pacer.Go.class,
          pacer.tryAcquire(new ChannelRef("slack", "T", "D" + i)),
          "alone again: the whole limit");
    }
    assertInstanceOf(Pacer.PlatformBusy.class, pacer.tryAcquire(FIRST));
  }

  @Test
  @org.junit.jupiter.api.DisplayName(
      "a global limit of fewer sends than instances gives each one send in a window as many"
          + " times longer")
  void aShareThatWouldRoundToZeroStretchesTheWindow() {
    RateLimits globalOnly = new RateLimits(new RateLimits.Window(1, Duration.ofSeconds(1)), null);
    Pacer pacer = new Pacer(globalOnly, nanos::get, () -> LimitShare.oneOf(3));
    assertInstanceOf(Pacer.Go.class, pacer.tryAcquire(FIRST));
    assertEquals(
        new Pacer.PlatformBusy(padded(Duration.ofSeconds(1)).multipliedBy(3)),
        pacer.tryAcquire(FIRST));
  }

  @Test
  @org.junit.jupiter.api.DisplayName(
      "an instance running two of Discord's three shards sends two thirds of the global limit in a"
          + " window, and one running none sends nothing until it runs one")
  void aShareByShardsRun() {
    java.util.concurrent.atomic.AtomicReference<LimitShare> share =
        new java.util.concurrent.atomic.AtomicReference<>(new LimitShare(2, 3));
    RateLimits globalOnly = new RateLimits(new RateLimits.Window(50, Duration.ofSeconds(1)), null);
    Pacer pacer = new Pacer(globalOnly, nanos::get, share::get);
    for (int i = 0; i < 33; i++) {
      assertInstanceOf(Pacer.Go.class, pacer.tryAcquire(new ChannelRef("discord", "G", "C" + i)));
    }
    assertInstanceOf(Pacer.PlatformBusy.class, pacer.tryAcquire(FIRST), "33 of 50");

    advance(padded(Duration.ofSeconds(1)));
    share.set(new LimitShare(0, 3));
    assertInstanceOf(Pacer.PlatformBusy.class, pacer.tryAcquire(FIRST), "no shard: no send");

    share.set(new LimitShare(1, 3));
    assertInstanceOf(Pacer.Go.class, pacer.tryAcquire(FIRST), "a shard again: its third");
  }

  @Test
  void aShareIsAPartOfAWhole() {
    assertThrows(IllegalArgumentException.class, () -> new LimitShare(4, 3));
    assertThrows(IllegalArgumentException.class, () -> new LimitShare(-1, 3));
    assertThrows(IllegalArgumentException.class, () -> new LimitShare(0, 0));
    assertEquals(new LimitShare(1, 1), LimitShare.oneOf(0), "at least this instance");
  }
}
