package org.watch287g.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.watch287g.Wiring;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Texts;
import org.watch287g.commands.MapImage;
import org.watch287g.commands.Reply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code map [QUERY...]}: what {@code /287g map} draws, from the local database. */
@Command(
    name = "map",
    mixinStandardHelpOptions = true,
    description = {
      "Draw a map of where the 287(g) agreements are: every county of the state of QUERY (or,"
          + " without QUERY, of the whole country) shaded by the broadest agreement in force"
          + " there, pending requests hatched, the county named outlined; the same picture as"
          + " '/287g map' in chat, from the local database only. Writes a PNG (--out, or"
          + " 287g-map-<place>-<date>.png in the current directory) and prints its path and what it"
          + " shows. Exits 0 with a map, 1 when the place is ambiguous or unknown (the choices are"
          + " printed).",
      "",
      "Broadest: the model that lets local officers do the most. TFM (task force: questioning"
          + " and arrests in everyday policing) is broader than JEM (jail enforcement: people"
          + " booked into the jail), which is broader than WSO (warrant service officers: serving"
          + " ICE's warrants on people already held). A county's category is the broadest model"
          + " among the agreements in force whose counties include it (as 'status' lists them);"
          + " 'pending' when only a pending request does; else 'none'. Statewide agencies shade no"
          + " county: their state is outlined, and they are listed under 'statewide'."
    })
public final class MapCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "QUERY",
      arity = "0..*",
      description =
          "a county and its state ('harris tx'), a FIPS code, a city, or a state; none for the"
              + " whole country")
  List<String> words = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "FILE.png",
      description = "where to write the PNG; default: 287g-map-<place>-<date>.png here")
  @Nullable Path out;

  @Option(
      names = "--json",
      description =
          "print exactly one JSON object instead of writing a PNG (unless --out is given too):"
              + " {\"title\",\"asOf\":{\"participating\",\"pending\"},\"counties\":[{\"fips\","
              + "\"name\",\"category\"}],\"legend\":[{\"category\",\"label\",\"counties\"}],"
              + "\"statewide\":[{\"agency\",\"state\",\"model\",\"pending\"}]} where category is"
              + " none, pending, JEM, TFM or WSO; or, when there is no single place,"
              + " {\"error\":\"<text>\",\"choices\":[{\"code\",\"label\"}]}")
  boolean json;

  @Option(
      names = "--lang",
      paramLabel = "en|es",
      description = "the language of the picture and its texts (default: en)")
  String lang = "en";

  @Mixin ConfigOptions options = new ConfigOptions();

  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() throws JsonProcessingException, IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    Optional<Language> parsed = Language.parse(lang);
    if (parsed.isEmpty()) {
      spec.commandLine().getErr().println("--lang takes en or es, not " + lang);
      return 2;
    }
    Language language = parsed.get();
    try (Wiring wiring = new Wiring(options.load(), Clock.systemUTC())) {
      wiring.seedBundledSnapshots();
      Reply reply = wiring.commands().map(String.join(" ", words));
      if (!(reply instanceof Reply.MapReply m)) {
        if (json) {
          stdout.println(new ObjectMapper().writeValueAsString(StatusJson.of(reply)));
        } else {
          stdout.println(reply.plainText(language));
        }
        stdout.flush();
        return 1;
      }
      if (json) {
        stdout.println(new ObjectMapper().writeValueAsString(MapJson.of(m, language)));
      }
      if (!json || out != null) {
        MapImage image = m.image(language).orElseThrow();
        Path file = out != null ? out : Path.of(image.fileName());
        Files.write(file, image.png());
        stdout.println(Texts.of(language).text("map.written", file.toAbsolutePath()));
        stdout.println(reply.plainText(language));
      }
      stdout.flush();
      return 0;
    }
  }
}
