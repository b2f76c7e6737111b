package org.watch287g;

import org.watch287g.cli.BackupCommand;
import org.watch287g.cli.CheckCommand;
import org.watch287g.cli.CountyCommand;
import org.watch287g.cli.DemoCommand;
import org.watch287g.cli.DiffCommand;
import org.watch287g.cli.HealthcheckCommand;
import org.watch287g.cli.ImportCommand;
import org.watch287g.cli.InspectCommand;
import org.watch287g.cli.MapCommand;
import org.watch287g.cli.MigrateStoreCommand;
import org.watch287g.cli.ResolveCommand;
import org.watch287g.cli.RunCommand;
import org.watch287g.cli.StatusCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code java -jar watch287g.jar <command>}. Each command is a class in {@code
 * org.watch287g.cli}; each builds what it needs through {@link Wiring}.
 */
@Command(
    name = "watch287g",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Watches ICE's 287(g) lists and tells Slack and Discord channels when agencies in the"
          + " counties they follow sign or request an agreement.",
      ""
    },
    subcommands = {
      RunCommand.class,
      CheckCommand.class,
      InspectCommand.class,
      ImportCommand.class,
      ResolveCommand.class,
      CountyCommand.class,
      DiffCommand.class,
      DemoCommand.class,
      StatusCommand.class,
      MapCommand.class,
      BackupCommand.class,
      MigrateStoreCommand.class,
      HealthcheckCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {"", "Run 'watch287g <command> --help' for a command's options."})
public final class App implements Runnable {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and the tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new App());
    cli.setExecutionExceptionHandler(new Failures());
    // "--log-format json", not "JSON": enum values are matched without regard to case.
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    return cli;
  }

  @Override
  public void run() {
    // No command given: show what there is.
    CommandLine.usage(this, System.out);
  }
}
