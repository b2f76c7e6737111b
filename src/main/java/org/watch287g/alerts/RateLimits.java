package org.watch287g.alerts;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How fast a platform lets the bot post: at most {@code requests} per {@code window} for the whole
 * bot ({@code global}) and for each channel ({@code perChannel}). The {@link DeliveryWorker} paces
 * its sends to stay within them (see {@link Pacer}), so that a busy day waits instead of drawing
 * 429s; a 429 that still comes is handled as before, as the safety net.
 *
 * @param global the limit across all channels, or null when the platform has none
 * @param perChannel the limit for each channel, or null when the platform has none
 */
public record RateLimits(@Nullable Window global, @Nullable Window perChannel) {
  /** No pacing at all: the console, and tests. */
  public static RateLimits none() {
    return new RateLimits(null, null);
  }

  /**
   * At most {@code requests} in any {@code window}.
   *
   * @param requests how many requests the window allows, at least 1
   * @param window how long the window is, positive
   */
  public record Window(int requests, Duration window) {
    public Window {
      if (requests < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException(
            "a rate limit needs at least 1 request per positive window: "
                + requests
                + "/"
                + window);
      }
    }
  }

  public Optional<Window> globalWindow() {
    return Optional.ofNullable(global);
  }

  public Optional<Window> perChannelWindow() {
    return Optional.ofNullable(perChannel);
  }
}
