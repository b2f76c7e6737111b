package org.watch287g.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.watch287g.store.Database;

/**
 * The PostgreSQL server tests use: {@code WATCH287G_TEST_PG_URL} (default the local one, {@value
 * #LOCAL}), with {@code PGUSER}/{@code PGPASSWORD} if set. Each test class works in a database of
 * its own, created under a unique name and dropped after, so that test classes, and engineers
 * sharing the server, never see each other's rows.
 */
public final class TestPostgres {
  /** The server of the project's machines (trust authentication). */
  public static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/postgres";

  /** The one line a machine without PostgreSQL prints: how to run what it skipped. */
  public static final String HOW_TO_RUN =
      "PostgreSQL tests skipped: no server at "
          + url()
          + "; start one (pg_ctlcluster <version> main start) or set WATCH287G_TEST_PG_URL to run"
          + " them";

  private static final AtomicBoolean told = new AtomicBoolean();
  private static volatile @org.jspecify.annotations.Nullable Boolean reachable;

  private TestPostgres() {}

  /** The server's administrative URL (a database tests may create others from). */
  public static String url() {
    String url = System.getenv("WATCH287G_TEST_PG_URL");
    return url == null || url.isBlank() ? LOCAL : url;
  }

  /** The server as the store reaches it. */
  public static Database.Postgres server() {
    return at(url());
  }

  /** A database on the same server. */
  public static Database.Postgres at(String url) {
    return new Database.Postgres(url, env("PGUSER"), env("PGPASSWORD"));
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }

  /** Whether the server answers; asked once per JVM. */
  public static boolean available() {
    Boolean known = reachable;
    if (known == null) {
      try (Connection c = server().connect()) {
        known = c.isValid(5);
      } catch (SQLException e) {
        known = false;
      }
      reachable = known;
    }
    return known;
  }

  /** Skips the calling test, saying once how to run it, when there is no server. */
  public static void assumeAvailable() {
    if (!available() && told.compareAndSet(false, true)) {
      System.err.println(HOW_TO_RUN);
    }
    Assumptions.assumeTrue(available(), HOW_TO_RUN);
  }

  /**
   * Creates a new, empty database named after {@code purpose} and a random suffix.
   *
   * @return its URL
   */
  public static String createDatabase(String purpose) {
    String cleaned = purpose.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
    String name =
        "w287g_"
            + cleaned.substring(0, Math.min(30, cleaned.length()))
            + "_"
            + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffffL);
    admin("CREATE DATABASE " + name);
    return withDatabase(name);
  }

  /** Drops a database {@link #createDatabase} made, closing whatever still uses it. */
  public static void dropDatabase(String url) {
    admin("DROP DATABASE IF EXISTS " + databaseOf(url) + " WITH (FORCE)");
  }

  /** Runs statements in a database, for setting up what a test needs. */
  public static void execute(String url, String... statements) {
    try (Connection c = at(url).connect();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL refused a test's setup: " + e.getMessage(), e);
    }
  }

  private static void admin(String statement) {
    execute(url(), statement);
  }

  private static String withDatabase(String name) {
    String url = url();
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String rest = query < 0 ? "" : url.substring(query);
    return base.substring(0, base.lastIndexOf('/') + 1) + name + rest;
  }

  private static String databaseOf(String url) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String name = base.substring(base.lastIndexOf('/') + 1);
    if (!name.matches("w287g_[a-z0-9_]+")) {
      throw new IllegalArgumentException("not a test database: " + name);
    }
    return name;
  }

  /** The URL of a database with {@code option} (e.g. {@code currentSchema=t1}) added. */
  public static String withOption(String url, String option) {
    return url + (url.contains("?") ? "&" : "?") + option;
  }
}
