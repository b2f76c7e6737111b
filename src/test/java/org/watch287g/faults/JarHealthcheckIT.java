package org.watch287g.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.testing.FakeIce;

/**
 * The container's HEALTHCHECK, as the Dockerfile states it, run against the packaged jar (no Docker
 * engine here): the command is read from the Dockerfile so that the two cannot drift apart.
 */
class JarHealthcheckIT {
  @TempDir Path dir;

  /** The HEALTHCHECK's CMD, in exec form, from the Dockerfile. */
  static List<String> healthcheck() throws IOException {
    String dockerfile = Files.readString(Path.of("Dockerfile"), StandardCharsets.UTF_8);
    String instruction =
        dockerfile
            .replace("\\\n", " ")
            .lines()
            .filter(l -> l.startsWith("HEALTHCHECK "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the Dockerfile has no HEALTHCHECK"));
    String json = instruction.substring(instruction.indexOf(" CMD ") + 5).trim();
    return new ObjectMapper().readValue(json, new TypeReference<List<String>>() {});
  }

  record Check(int status, String output) {}

  /** Runs the HEALTHCHECK as Docker would, inside the container's environment. */
  static Check check(int adminPort) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(healthcheck()).redirectErrorStream(true);
    builder.environment().put("WATCH287G_ADMIN_PORT", Integer.toString(adminPort));
    Process p = builder.start();
    if (!p.waitFor(10, TimeUnit.SECONDS)) { // the HEALTHCHECK's --timeout
      p.destroyForcibly();
      return new Check(-1, "timed out");
    }
    return new Check(
        p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  /** Checks until one satisfies {@code wanted}; the last check, whether or not it did. */
  static Check awaitCheck(int adminPort, java.util.function.Predicate<Check> wanted)
      throws InterruptedException {
    AtomicReference<Check> last = new AtomicReference<>(new Check(-1, "not run"));
    Rig.await(
        Duration.ofMinutes(1),
        () -> {
          try {
            last.set(check(adminPort));
          } catch (IOException e) {
            last.set(new Check(-1, e.toString()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
          }
          return wanted.test(last.get());
        });
    return last.get();
  }

  String config(FakeIce ice, String more) {
    return "{\"storage\":{\"path\":\""
        + dir.resolve("bot.db")
        + "\"},\"source\":{\"pageUrl\":\""
        + ice.pageUrl()
        + "\",\"pollInterval\":\"PT1S\"}"
        + more
        + "}";
  }

  @Test
  @DisplayName("the HEALTHCHECK asks readiness with bash alone, without starting a JVM")
  void noJvm() throws IOException {
    List<String> command = healthcheck();

    assertEquals("bash", command.get(0));
    assertFalse(String.join(" ", command).contains("java"), command.toString());
    assertTrue(String.join(" ", command).contains("/readyz"), command.toString());
  }

  @Test
  @DisplayName(
      "the HEALTHCHECK passes while the bot is ready and fails, with the reasons, when it is not"
          + " or when nothing answers")
  void readyThenNot() throws Exception {
    int admin = Rig.freePort();
    try (FakeIce ice = new FakeIce()) {
      Rig.publishBaseline(ice);
      try (Bot bot =
          new Bot(dir, config(ice, ""), Map.of("WATCH287G_ADMIN_PORT", Integer.toString(admin)))) {
        bot.start();
        Check ready = awaitCheck(admin, c -> c.status() == 0);
        assertEquals(new Check(0, "ready\n"), ready, bot.tail());
        // Ready also means "started less than 3 polls ago": ICE breaks only once it has been read,
        // so that the reason names the last good read.
        assertTrue(
            Rig.await(Duration.ofMinutes(1), () -> Rig.firstPollDone(bot)),
            "the first poll\n" + bot.tail());

        ice.pageResponse(new mockwebserver3.MockResponse.Builder().code(500).build());
        Check unready = awaitCheck(admin, c -> c.output().startsWith("ICE's lists"));
        assertEquals(1, unready.status(), bot.tail());
        assertTrue(
            unready.output().contains("ICE's lists were last read successfully at"),
            unready.output());

        bot.stop();
        assertNotEquals(0, check(admin).status(), "nothing answers once the bot has stopped");
      }
    }
  }

  @Test
  @DisplayName(
      "the HEALTHCHECK fails once a configured platform has been disconnected for longer than the"
          + " grace period, naming it")
  void platformDisconnectedPastGrace() throws Exception {
    int admin = Rig.freePort();
    int closed = Rig.freePort(); // nothing listens there: Discord is unreachable
    try (FakeIce ice = new FakeIce()) {
      Rig.publishBaseline(ice);
      String discord =
          ",\"admin\":{\"platformGrace\":\"PT1S\"},\"discord\":{\"token\":\"faults.discord.token\","
              + "\"apiUrl\":\"http://127.0.0.1:"
              + closed
              + "/api/v10\",\"gatewayUrl\":\"ws://127.0.0.1:"
              + closed
              + "\"}";
      try (Bot bot =
          new Bot(
              dir, config(ice, discord), Map.of("WATCH287G_ADMIN_PORT", Integer.toString(admin)))) {
        bot.start();

        Check unhealthy = awaitCheck(admin, c -> c.output().startsWith("discord: "));

        assertEquals(1, unhealthy.status(), unhealthy.output() + "\n" + bot.tail());
        assertTrue(unhealthy.output().startsWith("discord: "), unhealthy.output());
      }
    }
  }
}
