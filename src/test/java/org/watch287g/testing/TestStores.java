package org.watch287g.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.watch287g.store.Database;

/**
 * The store's tests on both databases: registered as an instance field ({@code @RegisterExtension
 * final TestStores stores = new TestStores();}) of a class parameterised over {@link Kind}, it
 * opens a fresh database for each test, SQLite in the test's folder or a schema of its own in the
 * test class's PostgreSQL database (created on first use, dropped when the class is done), and
 * closes what it opened after each test.
 */
public final class TestStores implements BeforeEachCallback, AfterEachCallback {
  /** The two databases the store runs on. */
  public enum Kind {
    SQLITE,
    POSTGRESQL
  }

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestStores.class);
  private static final AtomicInteger schemas = new AtomicInteger();

  private final List<Database> opened = new ArrayList<>();
  // A file opened again in the same test (a restart) is the same PostgreSQL schema.
  private final Map<Path, String> schemaOf = new HashMap<>();
  private ExtensionContext.@org.jspecify.annotations.Nullable Store classStore;
  private String className = "store";

  @Override
  public void beforeEach(ExtensionContext context) {
    ExtensionContext classContext = context.getParent().orElse(context);
    classStore = classContext.getStore(NAMESPACE);
    className = context.getRequiredTestClass().getSimpleName();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (Database database : opened) {
      database.close();
    }
    opened.clear();
    schemaOf.clear();
  }

  /**
   * A migrated database of this kind: SQLite's file is {@code file}, and on PostgreSQL a schema of
   * its own for each file, new at a file's first open in the test and the same after.
   */
  public Database open(Kind kind, Path file) {
    Database database =
        switch (kind) {
          case SQLITE -> Database.open(file, Duration.ofSeconds(2));
          case POSTGRESQL ->
              Database.openPostgres(
                  TestPostgres.at(schemaOf.computeIfAbsent(file, f -> freshSchema())), 2);
        };
    opened.add(database);
    return database;
  }

  /**
   * The URL of a new, empty schema in this class's database (skipping the test when there is no
   * PostgreSQL): what a second {@link #open} of the same database, as after a restart, reopens.
   */
  public String freshSchema() {
    TestPostgres.assumeAvailable();
    String url = classDatabase();
    String schema = "t" + schemas.incrementAndGet();
    TestPostgres.execute(url, "CREATE SCHEMA " + schema);
    return TestPostgres.withOption(url, "currentSchema=" + schema);
  }

  /**
   * Reopens a database given by URL (a schema {@link #freshSchema} made), closed after the test.
   */
  public Database reopen(String url) {
    Database database = Database.openPostgres(TestPostgres.at(url), 2);
    opened.add(database);
    return database;
  }

  private String classDatabase() {
    if (classStore == null) {
      throw new IllegalStateException("TestStores is registered as an instance field");
    }
    return classStore
        .getOrComputeIfAbsent(
            "database",
            key -> new ClassDatabase(TestPostgres.createDatabase(className)),
            ClassDatabase.class)
        .url();
  }

  /** The test class's database, dropped when JUnit closes the class's context. */
  private record ClassDatabase(String url) implements AutoCloseable {
    @Override
    public void close() {
      TestPostgres.dropDatabase(url);
    }
  }
}
