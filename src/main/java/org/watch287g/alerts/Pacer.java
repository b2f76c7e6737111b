package org.watch287g.alerts;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Paces one platform's sends within its {@link RateLimits}: before each send the worker asks for a
 * slot, and is told to go, or how long to wait and whether it is the channel or the whole platform
 * that is busy.
 *
 * <p>Each limit is kept as a sliding window log: the times of the last {@code requests} sends, and
 * a new send is allowed once the oldest of them is a whole window (plus a small margin) old. That
 * is stricter than a token bucket, which refills continuously and would let a sixth message into a
 * channel one second after a burst of five, inside Discord's fixed 5-per-5-seconds window and so
 * answered 429. The margin ({@value #MARGIN_PERCENT}% of the window) absorbs the jitter between
 * when we send and when the platform counts. A slot is taken by the request whatever its outcome: a
 * refused request counts against the platform's limit too.
 *
 * <p>Thread-safe. Times come from {@code nanoTime}, injectable for tests.
 */
public final class Pacer {
  static final int MARGIN_PERCENT = 3;

  /** Channels whose log is this old are forgotten once there are more than this many logs. */
  private static final int CHANNEL_LOGS_KEPT = 4_096;

  private final @Nullable SendLog global;
  private final RateLimits.@Nullable Window perChannel;
  private final Map<ChannelRef, SendLog> channels = new HashMap<>();
  private final LongSupplier nanoTime;
  private final Supplier<LimitShare> share;

  public Pacer(RateLimits limits) {
    this(limits, System::nanoTime, () -> LimitShare.WHOLE);
  }

  /**
   * A pacer of one instance among several that share the platform's global limit: {@code share}
   * says which part of it is this instance's now, and this one keeps within that part (that part of
   * the sends in each window).
   */
  public Pacer(RateLimits limits, Supplier<LimitShare> share) {
    this(limits, System::nanoTime, share);
  }

  Pacer(RateLimits limits, LongSupplier nanoTime) {
    this(limits, nanoTime, () -> LimitShare.WHOLE);
  }

  Pacer(RateLimits limits, LongSupplier nanoTime, Supplier<LimitShare> share) {
    this.global = limits.globalWindow().map(SendLog::new).orElse(null);
    this.perChannel = limits.perChannelWindow().orElse(null);
    this.nanoTime = nanoTime;
    this.share = share;
  }

  /** What {@link #tryAcquire} decided. */
  public sealed interface Slot {}

  /** Send now: the slot is taken. */
  public record Go() implements Slot {}

  /** This channel has used its limit: try it again after {@code retryIn}; others may go on. */
  public record ChannelBusy(Duration retryIn) implements Slot {}

  /** The whole platform has used its limit: no channel may send for {@code retryIn}. */
  public record PlatformBusy(Duration retryIn) implements Slot {}

  /** Takes a slot to send to {@code channel} now if both limits allow it. */
  public synchronized Slot tryAcquire(ChannelRef channel) {
    long now = nanoTime.getAsLong();
    SendLog channelLog = null;
    if (perChannel != null) {
      channelLog = channels.computeIfAbsent(channel, unused -> new SendLog(perChannel));
      long wait = channelLog.waitNanos(now, LimitShare.WHOLE);
      if (wait > 0) {
        return new ChannelBusy(Duration.ofNanos(wait));
      }
    }
    if (global != null) {
      long wait = global.waitNanos(now, share.get());
      if (wait > 0) {
        return new PlatformBusy(Duration.ofNanos(wait));
      }
      global.record(now);
    }
    if (channelLog != null) {
      channelLog.record(now);
      if (channels.size() > CHANNEL_LOGS_KEPT) {
        forgetIdle(now);
      }
    }
    return new Go();
  }

  /** Drops the logs of channels whose last send is a window old: they would allow a send anyway. */
  private void forgetIdle(long now) {
    for (Iterator<SendLog> logs = channels.values().iterator(); logs.hasNext(); ) {
      if (logs.next().idle(now)) {
        logs.remove();
      }
    }
  }

  /** The times of the last {@code requests} sends under one limit, oldest first, in a ring. */
  private static final class SendLog {
    private final long[] sentAt;
    private final long windowNanos;
    private int next;
    private int count;

    SendLog(RateLimits.Window window) {
      this.sentAt = new long[window.requests()];
      long nanos = window.window().toNanos();
      this.windowNanos = nanos + nanos * MARGIN_PERCENT / 100;
    }

    /**
     * How long until one more send fits within this process's {@code share} of the limit; 0 if it
     * fits now. The share is a part of the sends in the same window, not the same sends in a window
     * as many times longer: the instances all see new alerts at once, and bursts of a whole
     * window's sends each would meet at the platform (measured: 187 of 2,687 requests answered 429
     * with two instances). Only a share smaller than one send per window stretches the window, so
     * that no share rounds to zero; a share of nothing waits a window and asks again.
     */
    long waitNanos(long now, LimitShare share) {
      if (share.mine() == 0) {
        return windowNanos;
      }
      int sends = share.of(sentAt.length);
      if (sends >= 1) {
        if (count < sends) {
          return 0;
        }
        long oldest = sentAt[(next - sends + sentAt.length) % sentAt.length];
        return Math.max(0, oldest + windowNanos - now);
      }
      if (count < sentAt.length) {
        return 0;
      }
      long stretch = ((long) share.of() + share.mine() - 1) / share.mine();
      return Math.max(0, sentAt[next] + windowNanos * stretch - now);
    }

    void record(long now) {
      sentAt[next] = now;
      next = (next + 1) % sentAt.length;
      count = Math.min(count + 1, sentAt.length);
    }

    boolean idle(long now) {
      int newest = (next - 1 + sentAt.length) % sentAt.length;
      return count == 0 || now - sentAt[newest] >= windowNanos;
    }
  }
}
