package org.watch287g.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies every row of one database into another, new one, of either dialect: a SQLite file moved to
 * PostgreSQL ({@code migrate-store}), or PostgreSQL backed up into a SQLite file ({@code backup}).
 * Row ids are kept, so events, their alerts and the snapshots they came from still meet; each
 * table's count is checked in both after the copy, and the copy fails (leaving the target to be
 * thrown away) if one differs.
 *
 * <p>The source is read in one transaction (on PostgreSQL a repeatable read), so a copy taken while
 * the bot runs is consistent. Tables are copied parents first; a table a later release adds comes
 * after the known ones, which is where a table referring to channels or events belongs.
 */
public final class StoreCopy {
  /** The tables in an order where every reference points back to one copied already. */
  private static final List<String> ORDER =
      List.of(
          "snapshot",
          "agreement",
          "source_cursor",
          "fetch_attempt",
          "parse_journal",
          "channel",
          "subscription",
          "change_event",
          "outbox");

  /** Rows moved per batch: a round trip per batch, not per row. */
  private static final int BATCH = 1000;

  private StoreCopy() {}

  /**
   * Copies {@code from} into {@code to}, which must hold no rows yet (just created and migrated).
   *
   * @return the rows of each table, as counted in both after the copy
   * @throws StorageException if {@code to} holds rows, or a count differs after the copy
   */
  public static Map<String, Long> copy(Database from, Database to) {
    return from.transaction(
        source -> {
          from.dialect().snapshotRead(source);
          List<String> tables = tables(source, from.dialect());
          return to.transaction(
              target -> {
                Map<String, Long> counts = new LinkedHashMap<>();
                for (String table : tables) {
                  if (count(target, table) > 0) {
                    throw new StorageException(
                        to.name()
                            + " already holds rows in "
                            + table
                            + ": copy into a new, empty database");
                  }
                  copyTable(source, target, table);
                  to.dialect().afterCopy(target, table);
                }
                for (String table : tables) {
                  long there = count(target, table);
                  long here = count(source, table);
                  if (here != there) {
                    throw new StorageException(
                        table + ": " + here + " rows in " + from.name() + ", " + there + " copied");
                  }
                  counts.put(table, there);
                }
                return counts;
              });
        });
  }

  /** The store's tables in copy order (the schema's own version table left out). */
  private static List<String> tables(Connection c, Dialect dialect) throws SQLException {
    List<String> present = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery(dialect.listTables())) {
      while (r.next()) {
        present.add(r.getString(1));
      }
    }
    present.removeIf(t -> t.equals("schema_version") || t.equals("flyway_schema_history"));
    List<String> ordered = new ArrayList<>();
    for (String table : ORDER) {
      if (present.remove(table)) {
        ordered.add(table);
      }
    }
    present.stream().sorted().forEach(ordered::add);
    return ordered;
  }

  private static void copyTable(Connection source, Connection target, String table)
      throws SQLException {
    // Table names come from the database's own catalogue, checked against a plain identifier.
    if (!table.matches("[a-z_][a-z0-9_]*")) {
      throw new StorageException("cannot copy a table named " + table);
    }
    try (Statement read = source.createStatement()) {
      read.setFetchSize(BATCH);
      try (ResultSet rows = read.executeQuery("SELECT * FROM " + table)) {
        ResultSetMetaData meta = rows.getMetaData();
        int n = meta.getColumnCount();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          columns.add(meta.getColumnName(i));
        }
        String insert =
            "INSERT INTO "
                + table
                + " ("
                + String.join(", ", columns)
                + ") VALUES ("
                + String.join(", ", Collections.nCopies(n, "?"))
                + ")";
        try (PreparedStatement write = target.prepareStatement(insert)) {
          int pending = 0;
          while (rows.next()) {
            for (int i = 1; i <= n; i++) {
              write.setObject(i, rows.getObject(i));
            }
            write.addBatch();
            if (++pending == BATCH) {
              write.executeBatch();
              pending = 0;
            }
          }
          if (pending > 0) {
            write.executeBatch();
          }
        }
      }
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }
}
