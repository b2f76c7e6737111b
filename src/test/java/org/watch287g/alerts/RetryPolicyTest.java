package org.watch287g.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final RetryPolicy POLICY = RetryPolicy.defaults();

  @Test
  @DisplayName("a rate limit is obeyed to the millisecond")
  void rateLimitIsObeyed() {
    DeliveryResult limited = new DeliveryResult.RetryAfter(Duration.ofMillis(1500), "429");

    assertEquals(Optional.of(NOW.plusMillis(1500)), POLICY.retryAt(limited, 1, NOW, () -> 0.5));
  }

  @Test
  @DisplayName("transient failures back off, doubling with jitter, up to the cap")
  void failuresBackOff() {
    DeliveryResult failed = new DeliveryResult.Failed("HTTP 503");

    assertEquals(NOW.plusSeconds(2), POLICY.retryAt(failed, 1, NOW, () -> 0.5).orElseThrow());
    assertEquals(NOW.plusSeconds(8), POLICY.retryAt(failed, 3, NOW, () -> 0.5).orElseThrow());
    Instant low = POLICY.retryAt(failed, 2, NOW, () -> 0.0).orElseThrow();
    Instant high = POLICY.retryAt(failed, 2, NOW, () -> 0.999).orElseThrow();
    assertEquals(NOW.plusMillis(3200), low);
    assertTrue(high.isAfter(NOW.plusMillis(4790)) && high.isBefore(NOW.plusMillis(4801)));
    RetryPolicy patient = new RetryPolicy(Duration.ofSeconds(2), Duration.ofMinutes(15), 20);
    assertEquals(
        NOW.plus(Duration.ofMinutes(15)),
        patient.retryAt(failed, 12, NOW, () -> 0.5).orElseThrow());
  }

  @Test
  @DisplayName("a refusal, or too many failures, gives up")
  void givesUp() {
    assertTrue(
        POLICY
            .retryAt(new DeliveryResult.Rejected("channel_not_found"), 1, NOW, () -> 0.5)
            .isEmpty());
    assertTrue(POLICY.retryAt(new DeliveryResult.Failed("timeout"), 10, NOW, () -> 0.5).isEmpty());
  }
}
