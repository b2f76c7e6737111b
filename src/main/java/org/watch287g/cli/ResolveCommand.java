package org.watch287g.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.Publication;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.Coverage;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.source.UnreadablePublicationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code resolve FILE}: which counties each agency of an ICE file covers. */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Read one ICE workbook or CSV and print, for each distinct agency (state + name), the"
          + " counties it covers and how that was decided. Statewide agencies cover their whole"
          + " state; an agency nothing places is reported as unresolved (and alerts its whole"
          + " state)."
    })
public final class ResolveCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "the workbook or CSV to read")
  Path file = Path.of("");

  @Option(
      names = "--csv",
      description =
          "print CSV with exactly the header state,agency,predicted_fips (FIPS joined by ';',"
              + " ST:XX for a statewide agency, empty when unresolved)")
  boolean csv;

  @Option(
      names = "--json",
      description =
          "print exactly one JSON object: {\"agencies\":[{\"state\",\"agency\","
              + "\"predicted_fips\",\"counties\":[FIPS...],\"statewide\",\"level\","
              + "\"basis\",\"confidence\":\"exact|corrected|ambiguous|state-wide fallback\","
              + "\"note\"}],\"by_basis\":{},\"by_confidence\":{}}; the tallies count every"
              + " agency, --unresolved or not")
  boolean json;

  @Option(names = "--unresolved", description = "print only the agencies nothing places, and why")
  boolean unresolvedOnly;

  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    if (csv && json) {
      spec.commandLine().getErr().println("resolve: choose --csv or --json, not both");
      return 2;
    }
    Publication publication;
    try {
      publication = new SpreadsheetParser().parse(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      spec.commandLine().getErr().println(file + ": cannot read the file: " + e.getMessage());
      return 1;
    } catch (UnreadablePublicationException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 1;
    }
    AgencyResolver resolver = AgencyResolver.bundled();
    Map<String, Agreement> agencies = new LinkedHashMap<>();
    for (Agreement a : publication.agreements()) {
      agencies.putIfAbsent(a.state().code() + "|" + a.agency(), a);
    }
    if (csv) {
      out.println("state,agency,predicted_fips");
    }
    Map<Coverage.Basis, Integer> tally = new EnumMap<>(Coverage.Basis.class);
    Map<Coverage.Confidence, Integer> sureness = new EnumMap<>(Coverage.Confidence.class);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Agreement a : agencies.values()) {
      Coverage coverage = resolver.resolve(a);
      tally.merge(coverage.basis(), 1, Integer::sum);
      sureness.merge(coverage.confidence(), 1, Integer::sum);
      if (unresolvedOnly && coverage.resolved()) {
        continue;
      }
      if (json) {
        rows.add(jsonRow(a, coverage));
      } else {
        out.println(csv ? csvLine(a, coverage) : humanLine(a, coverage));
      }
    }
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("agencies", rows);
      Map<String, Integer> byBasis = new LinkedHashMap<>();
      tally.forEach((basis, n) -> byBasis.put(basis.name().toLowerCase(Locale.ROOT), n));
      document.put("by_basis", byBasis);
      Map<String, Integer> byConfidence = new LinkedHashMap<>();
      sureness.forEach((c, n) -> byConfidence.put(c.label(), n));
      document.put("by_confidence", byConfidence);
      out.println(new ObjectMapper().writeValueAsString(document));
    } else if (!csv) {
      out.println(summary(agencies.size(), tally));
    }
    out.flush();
    return 0;
  }

  private static Map<String, Object> jsonRow(Agreement a, Coverage coverage) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("state", a.state().code());
    row.put("agency", a.agency());
    row.put("predicted_fips", coverage.predictedFips());
    row.put("counties", List.copyOf(coverage.counties()));
    row.put("statewide", coverage.statewide());
    row.put("level", coverage.level().name().toLowerCase(Locale.ROOT));
    row.put("basis", coverage.basis().name().toLowerCase(Locale.ROOT));
    row.put("confidence", coverage.confidence().label());
    row.put("note", coverage.note());
    return row;
  }

  private static String csvLine(Agreement a, Coverage coverage) {
    return a.state().code() + "," + csvField(a.agency()) + "," + coverage.predictedFips();
  }

  private static String humanLine(Agreement a, Coverage coverage) {
    String where = coverage.resolved() ? coverage.predictedFips() : "UNRESOLVED";
    return String.format(
        "%s  %-55s %-22s %-10s %-9s %s",
        a.state().code(),
        a.agency(),
        where,
        coverage.basis().name().toLowerCase(Locale.ROOT),
        coverage.confidence().label(),
        coverage.note());
  }

  private static String summary(int total, Map<Coverage.Basis, Integer> tally) {
    StringBuilder s = new StringBuilder(total + " agencies:");
    tally.forEach(
        (basis, n) ->
            s.append(' ')
                .append(basis.name().toLowerCase(Locale.ROOT))
                .append(' ')
                .append(n)
                .append(','));
    s.setLength(s.length() - 1);
    return s.toString();
  }

  /** RFC 4180: quote a field with a comma, quote or line break. */
  static String csvField(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
