package org.watch287g.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, hole 11: a temporary folder mounted {@code noexec}, as Docker Compose mounts {@code
 * tmpfs: /tmp} beside {@code read_only: true}. sqlite-jdbc unpacks its native library there and
 * cannot map it. The jar runs {@code status harris tx}, which opens a database, with {@code
 * java.io.tmpdir} on such a mount (mounting needs root, which the tests have in CI; elsewhere they
 * are skipped and say why).
 */
class NoexecTmpIT {
  private static final Path DOCKERFILE = Path.of("Dockerfile");
  private static final Path UNIT = Path.of("deploy", "watch287g.service");

  @TempDir Path dir;
  Path noexec;

  private static Bot.Result sh(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    return new Bot.Result(p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1, out);
  }

  @BeforeEach
  void mountNoexecTmpfs() throws Exception {
    noexec = dir.resolve("tmp");
    Files.createDirectories(noexec);
    Bot.Result mount =
        sh("mount", "-t", "tmpfs", "-o", "noexec,size=16m", "tmpfs", noexec.toString());
    Assumptions.assumeTrue(
        mount.status() == 0,
        "cannot mount a noexec tmpfs here (needs root): the noexec /tmp cases are skipped");
  }

  @AfterEach
  void unmount() throws Exception {
    sh("umount", "-l", noexec.toString());
  }

  /** {@code status harris tx} on a new database, with these JVM options. */
  Bot.Result status(List<String> jvmOptions) throws Exception {
    List<String> options = new ArrayList<>(jvmOptions);
    options.add(0, "-Djava.io.tmpdir=" + noexec);
    return Bot.command(
        dir, options, "status", "harris", "tx", "--db", dir.resolve("bot.db").toString());
  }

  @Test
  @DisplayName(
      "with java.io.tmpdir mounted noexec and nothing else set, the bot says in one line that the"
          + " folder must allow running code and which setting fixes it")
  void noexecTmpdirIsExplained() throws Exception {
    Bot.Result r = status(List.of());

    assertNotEquals(0, r.status(), r.output());
    String line =
        r.output()
            .lines()
            .filter(l -> l.startsWith("database error: "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no database error line in\n" + r.output()));
    assertTrue(line.contains("cannot load SQLite's native library"), line);
    assertTrue(line.contains(noexec.toString()), "names the folder: " + line);
    assertTrue(line.contains("noexec") && line.contains("-Dorg.sqlite.tmpdir="), line);
  }

  @Test
  @DisplayName(
      "with the Docker image's options (the library unpacked at build time), SQLite loads and"
          + " nothing is unpacked into the noexec folder")
  void dockerImageOptionsLoadSqlite() throws Exception {
    Path native_ = dir.resolve("app-native");
    unpackLibrary(native_);
    List<String> options = new ArrayList<>();
    for (String option : dockerJavaOptions()) {
      options.add(option.replace("/app/native", native_.toString()));
    }

    Bot.Result r = status(options);

    assertEquals(0, r.status(), r.output());
    assertTrue(r.output().contains("Harris County"), r.output());
    try (Stream<Path> unpacked = Files.list(noexec)) {
      assertEquals(List.of(), unpacked.toList());
    }
  }

  @Test
  @DisplayName(
      "with the systemd unit's option (unpack into the state directory), SQLite loads whatever"
          + " /tmp allows")
  void systemdOptionLoadsSqlite() throws Exception {
    Path state = Files.createDirectories(dir.resolve("var-lib-watch287g"));
    String option = systemdSqliteOption().replace("/var/lib/watch287g", state.toString());

    Bot.Result r = status(List.of(option));

    assertEquals(0, r.status(), r.output());
    assertTrue(r.output().contains("Harris County"), r.output());
  }

  @Test
  @DisplayName("the compose file leaves /tmp noexec: the image needs no exec there")
  void composeKeepsTmpNoexec() throws Exception {
    String compose = Files.readString(Path.of("deploy", "docker-compose.yml"));

    assertTrue(compose.contains("read_only: true"), compose);
    assertFalse(compose.contains("/tmp:exec"), compose);
  }

  /** The {@code -D} options the Dockerfile gives every JVM in the image (JAVA_TOOL_OPTIONS). */
  static List<String> dockerJavaOptions() throws IOException {
    Matcher m =
        Pattern.compile("(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"")
            .matcher(Files.readString(DOCKERFILE));
    assertTrue(m.find(), "the Dockerfile sets JAVA_TOOL_OPTIONS");
    List<String> options = List.of(m.group(1).trim().split("\\s+"));
    assertTrue(options.contains("-Dorg.sqlite.lib.path=/app/native"), options.toString());
    return options;
  }

  /** The unit's {@code -Dorg.sqlite.tmpdir=...} option. */
  static String systemdSqliteOption() throws IOException {
    Matcher m = Pattern.compile("-Dorg\\.sqlite\\.tmpdir=\\S+").matcher(Files.readString(UNIT));
    assertTrue(m.find(), "the unit sets org.sqlite.tmpdir");
    return m.group();
  }

  /** What the Dockerfile's build stage does: libsqlitejdbc.so for this machine, out of the jar. */
  static void unpackLibrary(Path folder) throws IOException {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String entry =
        "org/sqlite/native/Linux/" + (arch.equals("amd64") ? "x86_64" : arch) + "/libsqlitejdbc.so";
    Files.createDirectories(folder);
    try (ZipFile jar = new ZipFile(Bot.JAR.toFile())) {
      var e = jar.getEntry(entry);
      Assumptions.assumeTrue(e != null, "the jar has no " + entry + " for this machine");
      try (InputStream in = jar.getInputStream(e)) {
        Files.copy(in, folder.resolve("libsqlitejdbc.so"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
