package org.watch287g.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.watch287g.geo.County;
import org.watch287g.geo.CountyQuery;
import org.watch287g.geo.CountyQuery.Ambiguous;
import org.watch287g.geo.CountyQuery.CountyMatch;
import org.watch287g.geo.CountyQuery.NoMatch;
import org.watch287g.geo.CountyQuery.Result;
import org.watch287g.geo.CountyQuery.StateMatch;
import org.watch287g.geo.Gazetteer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code county QUERY...}: which county (or state) a person's words name. */
@Command(
    name = "county",
    mixinStandardHelpOptions = true,
    description = {
      "Show which county, or whole state, some words name, as the bot reads what people write:"
          + " 'harris tx', 'Harris County, Texas', '48201', 'Orleans Parish', 'Houston TX' (a"
          + " city: the county it is in), 'TX'. Misspellings are corrected. Exits 0 on a county"
          + " or state, 1 when the words are ambiguous or match nothing."
    })
public final class CountyCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "QUERY",
      arity = "1..*",
      description = "the words, joined with spaces (quotes optional)")
  List<String> words = new ArrayList<>();

  @Option(
      names = "--json",
      description =
          "print exactly one JSON object: {\"kind\":\"county|state|ambiguous|none\",\"query\","
              + "\"match\",\"basis\",\"corrected\",\"note\",\"candidates\":[{\"fips\",\"name\","
              + "\"state\"}]}")
  boolean json;

  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    String query = String.join(" ", words);
    Result result = new CountyQuery(Gazetteer.bundled()).parse(query);
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(asJson(query, result)));
    } else {
      printForPeople(out, query, result);
    }
    out.flush();
    return result instanceof CountyMatch || result instanceof StateMatch ? 0 : 1;
  }

  private static Map<String, @Nullable Object> asJson(String query, Result result) {
    Map<String, @Nullable Object> json = new LinkedHashMap<>();
    json.put("kind", kind(result));
    json.put("query", query);
    json.put("match", null);
    json.put("basis", null);
    json.put("corrected", false);
    json.put("note", "");
    if (result instanceof CountyMatch m) {
      json.put("match", county(m.county()));
      json.put("basis", m.basis().name().toLowerCase(Locale.ROOT));
      json.put("corrected", m.corrected());
      json.put("note", m.note());
    } else if (result instanceof StateMatch s) {
      json.put("match", Map.of("state", s.state().code(), "name", s.state().title()));
    } else if (result instanceof Ambiguous a) {
      json.put("note", a.note());
    } else if (result instanceof NoMatch n) {
      json.put("note", n.message());
    }
    json.put("candidates", result.candidates().stream().map(CountyCommand::county).toList());
    return json;
  }

  private static String kind(Result result) {
    if (result instanceof CountyMatch) {
      return "county";
    }
    if (result instanceof StateMatch) {
      return "state";
    }
    return result instanceof Ambiguous ? "ambiguous" : "none";
  }

  private static Map<String, String> county(County c) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("fips", c.fips());
    json.put("name", c.name());
    json.put("state", c.state().code());
    return json;
  }

  private static void printForPeople(PrintWriter out, String query, Result result) {
    if (result instanceof CountyMatch m) {
      out.println(m.county().label() + " (FIPS " + m.county().fips() + ")");
      if (m.corrected()) {
        out.println("  read as a misspelling of it: check this is the one meant");
      }
      if (!m.note().isEmpty()) {
        out.println("  " + m.note());
      }
    } else if (result instanceof StateMatch s) {
      int counties = Gazetteer.bundled().counties(s.state()).size();
      out.println(
          s.state().title()
              + " ("
              + s.state().code()
              + "): the whole state, "
              + counties
              + (counties == 1 ? " county" : " counties"));
    } else if (result instanceof Ambiguous a) {
      out.println("ambiguous: \"" + query + "\" could be any of " + a.candidates().size() + ":");
      a.candidates().forEach(c -> out.println("  " + c.label() + " (FIPS " + c.fips() + ")"));
      if (!a.note().isEmpty()) {
        out.println("  " + a.note());
      }
    } else if (result instanceof NoMatch n) {
      List<String> closest = n.suggestions().stream().map(County::label).toList();
      out.println(
          n.message() + (closest.isEmpty() ? "" : "; closest: " + String.join(", ", closest)));
    }
  }
}
