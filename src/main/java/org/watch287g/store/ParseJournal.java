package org.watch287g.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * Which files' parses started and never finished ({@code parse_journal}), so that a file that kills
 * the process while it is parsed is refused rather than parsed again: without it, a workbook that
 * runs the JVM out of memory would crash the bot at every restart for as long as ICE's page links
 * it. A file is refused once its parse has stopped the process {@link #CRASHES_TO_REFUSE} times,
 * not once: a single kill during a good file's parse (a deploy, the fault suite's SIGKILLs) must
 * not refuse it for ever.
 *
 * <p>Files are known by their SHA-256. Each method is one short transaction; only new files are
 * journaled, so it costs two writes per publication.
 */
final class ParseJournal {
  /** Unfinished parses of one file after which it is refused. */
  static final int CRASHES_TO_REFUSE = 2;

  private final Database database;

  ParseJournal(Database database) {
    this.database = database;
  }

  /**
   * Writes down that the file is about to be parsed: a new record, or one more attempt (counted
   * from the last finished parse) on the file's record.
   */
  void started(String sha256, String url, Instant at) {
    database.write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO parse_journal (sha256, url, started_at, finished_at, attempts)"
                      + " VALUES (?,?,?,NULL,1) ON CONFLICT (sha256) DO UPDATE SET"
                      + " url = excluded.url, started_at = excluded.started_at,"
                      + " attempts = CASE WHEN parse_journal.finished_at IS NULL"
                      + " THEN parse_journal.attempts + 1 ELSE 1 END, finished_at = NULL")) {
            s.setString(1, sha256);
            s.setString(2, url);
            s.setString(3, at.toString());
            s.executeUpdate();
          }
        });
  }

  /** Writes down that the parser returned, whatever it concluded. */
  void finished(String sha256, Instant at) {
    database.write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("UPDATE parse_journal SET finished_at = ? WHERE sha256 = ?")) {
            s.setString(1, at.toString());
            s.setString(2, sha256);
            s.executeUpdate();
          }
        });
  }

  /** Whether parses of this file started {@link #CRASHES_TO_REFUSE} times and never finished. */
  boolean keepsCrashing(String sha256) {
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT 1 FROM parse_journal WHERE sha256 = ? AND finished_at IS NULL"
                      + " AND attempts >= ?")) {
            s.setString(1, sha256);
            s.setInt(2, CRASHES_TO_REFUSE);
            try (ResultSet r = s.executeQuery()) {
              return r.next();
            }
          }
        });
  }
}
