package org.watch287g.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.Publication;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.source.UnreadablePublicationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code inspect FILE}: what one ICE file holds, without storing anything. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Read one ICE workbook (XLSX) or CSV and print what it holds: which list it is (from its"
          + " columns, not its name), how many agreements of each model, how many states, and"
          + " anything odd the reader repaired or skipped. Stores nothing."
    })
public final class InspectCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "the workbook or CSV to read")
  Path file = Path.of("");

  @Option(
      names = "--json",
      description =
          "print exactly one JSON object: {\"kind\",\"rows\",\"models\":{\"JEM\",\"TFM\",\"WSO\"},"
              + "\"states\", ...}")
  boolean json;

  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Publication publication;
    try {
      publication = new SpreadsheetParser().parse(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      err.println(file + ": cannot read the file: " + e.getMessage());
      return 1;
    } catch (UnreadablePublicationException e) {
      err.println(e.getMessage());
      return 1;
    }
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(summary(publication)));
    } else {
      printForPeople(out, publication);
    }
    out.flush();
    return 0;
  }

  private Map<String, Object> summary(Publication publication) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("file", file.toString());
    summary.put("kind", publication.kind().id());
    summary.put("rows", publication.agreements().size());
    Map<String, Long> models = new LinkedHashMap<>();
    publication.countByModel().forEach((model, n) -> models.put(model.name(), n));
    summary.put("models", models);
    summary.put("states", publication.states().size());
    summary.put("columns", publication.columns());
    summary.put("warnings", publication.warnings());
    return summary;
  }

  private void printForPeople(PrintWriter out, Publication publication) {
    out.println(file + ": " + publication.kind().id() + " list");
    out.println("  " + publication.describe());
    for (Map.Entry<Model, Long> e : publication.countByModel().entrySet()) {
      out.printf("  %-4s %,6d  %s%n", e.getKey(), e.getValue(), e.getKey().title());
    }
    out.println("  columns: " + String.join(", ", publication.columns()));
    if (publication.warnings().isEmpty()) {
      out.println("  nothing odd");
    } else {
      out.println("  " + publication.warnings().size() + " oddities:");
      publication.warnings().forEach(w -> out.println("    " + w));
    }
  }
}
