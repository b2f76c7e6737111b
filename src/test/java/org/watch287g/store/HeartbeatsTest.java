package org.watch287g.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.watch287g.testing.TestStores;

/** Which instances are alive, for their shares of the platforms' limits. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStores.Kind.class)
class HeartbeatsTest {
  static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

  @Parameter TestStores.Kind kind;
  @RegisterExtension final TestStores stores = new TestStores();
  @TempDir Path dir;

  @Test
  @DisplayName(
      "instances that beat are counted alive, one silent for longer than ALIVE is not, and one"
          + " that left is gone at once; never fewer than one")
  void aliveInstancesAreCounted() {
    Heartbeats heartbeats = new Heartbeats(stores.open(kind, dir.resolve("bot.db")));
    assertEquals(1, heartbeats.alive(T0), "this instance, before its first beat");
    heartbeats.beat("a", T0);
    heartbeats.beat("b", T0);
    heartbeats.beat("c", T0.plusSeconds(10));
    assertEquals(3, heartbeats.alive(T0.plusSeconds(10)));

    heartbeats.beat("a", T0.plus(Heartbeats.ALIVE));
    heartbeats.beat("c", T0.plus(Heartbeats.ALIVE));
    assertEquals(2, heartbeats.alive(T0.plus(Heartbeats.ALIVE).plusSeconds(1)), "b went silent");

    heartbeats.leave("c");
    assertEquals(1, heartbeats.alive(T0.plus(Heartbeats.ALIVE).plusSeconds(1)));
  }

  @Test
  @DisplayName(
      "an instance that wants a Discord shard is heard by the others, not by itself, and no longer"
          + " once it is content or silent")
  void aWantedShardIsHeardByTheOthers() {
    Heartbeats heartbeats = new Heartbeats(stores.open(kind, dir.resolve("bot.db")));
    heartbeats.beat("a", T0, 0);
    heartbeats.beat("b", T0, 1);
    assertEquals(new Heartbeats.Roll(2, 1), heartbeats.roll(T0, "a"));
    assertEquals(new Heartbeats.Roll(2, 0), heartbeats.roll(T0, "b"), "not its own want");

    heartbeats.beat("b", T0.plusSeconds(5), 0);
    assertEquals(new Heartbeats.Roll(2, 0), heartbeats.roll(T0.plusSeconds(5), "a"), "content");

    heartbeats.beat("b", T0.plusSeconds(10), 2);
    Instant silent = T0.plusSeconds(10).plus(Heartbeats.ALIVE);
    heartbeats.beat("a", silent, 0);
    assertEquals(new Heartbeats.Roll(1, 0), heartbeats.roll(silent, "a"), "b went silent");
  }
}
