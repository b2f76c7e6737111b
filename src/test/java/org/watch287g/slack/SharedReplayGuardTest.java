package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.watch287g.store.Database;
import org.watch287g.store.SeenRequests;
import org.watch287g.testing.TestStores;

/** Slack's replay guard shared by several instances through their database. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStores.Kind.class)
class SharedReplayGuardTest {
  static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  static final String TIMESTAMP = String.valueOf(NOW.getEpochSecond());
  static final String SIGNATURE = "v0=" + "ab".repeat(32);

  @Parameter TestStores.Kind kind;
  @RegisterExtension final TestStores stores = new TestStores();
  @TempDir Path dir;

  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  /** An instance's guard, with its own connections to the shared database. */
  ReplayGuard instance() {
    Database database = stores.open(kind, dir.resolve("bot.db"));
    SeenRequests seen = new SeenRequests(database);
    return new ReplayGuard(
        clock, 100, (digest, keepUntil) -> seen.firstSighting(digest, keepUntil, clock.instant()));
  }

  @Test
  @DisplayName(
      "a request answered by one instance is refused as a replay by another, and by the first"
          + " after a restart; another request still goes through")
  void aReplayToAnotherInstanceOrAfterARestartIsRefused() {
    ReplayGuard first = instance();
    ReplayGuard second = instance();

    assertEquals(ReplayGuard.Verdict.FIRST, first.claim(TIMESTAMP, SIGNATURE));
    assertEquals(ReplayGuard.Verdict.REPLAY, second.claim(TIMESTAMP, SIGNATURE));
    assertEquals(ReplayGuard.Verdict.REPLAY, instance().claim(TIMESTAMP, SIGNATURE), "restarted");
    assertEquals(ReplayGuard.Verdict.FIRST, second.claim(TIMESTAMP, "v0=" + "cd".repeat(32)));
  }

  @Test
  @DisplayName("without its shared memory the guard refuses for now rather than risk a replay")
  void anUnreachableMemoryRefuses() {
    ReplayGuard guard =
        new ReplayGuard(
            clock,
            100,
            (digest, keepUntil) -> {
              throw new IllegalStateException("database down");
            });

    assertEquals(ReplayGuard.Verdict.UNAVAILABLE, guard.claim(TIMESTAMP, SIGNATURE));
  }
}
