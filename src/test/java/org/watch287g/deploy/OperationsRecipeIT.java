package org.watch287g.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.dataset.ListKind;
import org.watch287g.store.Database;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.testing.FakeIce;
import org.watch287g.watch.BundledSnapshots;

/**
 * deploy/OPERATIONS.md followed in a temporary folder laid out as a checkout (deploy/config.yml,
 * target/watch287g.jar): its commands are read from its code blocks, so the doc cannot drift from
 * what works. The one edit is the one the doc invites: the copied config points at a fake ICE and
 * turns the admin port off, so the test neither reaches the internet nor competes for port 9287.
 */
class OperationsRecipeIT {
  private static final Path JAR = Path.of("target", "watch287g.jar").toAbsolutePath();

  @TempDir Path dir;

  private static String java() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
  }

  /** A documented command with java being this JVM and /backups/ a folder of the checkout. */
  private String local(String command) {
    return command
        .replaceFirst("^java ", java() + " ")
        .replace(" /backups/", " " + dir.resolve("backups") + "/");
  }

  private String shell(String command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "sh", ".out");
    Process p =
        new ProcessBuilder("bash", "-c", local(command))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + command);
    String output = Files.readString(out);
    assertEquals(0, p.exitValue(), command + "\n" + output);
    return output;
  }

  /** Starts a documented {@code java -jar ... run} command; its output goes to the log. */
  private Process start(String command, Path log) throws IOException {
    List<String> words = new ArrayList<>(List.of(local(command).split(" ", -1)));
    ProcessBuilder builder =
        new ProcessBuilder(words)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("SLACK_") || k.startsWith("DISCORD_") || k.startsWith("WATCH"));
    return builder.start();
  }

  private static void awaitLog(Path log, String text, Process p) throws Exception {
    Instant deadline = Instant.now().plusSeconds(90);
    while (!Files.readString(log).contains(text)
        && p.isAlive()
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertTrue(
        Files.readString(log).contains(text),
        "the log says " + text + ":\n" + Files.readString(log));
  }

  private static ObjectNode section(ObjectNode tree, String name) {
    return tree.get(name) instanceof ObjectNode section ? section : tree.putObject(name);
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the bot did not stop on SIGTERM");
    }
  }

  @Test
  @DisplayName(
      "OPERATIONS.md's jar recipe word for word: copy the config, start, back up, restore the"
          + " backup, start again")
  void jarRecipeRunsAsWritten() throws Exception {
    Files.createDirectories(dir.resolve("deploy"));
    Files.copy(Recipes.REPO.resolve("deploy/config.yml"), dir.resolve("deploy/config.yml"));
    Files.createDirectories(dir.resolve("target"));
    Files.createSymbolicLink(dir.resolve("target/watch287g.jar"), JAR);
    Files.createDirectories(dir.resolve("backups"));
    Recipes.Block jar = Recipes.under("With the jar");
    List<Recipes.Block> backup =
        Recipes.blocks().stream()
            .filter(b -> b.heading().equals("5. Back up and restore"))
            .toList();
    assertEquals(2, backup.size(), "a block to back up, one to restore");

    try (FakeIce ice = new FakeIce()) {
      ice.publish("05162025am", BundledSnapshots.read("2025-05-16-participating.xlsx"), null);

      // Copy the config, as written; then the edit the doc invites.
      shell(jar.first("cp "));
      Path config = dir.resolve("config.yml");
      ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
      ObjectNode tree = (ObjectNode) yaml.readTree(config.toFile());
      section(tree, "source").put("pageUrl", ice.pageUrl().toString());
      section(tree, "admin").put("enabled", false);
      yaml.writeValue(config.toFile(), tree);

      // First start.
      Path log = dir.resolve("bot.log");
      Process first = start(jar.first("java -jar "), log);
      try {
        awaitLog(log, "participating stored", first);
      } finally {
        stop(first);
      }
      Path database = dir.resolve("watch287g.db");
      assertTrue(Files.isRegularFile(database), "the database is in the folder the jar ran in");

      // Back up, as written.
      String backedUp = shell(backup.get(0).first("java -jar "));
      assertTrue(backedUp.startsWith("backed up watch287g.db to "), backedUp);
      List<Path> copies;
      try (Stream<Path> files = Files.list(dir.resolve("backups"))) {
        copies = files.toList();
      }
      assertEquals(1, copies.size(), copies.toString());

      // Restore: keep the current file aside, copy the backup back, start again.
      Recipes.Block restore = backup.get(1);
      shell(restore.first("mkdir "));
      assertTrue(Files.isRegularFile(dir.resolve("before-restore/watch287g.db")), "kept aside");
      shell(
          restore
              .first("cp ")
              .replaceFirst("/backups/\\S+", "/backups/" + copies.get(0).getFileName()));
      Files.writeString(
          log,
          "\n===== after the restore =====\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.APPEND);
      long requestsBefore = ice.requests().size();
      Process second = start(restore.first("java -jar "), log);
      String afterRestore;
      try {
        awaitLog(log, "platforms console", second);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (ice.requests().size() == requestsBefore
            && second.isAlive()
            && Instant.now().isBefore(deadline)) {
          Thread.sleep(100);
        }
        assertTrue(second.isAlive(), Files.readString(log));
      } finally {
        stop(second);
      }
      afterRestore = Files.readString(log);
      assertTrue(afterRestore.contains("stopping"), afterRestore);
    }
    try (Database db = Database.open(dir.resolve("watch287g.db"), Duration.ofSeconds(1))) {
      assertEquals(
          571,
          new SnapshotRepository(db)
              .latestGood(ListKind.PARTICIPATING)
              .orElseThrow()
              .publication()
              .agreements()
              .size(),
          "the restored database holds the first run's publication");
    }
  }
}
