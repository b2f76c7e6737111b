package org.watch287g.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Target;
import org.watch287g.testing.TestStores;

/** {@code backup}: a consistent copy of a database that is being written to. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestStores.Kind.class)
class BackupTest {
  @Parameter TestStores.Kind kind;
  @RegisterExtension final TestStores stores = new TestStores();
  @TempDir Path dir;

  @Test
  @DisplayName(
      "a backup taken while subscriptions keep being written opens, passes SQLite's integrity"
          + " check, and holds every subscription committed before it began (PostgreSQL's backup"
          + " is a SQLite file too)")
  void backupWhileWriting() throws Exception {
    Database live = stores.open(kind, dir.resolve("bot.db"));
    SubscriptionRepository subscriptions = new SubscriptionRepository(live);
    for (int i = 0; i < 200; i++) {
      subscriptions.follow(channel(i), new Target("48201"), Instant.EPOCH, "U1");
    }
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger written = new AtomicInteger(200);
    Thread writer =
        new Thread(
            () -> {
              while (writing.get()) {
                int i = written.getAndIncrement();
                subscriptions.follow(channel(i), new Target("48201"), Instant.EPOCH, "U1");
              }
            });
    writer.start();
    Thread.sleep(50);

    Path copy = dir.resolve("backup.db");
    new Vitals(live).backupTo(copy);
    writing.set(false);
    writer.join();

    try (Database restored = Database.open(copy, Duration.ofSeconds(5))) {
      String check =
          restored.read(
              c -> {
                try (var s = c.prepareStatement("PRAGMA integrity_check");
                    var r = s.executeQuery()) {
                  r.next();
                  return r.getString(1);
                }
              });
      assertEquals("ok", check);
      int kept = new SubscriptionRepository(restored).all().size();
      assertTrue(kept >= 200 && kept <= written.get(), kept + " of " + written.get());
    }
  }

  @Test
  @DisplayName("a backup never overwrites an existing file")
  void refusesToOverwrite() throws Exception {
    try (Database live = stores.open(kind, dir.resolve("bot.db"))) {
      Path copy = dir.resolve("backup.db");
      new Vitals(live).backupTo(copy);
      StorageException e =
          assertThrows(StorageException.class, () -> new Vitals(live).backupTo(copy));
      assertTrue(e.getMessage().contains("already exists"), e.getMessage());
    }
  }

  static ChannelRef channel(int i) {
    return new ChannelRef("slack", "T1", "C" + i);
  }
}
