package org.watch287g.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.testing.TestPostgres;
import org.watch287g.testing.TestStores;

/** One poller at a time: the PostgreSQL lock that says which instance polls. */
class LeaderLockTest {
  @RegisterExtension final TestStores stores = new TestStores();
  @TempDir Path dir;

  @Test
  @DisplayName("on SQLite the one instance always polls")
  void sqliteAlwaysLeads() {
    try (LeaderLock lock =
        LeaderLock.of(stores.open(TestStores.Kind.SQLITE, dir.resolve("a.db")))) {
      assertTrue(lock.holds());
      assertTrue(lock.holds());
    }
  }

  @Test
  @DisplayName(
      "of two instances on one PostgreSQL database one polls, and the other takes over once the"
          + " first gives up")
  void oneLeaderAtATime() {
    String url = stores.freshSchema();
    LeaderLock first = LeaderLock.of(stores.reopen(url));
    try (LeaderLock second = LeaderLock.of(stores.reopen(url))) {
      assertTrue(first.holds());
      assertFalse(second.holds());
      assertTrue(first.holds(), "still leads when asked again");

      first.close(); // the leader shuts down

      assertTrue(second.holds());
      assertFalse(first.holds(), "the old leader does not take it back");
    } finally {
      first.close();
    }
  }

  @Test
  @DisplayName(
      "a leader whose connection the server ends stops polling, and a standby takes over at its"
          + " next look")
  void aLeaderThatLosesItsConnectionStandsBy() {
    String url = stores.freshSchema();
    try (LeaderLock first = LeaderLock.of(stores.reopen(url));
        LeaderLock second = LeaderLock.of(stores.reopen(url))) {
      assertTrue(first.holds());

      // What a broken network or a restarted server does to the leader's session.
      TestPostgres.execute(
          url,
          "SELECT pg_terminate_backend(pid) FROM pg_locks"
              + " WHERE locktype = 'advisory' AND classid = 287 AND objid = 3"
              + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");

      assertTrue(second.holds());
      assertFalse(first.holds());
    }
  }

  @Test
  @DisplayName(
      "each Discord shard has an owner of its own, independent of the poller's lock and of the"
          + " other shards")
  void eachShardHasOneOwner() {
    String url = stores.freshSchema();
    Database a = stores.reopen(url);
    Database b = stores.reopen(url);
    try (LeaderLock poller = LeaderLock.of(a);
        LeaderLock shard0ByA = LeaderLock.ofShard(a, 0);
        LeaderLock shard0ByB = LeaderLock.ofShard(b, 0);
        LeaderLock shard1ByB = LeaderLock.ofShard(b, 1)) {
      assertTrue(poller.holds());
      assertTrue(shard0ByA.holds());
      assertFalse(shard0ByB.holds());
      assertTrue(shard1ByB.holds());
    }
  }
}
