package org.watch287g.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Target;
import org.watch287g.commands.CommandService;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.CountyQuery;
import org.watch287g.geo.Gazetteer;
import org.watch287g.store.Database;
import org.watch287g.store.EventStore;
import org.watch287g.store.PublishedRecords;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.testing.SeededDatabase;

/** The console prompt end to end: lines in, replies out, the database changed. */
class ConsolePromptTest {
  @TempDir Path dir;

  @Test
  @DisplayName(
      "lines typed at the console are answered as the console channel, which may subscribe")
  void answersLines() throws Exception {
    Database db = SeededDatabase.create(dir.resolve("bot.db"));
    SubscriptionRepository subscriptions = new SubscriptionRepository(db);
    CommandService service =
        new CommandService(
            new CountyQuery(Gazetteer.bundled()),
            Gazetteer.bundled(),
            AgencyResolver.bundled(),
            new PublishedRecords(new SnapshotRepository(db), new EventStore(db)),
            subscriptions,
            Clock.systemUTC());
    String typed =
        "/287g subscribe harris tx\n\n   \nlist\n/287g status harris tx\nlanguage es\nhelp\nnonsense\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    new ConsolePrompt(
            service,
            new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            StandardCharsets.UTF_8)
        .run();
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(out.contains("This channel now follows Harris County, TX"), out);
    assertTrue(out.contains("This channel follows 1 place:\n  - Harris County, TX"), out);
    assertTrue(out.contains("287(g) in Harris County, TX"), out);
    assertTrue(out.contains("Este canal ahora recibe sus respuestas y avisos en español."), out);
    assertTrue(out.contains("Comandos de /287g:"), out);
    assertTrue(out.contains("\"nonsense\" no es un comando de /287g."), out);
    assertTrue(
        subscriptions
            .find(ChannelRef.console())
            .orElseThrow()
            .targets()
            .contains(Target.county("48201")));
    assertEquals(Language.ES, subscriptions.options(ChannelRef.console()).language());
  }

  @Test
  @DisplayName("map at the console writes the map as a PNG file and prints its path")
  void mapWritesAPngAndPrintsItsPath() throws Exception {
    Database db = SeededDatabase.create(dir.resolve("bot.db"));
    CommandService service =
        new CommandService(
            new CountyQuery(Gazetteer.bundled()),
            Gazetteer.bundled(),
            AgencyResolver.bundled(),
            new PublishedRecords(new SnapshotRepository(db), new EventStore(db)),
            new SubscriptionRepository(db),
            Clock.systemUTC());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Path maps = dir.resolve("maps");

    new ConsolePrompt(
            service,
            new ByteArrayInputStream("/287g map harris tx\n".getBytes(StandardCharsets.UTF_8)),
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            StandardCharsets.UTF_8,
            maps)
        .run();
    String out = bytes.toString(StandardCharsets.UTF_8);

    Path png = maps.resolve("287g-map-48201-2026-05-18.png");
    assertTrue(out.contains("Map written to " + png.toAbsolutePath()), out);
    assertTrue(out.contains("287(g) agreements in Texas"), out);
    byte[] head = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(png), 8);
    assertEquals("\u0089PNG", new String(head, 0, 4, StandardCharsets.ISO_8859_1));
  }

  @Test
  @DisplayName("no prompt starts when stdin is not a terminal, as under the test runner")
  void noTerminalNoPrompt() {
    // Surefire's forked JVM reads stdin from a pipe, as the acceptance kit's `run` does.
    assertFalse(ConsolePrompt.stdinIsTerminal());
  }
}
