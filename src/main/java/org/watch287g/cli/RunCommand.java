package org.watch287g.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.Wiring;
import org.watch287g.config.Config;
import org.watch287g.console.ConsolePrompt;
import org.watch287g.geo.Gazetteer;
import org.watch287g.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: poll ICE on the interval until stopped. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Watch ICE's 287(g) page: check it now and then every source.pollInterval (default ten"
          + " minutes), keeping every new publication. Runs in the foreground until stopped"
          + " (Ctrl-C or SIGTERM)."
    })
public final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Mixin ConfigOptions options = new ConfigOptions();

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      description =
          "text (default: one readable line per event) or json (one JSON object per line, for a"
              + " log collector)")
  LogFormat logFormat = LogFormat.TEXT;

  @Override
  public Integer call() throws InterruptedException {
    logFormat.apply();
    // Two slow loads that need no configuration start now and overlap reading it.
    Gazetteer.loadInBackground();
    Database.loadDriverInBackground();
    Config config = options.load();
    Wiring wiring = new Wiring(config, Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("stopping");
                  wiring.close();
                  stopped.countDown();
                },
                "shutdown"));
    wiring.start();
    if (ConsolePrompt.startIfTerminal(wiring.commands())) {
      log.info("type /287g help for commands");
    }
    stopped.await();
    return 0;
  }
}
