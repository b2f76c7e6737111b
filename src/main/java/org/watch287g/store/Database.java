package org.watch287g.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteException;

/**
 * The database: one SQLite file (the default) or a PostgreSQL database that several instances share
 * ({@link #openPostgres}), migrated to the current schema when opened.
 *
 * <p>SQLite is opened in WAL mode (readers never wait for the writer), with a busy timeout and
 * foreign keys on.
 *
 * <p>Each thread (poller, delivery workers, chat commands) keeps its own connection, opened on
 * first use: a JDBC connection must not be shared between threads, and opening one per call costs
 * milliseconds (its pragmas run each time), which a delivery round of hundreds of rows would pay
 * hundreds of times. Writes are serialised by a lock in this process, since SQLite allows one
 * writer at a time anyway; the busy timeout covers a second process ({@code import} while {@code
 * run} is up).
 *
 * <p>PostgreSQL is reached through a bounded pool (HikariCP): a read borrows a connection for its
 * work and gives it back, a transaction holds one to its end, and work nested in a transaction on
 * the same thread joins it. The server orders concurrent writers, so no lock is taken here.
 */
public final class Database implements AutoCloseable {
  private final DataSource dataSource;
  private final @Nullable HikariDataSource pool;
  private final Dialect dialect;
  private final Path path;
  private final String name;
  private final @Nullable Postgres postgres;
  private final ReentrantLock writeLock = new ReentrantLock();

