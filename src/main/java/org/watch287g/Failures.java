package org.watch287g;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.config.ConfigException;
import org.watch287g.store.StorageException;
import picocli.CommandLine;

/**
 * Turns failures that escape a command into one line on stderr and an exit code: 2 for a config
 * error the user can fix, 1 otherwise. Stack traces only for bugs, and only in the log.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(Failures.class);

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    if (e instanceof ConfigException) {
      cli.getErr().println("config error: " + e.getMessage());
      return 2;
    }
    if (e instanceof StorageException) {
      cli.getErr().println("database error: " + e.getMessage());
      return 1;
    }
    log.error("unexpected failure in '{}'", cli.getCommandName(), e);
    cli.getErr().println("unexpected failure: " + e + " (this is a bug; the log has details)");
    return 1;
  }
}
