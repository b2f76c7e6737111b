package org.watch287g.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.watch287g.Wiring;
import org.watch287g.config.Config;
import org.watch287g.store.Database;
import org.watch287g.store.Vitals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code backup FILE}: a consistent copy of the database, taken while the bot runs. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the whole database (subscriptions, snapshots, events, the alerts still to send) to"
          + " FILE, consistently, even while the bot is running: safe to run from cron. FILE must"
          + " not exist yet.",
      "",
      "To restore: stop the bot, replace storage.path with the backup (keep the old file until"
          + " the bot runs again), start the bot. Alerts still pending in the backup go out; an"
          + " alert sent after the backup was taken may be sent once more.",
      "",
      "On PostgreSQL (storage.url) the backup is a SQLite file as well, read in one consistent"
          + " snapshot; restore it with `migrate-store --from FILE --to jdbc:postgresql://...`"
          + " into a new, empty database."
    })
public final class BackupCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "where to write the copy (a new file)")
  Path target = Path.of("");

  @Mixin ConfigOptions options = new ConfigOptions();

  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() throws Exception {
    Config config = options.load();
    String source = config.storage().describe();
    if (!config.storage().postgres() && !Files.exists(config.storage().path())) {
      spec.commandLine().getErr().println("no database at " + source + ": nothing to back up");
      return 1;
    }
    try (Database database = Wiring.openDatabase(config.storage())) {
      new Vitals(database).backupTo(target);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("backed up " + source + " to " + target + " (" + Files.size(target) + " bytes)");
    out.flush();
    return 0;
  }
}
