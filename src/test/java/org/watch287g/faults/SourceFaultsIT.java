package org.watch287g.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.testing.FakeIce;
import org.watch287g.testing.ZipBomb;
import org.watch287g.watch.BundledSnapshots;

/**
 * Fault 2 of issue 8, end to end through the jar and Slack: ICE publishing garbage for several
 * polls each, then the next real publication.
 */
class SourceFaultsIT {
  private static final String FILES = "/doclib/about/offices/ero/287g/";

  @TempDir Path dir;

  @Test
  @DisplayName(
      "seven kinds of broken publication (a zip bomb among them), each for several polls: no alert, status still answered"
          + " from the last good lists, a few admin notices rather than one per poll, and the next"
          + " real publication alerts as usual")
  void brokenPublications() throws Exception {
    Path db = dir.resolve("bot.db");
    Rig.baseline(dir, db);
    Rig.seedLouisiana(db, "CLA");
    try (FakeIce ice = new FakeIce();
        SlackApi slack = new SlackApi()) {
      Rig.publishBaseline(ice);
      int port = Rig.freePort();
      SlackCommands commands = new SlackCommands(port, slack);
      try (Bot bot =
          new Bot(dir, Rig.config(db, ice, slack, port, "PT1S"), Rig.slackEnv()).start()) {
        assertTrue(Rig.await(Duration.ofMinutes(1), commands::listening), bot.tail());
        Map<String, Runnable> faults = faults(ice);
        Map<String, String> outcome = new LinkedHashMap<>();
        for (Map.Entry<String, Runnable> fault : faults.entrySet()) {
          fault.getValue().run();
          long seen = pagePolls(ice);
          assertTrue(
              Rig.await(Duration.ofMinutes(1), () -> pagePolls(ice) >= seen + 4),
              "the bot keeps polling during " + fault.getKey() + "\n" + bot.tail());
          assertTrue(bot.alive(), "still running after " + fault.getKey() + "\n" + bot.tail());
          SlackCommands.Reply status = commands.send("status harris tx", "CSTATUS");
          assertEquals(200, status.status(), status.body());
          assertTrue(
              status.body().toLowerCase(Locale.ROOT).contains("harris"),
              "status answered from the last good lists during " + fault.getKey());
          outcome.put(fault.getKey(), slack.posts(p -> p.channel().equals(Rig.ADMIN)).size() + "");
        }
        assertEquals(List.of(), slack.posts(p -> p.channel().equals("CLA")), "no false alert");
        List<SlackApi.Post> notices = slack.posts(p -> p.channel().equals(Rig.ADMIN));
        assertTrue(
            notices.size() >= 1 && notices.size() <= 8,
            notices.size()
                + " notices over seven faults (admin notices after each: "
                + outcome
                + ")");

        Rig.publishNext(ice);
        assertTrue(
            Rig.await(
                Duration.ofMinutes(1),
                () ->
                    slack.posts(p -> p.channel().equals("CLA")).stream()
                        .anyMatch(p -> p.text().toLowerCase(Locale.ROOT).contains("beauregard"))),
            "the next real publication alerts Louisiana\n" + bot.tail());
        assertTrue(
            Rig.await(
                Duration.ofSeconds(30),
                () ->
                    slack.posts(p -> p.channel().equals(Rig.ADMIN)).stream()
                        .anyMatch(p -> p.text().toLowerCase(Locale.ROOT).contains("recover"))),
            "the operator is told ICE's page recovered: "
                + slack.posts(p -> p.channel().equals(Rig.ADMIN)));
        System.out.printf(
            "source faults: admin notices after each fault (cumulative) %s, %d in all; 0 false"
                + " alerts; status answered throughout; recovery alerted and noticed%n",
            outcome, slack.posts(p -> p.channel().equals(Rig.ADMIN)).size());
      }
    }
  }

  private static long pagePolls(FakeIce ice) {
    return ice.requests().stream().filter(r -> r.equals("GET " + FakeIce.PAGE)).count();
  }

  private static Map<String, Runnable> faults(FakeIce ice) throws IOException {
    byte[] part = BundledSnapshots.read("2025-05-16-participating.xlsx");
    byte[] pend = BundledSnapshots.read("2025-05-15-pending.xlsx");
    MockResponse denied =
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/html")
            .body("<html><body><h1>Access Denied</h1></body></html>")
            .build();
    Map<String, Runnable> faults = new LinkedHashMap<>();
    faults.put(
        "page500",
        () -> ice.pageResponse(new MockResponse.Builder().code(500).body("oops").build()));
    faults.put(
        "htmlworkbook",
        () -> {
          ice.publish("01012030am", part, pend);
          ice.serve(FILES + "participatingAgencies01012030am.xlsx", denied);
          ice.serve(FILES + "pendingAgencies01012030am.xlsx", denied);
        });
    faults.put(
        "truncated", () -> ice.publish("01022030am", Arrays.copyOf(part, part.length / 2), pend));
    byte[] headerOnly = headerOnly(part);
    faults.put("headeronly", () -> ice.publish("01032030am", headerOnly, pend));
    faults.put(
        "swapped",
        () ->
            ice.publish(
                "01042030am",
                BundledSnapshots.read("2025-05-29-pending.xlsx"),
                BundledSnapshots.read("2025-05-29-participating.xlsx")));
    faults.put(
        "nolinks",
        () ->
            ice.pageResponse(
                new MockResponse.Builder()
                    .addHeader("Content-Type", "text/html")
                    .body("<html><body><h1>287(g)</h1><p>Lists coming soon.</p></body></html>")
                    .build()));
    // Issue 12: a workbook of under a megabyte holding one shared string of 600 MB, which the
    // parser used to inflate whole (OutOfMemoryError at -Xmx384m, and a crash at every restart).
    byte[] bomb =
        ZipBomb.of(
            part,
            new ZipBomb.Part(
                "xl/sharedStrings.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst"
                    + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<si><t>",
                "a",
                600_000_000L,
                "</t></si></sst>"));
    faults.put("zipbomb", () -> ice.publish("01052030am", bomb, pend));
    return faults;
  }

  /** The participating workbook with every data row and the hyperlinks removed. */
  static byte[] headerOnly(byte[] xlsx) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Path file = Files.createTempFile("faults", ".xlsx");
    try (ZipFile in = new ZipFile(Files.write(file, xlsx).toFile());
        ZipOutputStream zip = new ZipOutputStream(out)) {
      List<ZipEntry> entries = new ArrayList<>(Collections.list(in.entries()));
      for (ZipEntry e : entries) {
        byte[] data = in.getInputStream(e).readAllBytes();
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          data =
              new String(data, StandardCharsets.UTF_8)
                  .replaceAll("(?s)(<row [^>]*r=\"1\"[^>]*>.*?</row>).*?(</sheetData>)", "$1$2")
                  .replaceAll("<dimension ref=\"[^\"]*\"/>", "<dimension ref=\"A1:H1\"/>")
                  .replaceAll("(?s)<hyperlinks>.*?</hyperlinks>", "")
                  .getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(data);
        zip.closeEntry();
      }
    } finally {
      Files.delete(file);
    }
    return out.toByteArray();
  }
}
