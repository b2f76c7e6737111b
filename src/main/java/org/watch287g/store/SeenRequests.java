package org.watch287g.store;

import java.sql.PreparedStatement;
import java.time.Instant;

/**
 * Signed requests already answered by any instance ({@code seen_request}): the memory of Slack's
 * replay guard when several instances share a PostgreSQL database, so that a request replayed to
 * another instance, or after a restart, is refused.
 */
public final class SeenRequests {
  private final Database database;

  public SeenRequests(Database database) {
    this.database = database;
  }

  /**
   * Records a request's digest unless some instance recorded it already; forgets the digests kept
   * past their time on the way.
   *
   * @return whether this is the first sighting
   * @throws StorageException if the database does not answer
   */
  public boolean firstSighting(long digest, Instant keepUntil, Instant now) {
    return database.transaction(
        c -> {
          try (PreparedStatement expire =
              c.prepareStatement("DELETE FROM seen_request WHERE keep_until < ?")) {
            expire.setLong(1, now.toEpochMilli());
            expire.executeUpdate();
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO seen_request (digest, keep_until) VALUES (?, ?)"
                      + " ON CONFLICT (digest) DO NOTHING")) {
            s.setLong(1, digest);
            s.setLong(2, keepUntil.toEpochMilli());
            return s.executeUpdate() == 1;
          }
        });
  }
}
