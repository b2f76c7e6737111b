package org.watch287g.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.watch287g.Wiring;
import org.watch287g.alerts.Language;
import org.watch287g.commands.Attachment;
import org.watch287g.commands.Reply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code status QUERY...}: what {@code /287g status} answers, from the local database. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show the 287(g) agreements in force and the pending requests in a county or state, with"
          + " models, signing dates and MOA links, and the latest changes recorded there: the"
          + " same answer as '/287g status' in chat, from the local database only (the snapshots"
          + " in the jar when nothing was fetched yet). Exits 0 with an answer, 1 when the place"
          + " is ambiguous or unknown (the choices are printed)."
    })
public final class StatusCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "QUERY",
      arity = "1..*",
      description =
          "a county and its state ('harris tx'), a FIPS code, a city, or a state; then"
              + " 'statewide' for the state's own agencies, or 'csv' to print the whole list as CSV")
  List<String> words = new ArrayList<>();

  @Option(
      names = "--json",
      description =
          "print exactly one JSON object: {\"place\":{...},\"agreements\":[{\"agency\",\"model\","
              + "\"signed\",\"moa\",...}],\"pending\":[...],\"recent\":[events]}; or, when there is"
              + " no single place, {\"error\":\"<text>\",\"choices\":[{\"code\",\"label\"}]}")
  boolean json;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    try (Wiring wiring = new Wiring(options.load(), Clock.systemUTC())) {
      wiring.seedBundledSnapshots();
      Reply reply = wiring.commands().status(String.join(" ", words));
      Optional<Attachment> file = reply.attachment();
      if (json) {
        out.println(new ObjectMapper().writeValueAsString(StatusJson.of(reply)));
      } else if (file.isPresent()) {
        // "status TX csv": the file itself, so that it can be redirected into one.
        out.print(file.get().content());
      } else {
        out.println(reply.plainText(Language.EN));
      }
      out.flush();
      return reply instanceof Reply.StatusReply ? 0 : 1;
    }
  }
}
