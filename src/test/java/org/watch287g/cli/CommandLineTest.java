package org.watch287g.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.watch287g.App;
import org.watch287g.dataset.ListKind;
import org.watch287g.store.Database;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.testing.FakeIce;
import org.watch287g.watch.BundledSnapshots;
import picocli.CommandLine;

/** The commands as a user runs them: arguments in, text and an exit status out. */
class CommandLineTest {
  @TempDir Path dir;

  record Result(int status, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = App.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int status = cli.execute(args);
    return new Result(status, out.toString(), err.toString());
  }

  Path copy(String bundled) throws Exception {
    Path file = dir.resolve(bundled);
    Files.write(file, BundledSnapshots.read(bundled));
    return file;
  }

  @Test
  @DisplayName("--help lists every command")
  void helpListsCommands() {
    Result r = run("--help");

    assertEquals(0, r.status());
    for (String command :
        List.of("run", "check", "inspect", "import", "resolve", "county", "status")) {
      assertTrue(r.out().contains("  " + command + " "), command + " in\n" + r.out());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "check", "inspect", "import", "resolve", "county", "status"})
  @DisplayName("every command has --help that explains it")
  void everyCommandHasHelp(String command) {
    Result r = run(command, "--help");

    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("Usage: watch287g " + command), r.out());
    assertTrue(r.out().length() > 200, "says more than its name:\n" + r.out());
  }

  @Test
  @DisplayName("inspect --json prints exactly one JSON object with ICE's own totals for 2025-05-29")
  void inspectJsonMatchesIcesTotals() throws Exception {
    Result part = run("inspect", copy("2025-05-29-participating.xlsx").toString(), "--json");
    Result pend = run("inspect", "--json", copy("2025-05-29-pending.xlsx").toString());

    assertEquals(0, part.status(), part.err());
    JsonNode p = new ObjectMapper().readTree(part.out());
    assertEquals("participating", p.get("kind").asText());
    assertEquals(635, p.get("rows").asInt());
    assertEquals(100, p.get("models").get("JEM").asInt());
    assertEquals(228, p.get("models").get("WSO").asInt());
    assertEquals(307, p.get("models").get("TFM").asInt());
    assertEquals(40, p.get("states").asInt());
    assertEquals(1, part.out().strip().lines().count(), "one line of JSON");
    JsonNode q = new ObjectMapper().readTree(pend.out());
    assertEquals("pending", q.get("kind").asText());
    assertEquals(68, q.get("rows").asInt());
    assertEquals(7, q.get("models").get("JEM").asInt());
    assertEquals(18, q.get("models").get("WSO").asInt());
    assertEquals(43, q.get("models").get("TFM").asInt());
  }

  @Test
  @DisplayName("inspect without --json describes the file for people")
  void inspectForPeople() throws Exception {
    Result r = run("inspect", copy("2026-01-23-pending.xlsx").toString());

    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("pending list"), r.out());
    assertTrue(r.out().contains("57 pending requests"), r.out());
  }

  @Test
  @DisplayName("inspect on an HTML page or a missing file says what is wrong in one line")
  void inspectBadInput() throws Exception {
    Path html = dir.resolve("denied.xlsx");
    Files.writeString(html, "<html><head><title>Access Denied</title></head></html>");

    Result denied = run("inspect", html.toString(), "--json");
    Result missing = run("inspect", dir.resolve("nope.xlsx").toString());

    assertEquals(1, denied.status());
    assertTrue(denied.out().isEmpty(), "nothing on stdout for a tool to misread");
    assertTrue(denied.err().contains("HTML"), denied.err());
    assertEquals(1, denied.err().strip().lines().count(), denied.err());
    assertEquals(1, missing.status());
    assertTrue(missing.err().contains("cannot read the file"), missing.err());
  }

  @Test
  @DisplayName("import stores files in order with a progress line each and skips a bad one")
  void importStoresInOrder() throws Exception {
    Path bad = dir.resolve("broken.xlsx");
    Files.write(bad, "not a workbook at all".getBytes(StandardCharsets.UTF_8));
    Path db = dir.resolve("data/bot.db");

    Result r =
        run(
            "import",
            copy("2025-05-16-participating.xlsx").toString(),
            bad.toString(),
            copy("2025-05-19-participating.xlsx").toString(),
            "--db",
            db.toString());

    assertEquals(1, r.status(), "one file failed");
    List<String> lines = r.out().lines().filter(l -> !l.startsWith("    ")).toList();
    assertTrue(
        lines.get(0).startsWith("[1/3] 2025-05-16-participating.xlsx: snapshot #1"), r.out());
    assertTrue(lines.get(1).startsWith("[2/3] broken.xlsx: not imported:"), r.out());
    assertTrue(
        lines.get(2).startsWith("[3/3] 2025-05-19-participating.xlsx: snapshot #2"), r.out());
    assertTrue(lines.get(3).startsWith("2 of 3 imported"), r.out());
    SnapshotRepository stored = new SnapshotRepository(Database.open(db, Duration.ofSeconds(1)));
    assertEquals(
        581,
        stored.latestGood(ListKind.PARTICIPATING).orElseThrow().publication().agreements().size());
  }

  @Test
  @DisplayName(
      "import prints under each file what changed since the previous one, the lines diff prints")
  void importTellsWhatChanged() throws Exception {
    Path older = copy("2025-05-16-participating.xlsx");
    Path newer = copy("2025-05-19-participating.xlsx");

    Result r =
        run("import", older.toString(), newer.toString(), "--db", dir.resolve("bot.db").toString());
    Result diff = run("diff", older.toString(), newer.toString());

    assertEquals(0, r.status(), r.out() + r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("[1/2] "), r.out());
    assertTrue(lines.get(1).startsWith("[2/2] "), "nothing to compare the first file with");
    List<String> events =
        lines.stream().filter(l -> l.startsWith("    ")).map(l -> l.substring(4)).toList();
    assertTrue(events.size() > 1, r.out());
    assertEquals(diff.out().lines().toList(), events);
    assertTrue(lines.get(lines.size() - 1).startsWith("2 of 2 imported"), r.out());
  }

  @Test
  @DisplayName("resolve --csv prints exactly the header and one row per agency, statewide as ST:XX")
  void resolveCsv() throws Exception {
    Result r = run("resolve", copy("2026-05-18-participating.xlsx").toString(), "--csv");

    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals("state,agency,predicted_fips", lines.get(0));
    assertTrue(lines.contains("AL,Autauga County Sheriff's Office,01001"), r.out());
    assertTrue(lines.contains("MO,Missouri Highway Patrol,ST:MO"), r.out());
    assertTrue(
        lines.contains(
            "FL,\"Office of the State Attorney, 20th Judicial Circuit\",12015;12021;12043;12051;12071"),
        "a name with a comma is quoted");
    assertEquals(1 + 1557, lines.size(), "one line per distinct state + agency");
  }

  @Test
  @DisplayName(
      "resolve --json gives every agency its counties, basis and confidence, and tallies both")
  void resolveJson() throws Exception {
    Result r = run("resolve", copy("2026-05-18-participating.xlsx").toString(), "--json");

    assertEquals(0, r.status(), r.err());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    JsonNode agencies = doc.get("agencies");
    assertEquals(1557, agencies.size());
    JsonNode first = agencies.get(0);
    assertEquals(
        List.of(
            "state",
            "agency",
            "predicted_fips",
            "counties",
            "statewide",
            "level",
            "basis",
            "confidence",
            "note"),
        iterate(first.fieldNames()));
    int counted = 0;
    for (JsonNode n : doc.get("by_confidence")) {
      counted += n.asInt();
    }
    assertEquals(1557, counted);
    JsonNode shohola = null;
    for (JsonNode a : agencies) {
      assertTrue(
          List.of("exact", "corrected", "ambiguous", "state-wide fallback")
              .contains(a.get("confidence").asText()),
          a.toString());
      if (a.get("agency").asText().equals("Shohola Township Constable's Office")) {
        shohola = a;
      }
    }
    assertTrue(shohola != null, "Shohola is on the 2026-05-18 list");
    assertEquals("42103", shohola.get("predicted_fips").asText());
    assertEquals("subdivision", shohola.get("basis").asText());
    assertEquals("exact", shohola.get("confidence").asText());

    Result both =
        run("resolve", copy("2026-05-18-participating.xlsx").toString(), "--csv", "--json");
    assertEquals(2, both.status());
    assertTrue(both.err().contains("--csv or --json"), both.err());
  }

  private static List<String> iterate(java.util.Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  @Test
  @DisplayName("resolve --unresolved lists only the agencies nothing places, with the reason")
  void resolveUnresolved() throws Exception {
    Result r = run("resolve", copy("2026-05-18-participating.xlsx").toString(), "--unresolved");

    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.size() > 1 && lines.size() < 20, r.out());
    for (String line : lines.subList(0, lines.size() - 1)) {
      assertTrue(line.contains("UNRESOLVED") && line.contains("whole state"), line);
    }
    assertTrue(lines.get(lines.size() - 1).startsWith("1557 agencies:"), r.out());
  }

  @Test
  @DisplayName(
      "demo replays ICE's history with a progress line per publication, the first a baseline")
  void demoReplaysHistory() {
    Result r = run("demo");

    assertEquals(0, r.status(), r.err());
    List<String> progress = r.out().lines().filter(l -> l.startsWith("[")).toList();
    assertEquals(10, progress.size(), r.out());
    assertTrue(progress.get(0).endsWith("the baseline, no alerts"), progress.get(0));
    assertTrue(progress.get(9).startsWith("[####################] 2026-05-18"), progress.get(9));
  }

  @Test
  @DisplayName("demo deletes its temporary database when it ends, leaving its folder empty")
  void demoCleansUp() throws Exception {
    StringWriter out = new StringWriter();
    DemoCommand demo = new DemoCommand();
    demo.tempRoot = dir;
    CommandLine cli = new CommandLine(demo);
    cli.setOut(new PrintWriter(out, true));

    int status = cli.execute();

    assertEquals(0, status, out.toString());
    assertTrue(out.toString().contains("deleted on exit"), out.toString());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  @DisplayName("check fetches once from the configured page and prints what it stored")
  void checkFetchesOnce() throws Exception {
    try (FakeIce ice = new FakeIce()) {
      ice.publish(
          "05192025am",
          BundledSnapshots.read("2025-05-19-participating.xlsx"),
          BundledSnapshots.read("2025-05-19-pending.xlsx"));
      Path config = dir.resolve("config.yml");
      Files.writeString(
          config,
          "source:\n  pageUrl: "
              + ice.pageUrl()
              + "\n  retries: 0\nstorage:\n  path: "
              + dir.resolve("bot.db")
              + "\n");

      Result r = run("check", "--config", config.toString());

      assertEquals(0, r.status(), r.out() + r.err());
      assertTrue(r.out().contains("participating stored"), r.out());
      assertTrue(r.out().contains("581 agreements"), r.out());
      assertTrue(r.out().contains("82 pending requests"), r.out());
    }
  }

  @Test
  @DisplayName("an invalid config stops a command with exit status 2 and the key to fix")
  void invalidConfigExitsTwo() throws Exception {
    Path config = dir.resolve("config.yml");
    Files.writeString(config, "source:\n  pollInterval: every ten minutes\n");

    Result r = run("check", "--config", config.toString());

    assertEquals(2, r.status());
    assertTrue(r.err().startsWith("config error: source.pollInterval:"), r.err());
    assertFalse(r.err().contains("Exception"), "no stack trace:\n" + r.err());
  }
}
