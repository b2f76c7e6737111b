package org.watch287g.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlackInstallationRepositoryTest {
  static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
  static final String OTHER_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";
  static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  @TempDir Path dir;

  private Database open() {
    return Database.open(dir.resolve("bot.db"), Duration.ofSeconds(2));
  }

  private static StoredInstallation installation(String team, String token) {
    return new StoredInstallation(
        team, "A1", "UBOT", token, "xoxe-refresh-secret", 1L, "chat:write", "U1", 2L);
  }

  private static String stored(Database db, String column) {
    return db.read(
        c -> {
          try (PreparedStatement s =
                  c.prepareStatement("SELECT " + column + " FROM slack_installation");
              ResultSet r = s.executeQuery()) {
            r.next();
            return r.getString(1);
          }
        });
  }

  @Test
  @DisplayName("tokens are stored encrypted, each under its own nonce, and read back in the clear")
  void tokensAreStoredEncrypted() {
    try (Database db = open()) {
      SlackInstallationRepository rows = new SlackInstallationRepository(db, new TokenCipher(KEY));
      rows.save(installation("T0AAA", "xoxb-aaa-secret"));
      String first = stored(db, "bot_token");
      assertFalse(first.contains("xoxb"), first);
      assertFalse(stored(db, "bot_refresh_token").contains("xoxe"));
      assertEquals("xoxb-aaa-secret", rows.find("T0AAA").orElseThrow().botToken());
      rows.save(installation("T0AAA", "xoxb-aaa-secret"));
      assertNotEquals(first, stored(db, "bot_token"));
    }
  }

  @Test
  @DisplayName("another key does not open the stored tokens, and says which variable to fix")
  void anotherKeyDoesNotOpenTheTokens() {
    try (Database db = open()) {
      new SlackInstallationRepository(db, new TokenCipher(KEY))
          .save(installation("T0AAA", "xoxb-aaa-secret"));
      SlackInstallationRepository wrong =
          new SlackInstallationRepository(db, new TokenCipher(OTHER_KEY));
      StorageException e = assertThrows(StorageException.class, wrong::checkKey);
      assertTrue(e.getMessage().contains("WATCH287G_SECRET_KEY"), e.getMessage());
      assertFalse(e.getMessage().contains("xoxb"), e.getMessage());
    }
  }

  @Test
  @DisplayName("a token moved to another workspace's row does not open")
  void aTokenMovedToAnotherRowDoesNotOpen() {
    try (Database db = open()) {
      SlackInstallationRepository rows = new SlackInstallationRepository(db, new TokenCipher(KEY));
      rows.save(installation("T0AAA", "xoxb-aaa-secret"));
      db.write(
          c -> {
            try (PreparedStatement s =
                c.prepareStatement("UPDATE slack_installation SET team_id = 'T0EVE'")) {
              s.executeUpdate();
            }
          });
      assertThrows(StorageException.class, () -> rows.find("T0EVE"));
    }
  }

  @Test
  @DisplayName("a state works once, and only before it expires")
  void aStateWorksOnceAndOnlyBeforeItExpires() {
    try (Database db = open()) {
      SlackInstallationRepository rows = new SlackInstallationRepository(db, new TokenCipher(KEY));
      rows.addState("s1", NOW.plus(Duration.ofMinutes(10)), NOW, 100);
      rows.addState("s2", NOW.plus(Duration.ofMinutes(10)), NOW, 100);
      assertTrue(rows.consumeState("s1", NOW.plus(Duration.ofMinutes(9))));
      assertFalse(rows.consumeState("s1", NOW.plus(Duration.ofMinutes(9))));
      assertFalse(rows.consumeState("s2", NOW.plus(Duration.ofMinutes(10))));
      assertFalse(rows.consumeState("never-issued", NOW));
    }
  }

  @Test
  @DisplayName(
      "no more install links are handed out while the limit of installs are under way, and more"
          + " once they expire")
  void installsUnderWayAreBounded() {
    try (Database db = open()) {
      SlackInstallationRepository rows = new SlackInstallationRepository(db, new TokenCipher(KEY));
      Instant until = NOW.plus(Duration.ofMinutes(10));
      assertTrue(rows.addState("s1", until, NOW, 2));
      assertTrue(rows.addState("s2", until, NOW, 2));
      assertFalse(rows.addState("s3", until, NOW, 2));
      assertFalse(rows.consumeState("s3", NOW), "a state refused is not kept");
      Instant later = NOW.plus(Duration.ofMinutes(11));
      assertTrue(rows.addState("s4", later.plus(Duration.ofMinutes(10)), later, 2));
    }
  }
}
