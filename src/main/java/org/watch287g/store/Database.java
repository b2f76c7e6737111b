package org.watch287g.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteException;

/**
 * The SQLite database: opened in WAL mode (readers never wait for the writer), with a busy timeout
 * and foreign keys on, migrated to the current schema when opened.
 *
 * <p>Each thread (poller, delivery workers, chat commands) keeps its own connection, opened on
 * first use: a JDBC connection must not be shared between threads, and opening one per call costs
 * milliseconds (its pragmas run each time), which a delivery round of hundreds of rows would pay
 * hundreds of times. Writes are serialised by a lock in this process, since SQLite allows one
 * writer at a time anyway; the busy timeout covers a second process ({@code import} while {@code
 * run} is up).
 */
public final class Database implements AutoCloseable {
  private final SQLiteDataSource dataSource;
  private final Path path;
  private final ReentrantLock writeLock = new ReentrantLock();

  // Per instance on purpose: each thread holds one connection to each database it uses.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Connection> connection = new ThreadLocal<>();

  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);

  private final List<Connection> opened = new CopyOnWriteArrayList<>();

  private Database(Path path, SQLiteDataSource dataSource) {
    this.path = path;
    this.dataSource = dataSource;
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
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + absolute);
    Database database = new Database(absolute, dataSource);
    database.migrate();
    return database;
  }

  private void migrate() {
    try (Connection c = dataSource.getConnection()) {
      new Migrations(Migrations.SCRIPTS).apply(c, path.toString());
    } catch (SQLException e) {
      throw new StorageException("cannot open the database " + path + ": " + e.getMessage(), e);
    }
  }

  /** The database file. */
  public Path path() {
    return path;
  }

  /** Runs a read on this thread's connection. */
  public <T> T read(SqlFunction<T> work) {
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