  // Per instance on purpose: each thread holds one connection to each database it uses.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Connection> connection = new ThreadLocal<>();

  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);

  private final List<Connection> opened = new CopyOnWriteArrayList<>();

  private Database(Path path, SQLiteDataSource dataSource) {
    this.path = path;
    this.name = path.toString();
    this.dataSource = dataSource;
    this.pool = null;
    this.dialect = Dialect.SQLITE;
    this.postgres = null;
  }

  private Database(Postgres postgres, HikariDataSource pool) {
    this.path = Path.of("");
    this.name = postgres.url();
    this.dataSource = pool;
    this.pool = pool;
    this.dialect = Dialect.POSTGRESQL;
    this.postgres = postgres;
  }

  /**
   * Where a PostgreSQL database is and who to log in as: the password is never printed.
   *
   * @param url {@code jdbc:postgresql://host[:port]/database[?options]}
   * @param user empty for the driver's default (the system user)
   * @param password empty when the server does not ask for one
   */
  public record Postgres(String url, String user, String password) {
    /**
     * This database with PostgreSQL's own {@code PGUSER} and {@code PGPASSWORD} for whichever of
     * user and password is empty.
     */
    public Postgres withEnvironmentDefaults(java.util.Map<String, String> environment) {
      return new Postgres(
          url,
          user.isEmpty() ? environment.getOrDefault("PGUSER", "") : user,
          password.isEmpty() ? environment.getOrDefault("PGPASSWORD", "") : password);
    }

    @Override
    public String toString() {
      return url + (user.isEmpty() ? "" : " as " + user);
    }

    /** A connection of its own, outside any pool: for a lock that lives as long as it. */
    public Connection connect() throws SQLException {
      Properties properties = new Properties();
      if (!user.isEmpty()) {
        properties.setProperty("user", user);
      }
      if (!password.isEmpty()) {
        properties.setProperty("password", password);
      }
      properties.setProperty("connectTimeout", "5");
      // A partitioned server is noticed within a read's time, not the kernel's minutes.
      properties.setProperty("socketTimeout", "10");
      properties.setProperty("tcpKeepAlive", "true");
      properties.setProperty("ApplicationName", "watch287g");
      return DriverManager.getConnection(url, properties);
    }
  }

  /**
   * Opens a PostgreSQL database through a pool of at most {@code poolSize} connections and migrates
   * it.
   *
   * @throws StorageException if the server cannot be reached or a migration fails
   */
  public static Database openPostgres(Postgres postgres, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.url());
    if (!postgres.user().isEmpty()) {
      config.setUsername(postgres.user());
    }
    if (!postgres.password().isEmpty()) {
      config.setPassword(postgres.password());
    }
    config.setMaximumPoolSize(poolSize);
    // Connections are a shared server's scarce resource: idle ones are given back.
    config.setMinimumIdle(Math.min(1, poolSize));
    config.setIdleTimeout(Duration.ofMinutes(1).toMillis());
    config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
    config.setPoolName("watch287g");
    config.addDataSourceProperty("socketTimeout", "30");
    config.addDataSourceProperty("tcpKeepAlive", "true");
    config.addDataSourceProperty("ApplicationName", "watch287g");
    // Fail at open, saying why, rather than at the first query.
    config.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StorageException(
          "cannot reach the database " + postgres + ": " + rootMessage(e), e);
    }
    Database database = new Database(postgres, pool);
    try {
      database.migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return database;
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return String.valueOf(cause.getMessage());
  }

  /**
   * Starts loading SQLite's native library on a background thread (it is unpacked from the jar,
   * about a quarter of a second), for a caller that opens a database soon and has other work first;
   * {@link #open} then waits only for what is left. A failure here is left for open to report.
   */
  public static void loadDriverInBackground() {
    Thread loader =
        new Thread(
            () -> {
              try {
                NativeLibrary.load();
              } catch (StorageException e) {
                // open() loads it again and says what is wrong.
              }
            },
            "sqlite-loader");
    loader.setDaemon(true);
    loader.start();
  }

  /**
   * Opens (creating if needed) the database at {@code path} and migrates it.
   *
   * @throws StorageException if SQLite's native library cannot be loaded (see {@link
   *     NativeLibrary}), the file cannot be created or opened, or a migration fails
   */
  public static Database open(Path path, Duration busyTimeout) {
    NativeLibrary.load();
    Path absolute = path.toAbsolutePath();
    try {
      Path parent = absolute.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StorageException("cannot create the folder for " + absolute + ": " + e, e);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
    // A transaction takes the file's write lock when it begins, waiting up to the busy timeout
    // for another process's (a backup, a second bot started by mistake): one that began as a
    // reader and wrote after another process had committed would fail at once with SQLITE_BUSY,
    // the busy timeout not applying to a stale snapshot. Within this process writes are one at a
    // time anyway (writeLock).
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + absolute);
    Database database = new Database(absolute, dataSource);
    database.migrate();
    return database;
  }

  private void migrate() {
    try (Connection c = dataSource.getConnection()) {
      new Migrations(Migrations.SCRIPTS).apply(c, name, dialect);
    } catch (SQLException e) {
      throw new StorageException("cannot open the database " + name + ": " + e.getMessage(), e);
    }
  }

  /** The database file; empty on PostgreSQL. */
  public Path path() {
    return path;
  }

  /** The database as the operator named it: the file, or the URL (without a password). */
  public String name() {
    return name;
  }

  /** Which database this is. */
  public Dialect dialect() {
    return dialect;
  }

  /** Where the PostgreSQL database is; empty on SQLite. */
  public Optional<Postgres> postgres() {
    return java.util.Optional.ofNullable(postgres);
  }

  /** Runs a read on this thread's connection. */
  public <T> T read(SqlFunction<T> work) {
    if (pool != null) {
      return pooled(work, false);
    }
    try {
      return work.apply(connection());
    } catch (SQLException e) {
      throw new StorageException("database read failed: " + e.getMessage(), e);
    }
  }

  /**
   * Runs writes in one transaction: all of them commit, or (on any exception) none does. Called
   * within a transaction of the same thread, the work joins it.
   */
  public <T> T transaction(SqlFunction<T> work) {
    if (pool != null) {
      return pooled(work, true);
    }
    if (inTransaction.get()) {
      try {
        return work.apply(connection());
      } catch (SQLException e) {
        throw writeFailed(e);
      }
    }
    writeLock.lock();
    inTransaction.set(true);
    try {
      Connection c = connection();
      c.setAutoCommit(false);
      T result;
      try {
        result = work.apply(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        // SQLite has often rolled back already (a full disk, an I/O error, a read-only file):
        // then rollback() fails with "no transaction is active", and so does turning autocommit
        // back on (it commits); neither may hide the real reason.
        try {
          c.rollback();
        } catch (SQLException rollbackFailed) {
          e.addSuppressed(rollbackFailed);
        }
        try {
          c.setAutoCommit(true);
        } catch (SQLException restoreFailed) {
          e.addSuppressed(restoreFailed);
        }
        throw e;
      }
      c.setAutoCommit(true);
      return result;
    } catch (SQLException e) {
      throw writeFailed(e);
    } finally {
      inTransaction.set(false);
      writeLock.unlock();
    }
  }

  /**
   * A failed write as the operator reads it: SQLite's reason and, when the file cannot be written
   * (read-only, an I/O error, a full disk), which file and what to do about it.
   */
  private StorageException writeFailed(SQLException e) {
    String code = e instanceof SQLiteException s ? s.getResultCode().name() : "";
    boolean unwritable =
        code.startsWith("SQLITE_READONLY")
            || code.startsWith("SQLITE_IOERR")
            || code.startsWith("SQLITE_CANTOPEN")
            || code.equals("SQLITE_PERM")
            || code.equals("SQLITE_FULL");
    String advice =
        unwritable
            ? "; cannot write "
                + path
                + ": make sure it, its -wal and -shm files and its folder are writable by the"
                + " bot's user (permissions, a read-only mount, chattr +i) and the disk has space"
            : "";
    return new StorageException("database write failed: " + e.getMessage() + advice, e);
  }

  /**
   * Work on PostgreSQL: on the connection this thread already holds (work nested in a transaction
   * or a read), else on one borrowed from the pool for its length, in a transaction if asked.
   */
  private <T> T pooled(SqlFunction<T> work, boolean write) {
    Connection held = connection.get();
    if (held != null) {
      try {
        return work.apply(held);
      } catch (SQLException e) {
        throw write ? writeFailed(e) : readFailed(e);
      }
    }
    try (Connection c = dataSource.getConnection()) {
      connection.set(c);
      try {
        if (!write) {
          return work.apply(c);
        }
        c.setAutoCommit(false);
        try {
          T result = work.apply(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          try {
            c.rollback();
          } catch (SQLException rollbackFailed) {
            e.addSuppressed(rollbackFailed);
          }
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      } finally {
        connection.remove();
      }
    } catch (SQLException e) {
      throw write ? writeFailed(e) : readFailed(e);
    }
  }

  private static StorageException readFailed(SQLException e) {
    return new StorageException("database read failed: " + e.getMessage(), e);
  }

  private Connection connection() throws SQLException {
    Connection c = connection.get();
    if (c == null || c.isClosed()) {
      c = dataSource.getConnection();
      connection.set(c);
      opened.add(c);
    }
    return c;
  }

  /** Closes every thread's connection; the database is unusable after. */
  @Override
  public void close() {
    if (pool != null) {
      pool.close();
      return;
    }
    for (Connection c : opened) {
      try {
        c.close();
      } catch (SQLException e) {
        // Closing on the way out: nothing left to protect.
      }
    }
    opened.clear();
  }

  /** Runs writes that return nothing in one transaction, like {@link #transaction}. */
  public void write(SqlAction work) {
    transaction(
        c -> {
          work.run(c);
          return Boolean.TRUE;
        });
  }

  /** Work done with a connection that returns nothing; may throw {@link SQLException}. */
  @FunctionalInterface
  public interface SqlAction {
    void run(Connection connection) throws SQLException;
  }

  /** Work done with a connection; may throw {@link SQLException}. */
  @FunctionalInterface
  public interface SqlFunction<T> {
    T apply(Connection connection) throws SQLException;
  }
}
