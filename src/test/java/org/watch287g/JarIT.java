package org.watch287g;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.dataset.ListKind;
import org.watch287g.store.Database;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.testing.FakeIce;
import org.watch287g.watch.BundledSnapshots;

/**
 * The packaged jar itself, run as a user runs it. {@code mvn test} runs on the class path; only the
 * shaded jar shows whether its resources survived (migrations, gazetteer, bundled snapshots).
 */
class JarIT {
  static final Path JAR = Path.of("target", "watch287g.jar");

  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  static List<String> java(String... args) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return command;
  }

  Run run(String... args) throws IOException, InterruptedException {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(java(args))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  @DisplayName("the jar imports a publication into a new database: migrations work when shaded")
  void jarImportsIntoNewDatabase() throws Exception {
    Path file = dir.resolve("2026-05-18-participating.xlsx");
    Files.write(file, BundledSnapshots.read(file.getFileName().toString()));
    Path db = dir.resolve("bot.db");

    Run r = run("import", file.toString(), "--db", db.toString());

    assertEquals(0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("1,843 agreements"), r.out());
    SnapshotRepository snapshots = new SnapshotRepository(Database.open(db, Duration.ofSeconds(1)));
    assertEquals(
        1843,
        snapshots
            .latestGood(ListKind.PARTICIPATING)
            .orElseThrow()
            .publication()
            .agreements()
            .size());
  }

  @Test
  @DisplayName("the jar's inspect --json writes only JSON on stdout")
  void jarInspectJson() throws Exception {
    Path file = dir.resolve("2025-05-29-participating.xlsx");
    Files.write(file, BundledSnapshots.read(file.getFileName().toString()));

    Run r = run("inspect", file.toString(), "--json");

    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("{\"file\""), r.out());
    assertTrue(r.out().contains("\"kind\":\"participating\",\"rows\":635"), r.out());
    assertTrue(
        r.out().contains("\"models\":{\"JEM\":100,\"TFM\":307,\"WSO\":228},\"states\":40"),
        r.out());
  }

  @Test
  @DisplayName(
      "run polls until SIGTERM, storing the publication and serving the bundled lists first")
  void runPollsUntilStopped() throws Exception {
    try (FakeIce ice = new FakeIce()) {
      ice.publish("05162025am", BundledSnapshots.read("2025-05-16-participating.xlsx"), null);
      Path config = dir.resolve("config.yml");
      Path db = dir.resolve("bot.db");
      Files.writeString(
          config,
          "{\"storage\":{\"path\":\""
              + db
              + "\"},\"source\":{\"pageUrl\":\""
              + ice.pageUrl()
              + "\",\"pollInterval\":\"PT1S\"}}",
          StandardCharsets.UTF_8);
      Path err = dir.resolve("run.log");
      Process p =
          new ProcessBuilder(java("run", "--config", config.toString()))
              .redirectErrorStream(true)
              .redirectOutput(err.toFile())
              .start();
      try {
        Instant deadline = Instant.now().plusSeconds(30);
        while (ice.requests().stream().filter(r -> r.contains("287g")).count() < 3
            && Instant.now().isBefore(deadline)) {
          Thread.sleep(100);
        }
      } finally {
        p.destroy();
      }
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
      String log = Files.readString(err);
      assertTrue(log.contains("platforms console"), log);
      assertTrue(log.contains("participating stored"), log);
      assertTrue(log.contains("stopping"), log);
      SnapshotRepository snapshots =
          new SnapshotRepository(Database.open(db, Duration.ofSeconds(1)));
      assertEquals(
          571,
          snapshots
              .latestGood(ListKind.PARTICIPATING)
              .orElseThrow()
              .publication()
              .agreements()
              .size());
      assertEquals(
          57,
          snapshots.latestGood(ListKind.PENDING).orElseThrow().publication().agreements().size(),
          "the bundled pending list (2026-01-23) is served until ICE publishes one");
    }
  }

  @Test
  @DisplayName(
      "no token or signing secret reaches the log, even when every platform refuses them and at"
          + " debug level")
  void secretsNeverLogged() throws Exception {
    String slackToken = "xoxb-SECRET-slack-bot-token-0001";
    String signingSecret = "SECRET-signing-secret-0002";
    String discordToken = "SECRET.discord.token.0003";
    try (FakeIce ice = new FakeIce();
        MockWebServer refusing = new MockWebServer()) {
      ice.publish("05162025am", BundledSnapshots.read("2025-05-16-participating.xlsx"), null);
      refusing.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              // Slack answers a bad token with 200 and ok:false; Discord with 401.
              return new MockResponse.Builder()
                  .code(request.getUrl().encodedPath().startsWith("/api/v10/") ? 401 : 200)
                  .addHeader("Content-Type", "application/json")
                  .body(
                      "{\"ok\":false,\"error\":\"invalid_auth\",\"message\":\"401: Unauthorized\",\"code\":0}")
                  .build();
            }
          });
      refusing.start();
      Path config = dir.resolve("config.yml");
      Files.writeString(
          config,
          "{\"storage\":{\"path\":\""
              + dir.resolve("bot.db")
              + "\"},\"source\":{\"pageUrl\":\""
              + ice.pageUrl()
              + "\",\"pollInterval\":\"PT1S\"},"
              + "\"admin\":{\"enabled\":false},"
              + "\"slack\":{\"apiUrl\":\""
              + refusing.url("/api/")
              + "\",\"port\":0},"
              + "\"discord\":{\"apiUrl\":\""
              + refusing.url("/api/v10/")
              + "\",\"gatewayUrl\":\"ws://127.0.0.1:"
              + refusing.getPort()
              + "/gateway\"}}",
          StandardCharsets.UTF_8);
      Path log = dir.resolve("run.log");
      List<String> command = new ArrayList<>(java("run", "--config", config.toString()));
      command.add(1, "-Dlogback.configurationFile=" + debugLogback());
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("SLACK_BOT_TOKEN", slackToken);
      builder.environment().put("SLACK_SIGNING_SECRET", signingSecret);
      builder.environment().put("DISCORD_TOKEN", discordToken);
      builder.environment().remove("SLACK_APP_TOKEN");
      Process p = builder.start();
      try {
        Instant deadline = Instant.now().plusSeconds(30);
        while (ice.requests().stream().filter(r -> r.contains("participating")).count() < 1
            && Instant.now().isBefore(deadline)) {
          Thread.sleep(100);
        }
        Thread.sleep(1500);
      } finally {
        p.destroy();
      }
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
      String text = Files.readString(log);
      assertTrue(text.contains("watch287g started"), text);
      for (String secret : List.of(slackToken, signingSecret, discordToken)) {
        assertFalse(text.contains(secret), "the log shows a secret:\n" + text);
        assertFalse(text.contains(secret.substring(0, 16)), "the log shows part of a secret");
      }
    }
  }

  /** A logback configuration that logs everything, every library included, at DEBUG. */
  Path debugLogback() throws IOException {
    Path file = dir.resolve("logback-debug.xml");
    Files.writeString(
        file,
        "<configuration><appender name=\"STDERR\" class=\"ch.qos.logback.core.ConsoleAppender\">"
            + "<target>System.err</target><encoder><pattern>%level %logger - %msg%n%ex</pattern>"
            + "</encoder></appender><root level=\"DEBUG\"><appender-ref ref=\"STDERR\"/></root>"
            + "</configuration>",
        StandardCharsets.UTF_8);
    return file;
  }
}
