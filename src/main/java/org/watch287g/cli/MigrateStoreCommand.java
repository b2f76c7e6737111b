package org.watch287g.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watch287g.config.StorageConfig;
import org.watch287g.store.Database;
import org.watch287g.store.StoreCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migrate-store --from FILE --to URL}: a SQLite database moved into PostgreSQL. */
@Command(
    name = "migrate-store",
    mixinStandardHelpOptions = true,
    description = {
      "Copy every row of a SQLite database (the bot's file, or a backup) into a new, empty"
          + " PostgreSQL database, ids and all, then count each table in both: exits 1, naming"
          + " the table, if a count differs. Stop the bot first, so nothing is written meanwhile.",
      "",
      "The user and password are read from WATCH287G_DB_USER and WATCH287G_DB_PASSWORD (or"
          + " PGUSER and PGPASSWORD), never from the command line. Afterwards, set storage.url to"
          + " the same URL and start the instances."
    })
public final class MigrateStoreCommand implements Callable<Integer> {
  @Option(names = "--from", required = true, paramLabel = "FILE", description = "SQLite file")
  Path from = Path.of("");

  @Option(
      names = "--to",
      required = true,
      paramLabel = "URL",
      description = "jdbc:postgresql://host[:port]/database (a new, empty one)")
  String to = "";

  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(from)) {
      err.println("--from: no SQLite database at " + from);
      return 1;
    }
    if (!to.startsWith("jdbc:postgresql://")) {
      err.println("--to: expected jdbc:postgresql://host[:port]/database, got " + to);
      return 1;
    }
    Database.Postgres target =
        new Database.Postgres(to, env("WATCH287G_DB_USER"), env("WATCH287G_DB_PASSWORD"));
    Map<String, Long> counts;
    try (Database source = Database.open(from, StorageConfig.defaults().busyTimeout());
        Database destination = Database.openPostgres(target, 2)) {
      counts = StoreCopy.copy(source, destination);
    }
    PrintWriter out = spec.commandLine().getOut();
    counts.forEach((table, rows) -> out.println(table + ": " + rows + " rows, counted in both"));
    out.println("moved " + from + " to " + target + "; set storage.url to " + to);
    out.flush();
    return 0;
  }

  private static String env(String name) {
    String value = System.getenv(name);
    return value == null ? "" : value;
  }
}
