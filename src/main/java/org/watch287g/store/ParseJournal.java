package org.watch287g.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * Which files' parses started and never finished ({@code parse_journal}), so that a file that kills
 * the process while it is parsed is refused at the next look rather than parsed again: without it,
 * a workbook that runs the JVM out of memory would crash the bot at every restart for as long as
 * ICE's page links it.
 *
 * <p>Files are known by their SHA-256. Each method is one short transaction; only new files are
 * journaled, so it costs two writes per publication.
 */
final class ParseJournal {
  private final Database database;

  ParseJournal(Database database) {
    this.database = database;
  }

  /** Writes down that the file is about to be parsed; an earlier record of it is replaced. */
  void started(String sha256, String url, Instant at) {
    database.write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO parse_journal (sha256, url, started_at, finished_at)"
                      + " VALUES (?,?,?,NULL) ON CONFLICT (sha256) DO UPDATE SET"
                      + " url = excluded.url, started_at = excluded.started_at,"
                      + " finished_at = NULL")) {
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

  /** Whether a parse of this file started and never finished. */
  boolean neverFinished(String sha256) {
    return database.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT 1 FROM parse_journal WHERE sha256 = ? AND finished_at IS NULL")) {
            s.setString(1, sha256);
            try (ResultSet r = s.executeQuery()) {
              return r.next();
            }
          }
        });
  }
}
