package org.watch287g.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.watch287g.Wiring;
import org.watch287g.watch.CycleReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code check}: one fetch cycle now. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check ICE's 287(g) page once, now: download any new workbook, store it, and print what was"
          + " fetched and stored. Exits 0 when nothing failed, 1 otherwise."
    })
public final class CheckCommand implements Callable<Integer> {
  @Mixin ConfigOptions options = new ConfigOptions();
  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Wiring wiring = new Wiring(options.load(), Clock.systemUTC())) {
      wiring.seedBundledSnapshots();
      CycleReport report = wiring.pollCycle().run();
      for (CycleReport.Line line : report.lines()) {
        out.println(line);
      }
      out.flush();
      return report.ok() ? 0 : 1;
    }
  }
}
