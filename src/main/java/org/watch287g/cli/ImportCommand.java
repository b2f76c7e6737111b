package org.watch287g.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watch287g.Wiring;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.changes.Differ;
import org.watch287g.changes.Lists;
import org.watch287g.changes.Verdict;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.Snapshot;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.source.UnreadablePublicationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import FILE...}: store local files as publications, in order. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Store local ICE workbooks or CSVs as publications, in the order given (oldest first), one"
          + " progress line per file. A file that cannot be read is reported and skipped; the"
          + " others are still stored. Exits 1 if any file failed.",
      "",
      "Under each file, what changed since the previous file of the same list in this import, one"
          + " line per event as `diff` prints them: what the bot would have said. Nothing is sent."
    })
public final class ImportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "workbooks or CSVs, oldest first")
  List<Path> files = new ArrayList<>();

  @Mixin ConfigOptions options = new ConfigOptions();
  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int failed = 0;
    Map<ListKind, Publication> previous = new EnumMap<>(ListKind.class);
    try (Wiring wiring = new Wiring(options.load(), Clock.systemUTC())) {
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        String progress = "[" + (i + 1) + "/" + files.size() + "] " + file.getFileName() + ": ";
        try {
          Snapshot snapshot =
              wiring
                  .importer()
                  .store(
                      Files.readAllBytes(file),
                      String.valueOf(file.getFileName()),
                      Provenance.Origin.IMPORTED);
          out.println(
              progress
                  + "snapshot #"
                  + snapshot.id()
                  + ", "
                  + snapshot.kind().id()
                  + ": "
                  + snapshot.publication().describe());
          Publication before = previous.put(snapshot.kind(), snapshot.publication());
          if (before != null) {
            changes(before, snapshot.publication()).forEach(line -> out.println("    " + line));
          }
        } catch (IOException e) {
          failed++;
          out.println(progress + "not imported: cannot read the file (" + e.getMessage() + ")");
        } catch (UnreadablePublicationException e) {
          failed++;
          out.println(progress + "not imported: " + e.reason());
        }
        out.flush();
      }
      out.println(
          (files.size() - failed)
              + " of "
              + files.size()
              + " imported into "
              + wiring.database().name());
    }
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  /** The events between two files of one list, in {@code diff}'s lines; nothing is sent. */
  private static List<String> changes(Publication before, Publication after) {
    List<ChangeEvent> events = new Differ().diff(Lists.only(before), Lists.only(after));
    return new DiffReport(
            Verdict.good(), events, AgencyResolver.bundled(), after.kind() == ListKind.PENDING)
        .lines();
  }
}
