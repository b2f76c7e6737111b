package org.watch287g.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.cli.CommandLineTest.Result;
import org.watch287g.watch.BundledSnapshots;

/** {@code diff} as a user runs it on ICE's files. */
class DiffCommandTest {
  @TempDir Path dir;

  String copy(String bundled) throws Exception {
    Path file = dir.resolve(bundled);
    Files.write(file, BundledSnapshots.read(bundled));
    return file.toString();
  }

  Result acceptancePair(String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "diff",
                copy("2025-05-16-participating.xlsx"),
                copy("2025-05-19-participating.xlsx"),
                "--pending",
                copy("2025-05-15-pending.xlsx"),
                copy("2025-05-19-pending.xlsx")));
    args.addAll(List.of(more));
    return CommandLineTest.run(args.toArray(String[]::new));
  }

  static JsonNode event(JsonNode report, String type) {
    for (JsonNode e : report.get("events")) {
      if (e.get("type").asText().equals(type)) {
        return e;
      }
    }
    throw new AssertionError("no " + type + " in " + report);
  }

  @Test
  @DisplayName("--json on the acceptance pair: one object, the new NH sheriff in 33011, the rename")
  void acceptancePairJson() throws Exception {
    Result r = acceptancePair("--json");

    assertEquals(0, r.status(), r.err());
    assertEquals(1, r.out().strip().lines().count(), "one line of JSON");
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertEquals("ok", report.get("verdict").asText());
    assertEquals(0, report.get("reasons").size());
    assertEquals(21, report.get("events").size());
    assertEquals(
        new ObjectMapper()
            .readTree(
                "{\"type\":\"NEW_AGREEMENT\",\"list\":\"participating\",\"state\":\"NH\","
                    + "\"agency\":\"Hillsborough County Sheriff's Office\",\"model\":\"TFM\","
                    + "\"counties\":[\"33011\"],\"signed\":\"2025-05-16\",\"moa\":null,"
                    + "\"details\":[],\"alerts\":true}"),
        event(report, "NEW_AGREEMENT"));
    JsonNode renamed = event(report, "RENAMED");
    assertEquals("Indiatlantic Police Department", renamed.get("agency").asText());
    assertEquals("Indialantic Police Department", renamed.get("previousAgency").asText());
    assertEquals("FL", renamed.get("state").asText());
    assertEquals("TFM", renamed.get("model").asText());
    assertEquals("[\"12009\"]", renamed.get("counties").toString());
    assertEquals(false, renamed.get("alerts").asBoolean());
    JsonNode withdrawn = event(report, "PENDING_WITHDRAWN");
    assertEquals("pending", withdrawn.get("list").asText());
    assertEquals("WSO", withdrawn.get("model").asText());
  }

  @Test
  @DisplayName(
      "a model switch is one MODEL_CHANGED in --json, with the same fields as every event, and"
          + " says the old model for people (McMullen County, TX, WSO to TFM)")
  void modelSwitch() throws Exception {
    String before = copy("2026-01-23-participating.xlsx");
    String after = copy("2026-05-18-participating.xlsx");

    Result json = CommandLineTest.run("diff", before, after, "--json");
    Result people = CommandLineTest.run("diff", before, after);

    assertEquals(0, json.status(), json.err());
    JsonNode report = new ObjectMapper().readTree(json.out());
    JsonNode changed = event(report, "MODEL_CHANGED");
    assertEquals("McMullen County Sheriff's Office", changed.get("agency").asText());
    assertEquals("TFM", changed.get("model").asText());
    assertEquals(true, changed.get("alerts").asBoolean());
    List<String> fields = new ArrayList<>();
    changed.fieldNames().forEachRemaining(fields::add);
    assertEquals(
        List.of(
            "type",
            "list",
            "state",
            "agency",
            "model",
            "counties",
            "signed",
            "moa",
            "details",
            "alerts"),
        fields);
    for (JsonNode e : report.get("events")) {
      assertTrue(
          !e.get("agency").asText().startsWith("McMullen")
              || e.get("type").asText().equals("MODEL_CHANGED"),
          e.toString());
    }
    assertTrue(
        people
            .out()
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("MODEL_CHANGED      TX  McMullen County Sheriff's Office (TFM,")
                        && l.contains(", from WSO")),
        people.out());
  }

  @Test
  @DisplayName("without --json: one line per event, the earlier name, and a summary")
  void acceptancePairForPeople() throws Exception {
    Result r = acceptancePair();

    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(22, lines.size(), r.out());
    assertTrue(
        lines.contains(
            "RENAMED            FL  Indiatlantic Police Department (TFM, signed 2025-05-13), was"
                + " Indialantic Police Department  -> 12009  [no alert]"),
        r.out());
    assertTrue(
        lines.get(0).startsWith("NEW_AGREEMENT      NH  Hillsborough County Sheriff's Office"),
        r.out());
    assertEquals(
        "ok: 21 changes, 20 would alert (NEW_AGREEMENT 1, PENDING_SIGNED 9, PENDING_WITHDRAWN 1,"
            + " DETAILS_CHANGED 9, RENAMED 1)",
        lines.get(21));
  }

  @Test
  @DisplayName(
      "the pending list where the participating one belongs is quarantined: exit 1, reasons")
  void swapIsQuarantined() throws Exception {
    String pending = copy("2025-05-29-pending.xlsx");
    Result json =
        CommandLineTest.run("diff", copy("2025-05-19-participating.xlsx"), pending, "--json");
    Result text = CommandLineTest.run("diff", copy("2025-05-19-participating.xlsx"), pending);

    assertEquals(1, json.status());
    JsonNode report = new ObjectMapper().readTree(json.out());
    assertEquals("quarantined", report.get("verdict").asText());
    assertEquals(0, report.get("events").size());
    assertEquals(
        pending
            + ": has the pending list's shape (no SIGNED column) where the participating list was"
            + " expected: ICE may have swapped the two files",
        report.get("reasons").get(0).asText());
    assertEquals(1, text.status());
    assertTrue(text.out().startsWith("quarantined: " + pending + ": has the pending list's shape"));
  }

  @Test
  @DisplayName("a list that drops most agreements is quarantined unless --max-removal allows it")
  void maxRemoval() throws Exception {
    String latest = copy("2026-05-18-participating.xlsx");
    String old = copy("2025-03-06-participating.xlsx");

    Result strict = CommandLineTest.run("diff", latest, old);
    Result loose = CommandLineTest.run("diff", latest, old, "--max-removal", "0.9");

    assertEquals(1, strict.status());
    assertTrue(
        strict.out().contains("would remove 1,567 of 1,843 agreements (85.0%)"), strict.out());
    assertEquals(0, loose.status(), loose.err());
    assertTrue(loose.out().contains("TERMINATED"), loose.out());
  }

  @Test
  @DisplayName("a file that cannot be read: one line on stderr, nothing on stdout, exit 1")
  void unreadable() throws Exception {
    Path html = dir.resolve("denied.xlsx");
    Files.writeString(html, "<html><head><title>Access Denied</title></head></html>");

    Result r = CommandLineTest.run("diff", copy("2026-01-23-participating.xlsx"), html.toString());
    Result missing =
        CommandLineTest.run("diff", dir.resolve("nope.xlsx").toString(), html.toString());

    assertEquals(1, r.status());
    assertEquals("", r.out());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("HTML"), r.err());
    assertEquals(1, missing.status());
    assertTrue(
        missing.err().contains("nope.xlsx: cannot read the file: no such file"), missing.err());
  }

  @Test
  @DisplayName("usage errors exit 2: a missing file, a share above 1, a pending list as OLD")
  void usageErrors() throws Exception {
    String pendingOld = copy("2025-05-15-pending.xlsx");
    String pendingNew = copy("2025-05-19-pending.xlsx");

    assertEquals(2, CommandLineTest.run("diff", pendingOld).status());
    assertEquals(
        2, CommandLineTest.run("diff", pendingOld, pendingNew, "--max-removal", "3").status());
    Result roles =
        CommandLineTest.run("diff", pendingOld, pendingNew, "--pending", pendingOld, pendingNew);
    assertEquals(2, roles.status());
    assertTrue(roles.err().contains("OLD and NEW are the participating lists"), roles.err());
  }

  @Test
  @DisplayName("two pending lists alone diff too, with a note that signings look like withdrawals")
  void pendingListsAlone() throws Exception {
    Result r =
        CommandLineTest.run(
            "diff", copy("2025-05-15-pending.xlsx"), copy("2025-05-19-pending.xlsx"));

    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("ok: 10 changes, 10 would alert (PENDING_WITHDRAWN 10)"), r.out());
    assertTrue(r.out().strip().endsWith("to tell them apart"), r.out());
  }

  @Test
  @DisplayName("diff --help explains the command")
  void help() {
    Result r = CommandLineTest.run("diff", "--help");

    assertEquals(0, r.status());
    assertTrue(r.out().startsWith("Usage: watch287g diff"), r.out());
    assertTrue(r.out().contains("--pending"), r.out());
  }
}
