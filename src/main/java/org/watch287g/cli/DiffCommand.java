package org.watch287g.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.changes.Differ;
import org.watch287g.changes.Lists;
import org.watch287g.changes.PublicationGuard;
import org.watch287g.changes.Verdict;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Publication;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.source.UnreadablePublicationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code diff OLD NEW}: what changed between two local ICE files, as the bot would see it. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two publications of one ICE list (OLD, then NEW) as the bot would: first judge NEW"
          + " as the publication guard does (quarantined when it has the other list's shape,"
          + " lacks ICE's columns, or is a participating list that is empty or removes more than"
          + " --max-removal of OLD's agreements), then name each change: NEW_AGREEMENT,"
          + " TERMINATED, NEW_PENDING, PENDING_SIGNED, MODEL_CHANGED, PENDING_WITHDRAWN, RENEWED,"
          + " DETAILS_CHANGED, RENAMED. With --pending, OLD and NEW are the participating lists"
          + " and the two pending lists join them, so that a request signed is PENDING_SIGNED.",
      "Exits 0 when NEW is good, 1 when it is quarantined or a file cannot be read, 2 on a usage"
          + " error."
    })
public final class DiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "OLD", description = "the earlier publication")
  Path oldFile = Path.of("");

  @Parameters(index = "1", paramLabel = "NEW", description = "the later publication")
  Path newFile = Path.of("");

  @Option(
      names = "--pending",
      arity = "2",
      paramLabel = "FILE",
      description = "OLD_PENDING NEW_PENDING: the pending lists published with OLD and NEW")
  List<Path> pending = new ArrayList<>();

  @Option(
      names = "--json",
      description =
          "print exactly one JSON object: {\"verdict\":\"ok\"|\"quarantined\",\"reasons\":[...],"
              + "\"events\":[{\"type\",\"list\",\"state\",\"agency\",\"previousAgency\","
              + "\"model\",\"counties\",\"signed\",\"moa\",\"details\",\"alerts\"}]}")
  boolean json;

  @Option(
      names = "--max-removal",
      paramLabel = "SHARE",
      description = "the share of OLD's agreements NEW may remove (default: ${DEFAULT-VALUE})",
      defaultValue = "0.20")
  double maxRemoval = PublicationGuard.DEFAULT_MAX_REMOVAL;

  @Spec CommandSpec spec = CommandSpec.create();

  @Override
  public Integer call() throws JsonProcessingException {
    if (!(maxRemoval >= 0 && maxRemoval <= 1)) {
      throw usage("--max-removal must be a share between 0 and 1, e.g. 0.2; got " + maxRemoval);
    }
    if (pending.size() > 2) {
      throw usage("give --pending once, with two files: OLD_PENDING NEW_PENDING");
    }
    List<Publication> read = new ArrayList<>();
    for (Path file : files()) {
      Publication publication = read(file);
      if (publication == null) {
        return 1;
      }
      read.add(publication);
    }
    Publication oldList = read.get(0);
    Publication newList = read.get(1);
    Publication oldPending = pending.isEmpty() ? null : read.get(2);
    Publication newPending = pending.isEmpty() ? null : read.get(3);
    requireShapes(oldList, oldPending);
    Verdict verdict = judge(oldList, newList, oldPending, newPending);
    List<ChangeEvent> events =
        verdict.ok()
            ? new Differ().diff(lists(oldList, oldPending), lists(newList, newPending))
            : List.of();
    boolean pendingAlone = oldList.kind() == ListKind.PENDING;
    print(new DiffReport(verdict, events, AgencyResolver.bundled(), pendingAlone));
    return verdict.ok() ? 0 : 1;
  }

  private List<Path> files() {
    List<Path> files = new ArrayList<>(List.of(oldFile, newFile));
    files.addAll(pending);
    return files;
  }

  private @Nullable Publication read(Path file) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      return new SpreadsheetParser().parse(Files.readAllBytes(file), file.toString());
    } catch (NoSuchFileException e) {
      err.println(file + ": cannot read the file: no such file");
    } catch (IOException e) {
      err.println(file + ": cannot read the file: " + e.getMessage());
    } catch (UnreadablePublicationException e) {
      err.println(e.getMessage());
    }
    err.flush();
    return null;
  }

  // The OLD files are taken as the last good ones: only their roles are checked, not their health.
  private void requireShapes(Publication oldList, @Nullable Publication oldPending) {
    if (oldPending == null) {
      return;
    }
    if (oldList.kind() != ListKind.PARTICIPATING) {
      throw usage(
          "with --pending, OLD and NEW are the participating lists, but "
              + oldFile
              + " is a pending list");
    }
    if (oldPending.kind() != ListKind.PENDING) {
      throw usage(pending.get(0) + " is a participating list, not the pending list OLD_PENDING");
    }
  }

  /** The guard's verdict on each new file, against its old one; reasons name the file. */
  private Verdict judge(
      Publication oldList,
      Publication newList,
      @Nullable Publication oldPending,
      @Nullable Publication newPending) {
    PublicationGuard guard = new PublicationGuard(maxRemoval);
    List<String> reasons = new ArrayList<>();
    guard
        .check(newList, oldList.kind(), oldList)
        .reasons()
        .forEach(r -> reasons.add(newFile + ": " + r));
    if (oldPending != null && newPending != null) {
      Path name = pending.get(1);
      guard
          .check(newPending, ListKind.PENDING, oldPending)
          .reasons()
          .forEach(r -> reasons.add(name + ": " + r));
    }
    return reasons.isEmpty() ? Verdict.good() : Verdict.quarantined(reasons);
  }

  private static Lists lists(Publication list, @Nullable Publication pendingList) {
    return pendingList == null ? Lists.only(list) : Lists.of(list, pendingList);
  }

  private void print(DiffReport report) throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(report.json()));
    } else {
      report.lines().forEach(out::println);
    }
    out.flush();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
