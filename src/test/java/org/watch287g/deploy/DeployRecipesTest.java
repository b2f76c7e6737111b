package org.watch287g.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.config.Config;
import org.watch287g.config.ConfigLoader;

/** The deploy recipes as shipped: files they need exist, and what they say holds. */
class DeployRecipesTest {
  private static final Path DEPLOY = Recipes.REPO.resolve("deploy");

  /** Files a documented step creates: the last argument of cp and install, the file of cat >. */
  private static Set<Path> createdByDocumentedSteps() throws Exception {
    Set<Path> created = new LinkedHashSet<>();
    Pattern catInto = Pattern.compile("cat > (\\S+)");
    for (Recipes.Block block : Recipes.blocks()) {
      for (String command : block.commands()) {
        String[] words = command.replace("sudo ", "").split("\\s+", -1);
        if (words[0].equals("cp") || words[0].equals("install")) {
          created.add(Recipes.REPO.resolve(words[words.length - 1]).normalize());
        }
        Matcher m = catInto.matcher(command);
        if (m.find()) {
          created.add(Recipes.REPO.resolve(m.group(1)).normalize());
        }
      }
    }
    return created;
  }

  @Test
  @DisplayName(
      "every bind mount in the Compose file comes from a file in the repository or one that"
          + " OPERATIONS.md creates")
  void composeBindMountsExist() throws Exception {
    JsonNode compose =
        new ObjectMapper(new YAMLFactory()).readTree(DEPLOY.resolve("docker-compose.yml").toFile());
    Set<String> namedVolumes = new LinkedHashSet<>();
    compose.path("volumes").fieldNames().forEachRemaining(namedVolumes::add);
    Set<Path> created = createdByDocumentedSteps();
    List<String> problems = new ArrayList<>();
    int binds = 0;
    for (JsonNode service : compose.path("services")) {
      for (JsonNode volume : service.path("volumes")) {
        String source =
            volume.isTextual() ? volume.asText().split(":", -1)[0] : volume.path("source").asText();
        if (!source.startsWith(".") && !source.startsWith("/") && !source.startsWith("~")) {
          if (!namedVolumes.contains(source)) {
            problems.add(source + ": a named volume not declared under volumes:");
          }
          continue;
        }
        binds++;
        Path path = DEPLOY.resolve(source).normalize();
        if (Files.isDirectory(path)) {
          problems.add(source + ": a directory in the repository, expected a file");
        } else if (!Files.isRegularFile(path) && !created.contains(path)) {
          problems.add(
              source
                  + " ("
                  + Recipes.REPO.relativize(path)
                  + "): not in the repository and no step of OPERATIONS.md creates it, so"
                  + " Compose would mount an empty directory in its place");
        }
      }
    }
    assertTrue(binds > 0, "the Compose file mounts the config");
    assertEquals(List.of(), problems);
  }

  @Test
  @DisplayName(
      "every file of the repository that OPERATIONS.md and the unit copy or install exists")
  void filesTheRecipesCopyExist() throws Exception {
    String text =
        Recipes.text()
            + Files.readString(DEPLOY.resolve("watch287g.service"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("(?:cp|install -D -m \\d+) (deploy/\\S+)").matcher(text);
    List<String> missing = new ArrayList<>();
    int found = 0;
    while (m.find()) {
      found++;
      if (!Files.isRegularFile(Recipes.REPO.resolve(m.group(1)))) {
        missing.add(m.group(0));
      }
    }
    assertTrue(found >= 3, "the recipes copy deploy/config.yml and the unit");
    assertEquals(List.of(), missing);
  }

  @Test
  @DisplayName(
      "the shipped config loads as the container and the unit read it, the database in their"
          + " working folder")
  void shippedConfigLoads() throws Exception {
    Map<String, String> containerEnv = new HashMap<>();
    containerEnv.put("SLACK_BIND_ADDRESS", "0.0.0.0");
    containerEnv.put("SLACK_BOT_TOKEN", "");
    containerEnv.put("DISCORD_TOKEN", "");
    Config config = new ConfigLoader(containerEnv).load(DEPLOY.resolve("config.yml"));

    assertEquals(Path.of("watch287g.db"), config.storage().path());
    assertEquals("0.0.0.0", config.slack().bindAddress());
    assertEquals(List.of("console (no Slack or Discord token set)"), config.platforms());
    String dockerfile = Files.readString(Recipes.REPO.resolve("Dockerfile"));
    String unit = Files.readString(DEPLOY.resolve("watch287g.service"));
    assertTrue(dockerfile.contains("\nWORKDIR /data\n"), "the container's database: /data");
    assertTrue(dockerfile.contains("VOLUME [\"/data\"]"), "and /data is the volume");
    assertTrue(unit.contains("\nWorkingDirectory=/var/lib/watch287g\n"), "the unit's: its state");
    assertTrue(unit.contains("\nStateDirectory=watch287g\n"), "which systemd creates");
    Map<String, String> unitEnv = Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1");
    assertEquals(
        List.of("Slack (Socket Mode)"),
        new ConfigLoader(unitEnv).load(DEPLOY.resolve("config.yml")).platforms());
  }

  @Test
  @DisplayName(
      "the unit and the image start every JVM of the bot with deploy/jvm.options, and the image"
          + " copies it")
  void shippedJvmOptionsAreTheOnesUsed() throws Exception {
    String unit = Files.readString(DEPLOY.resolve("watch287g.service"), StandardCharsets.UTF_8);
    String dockerfile = Files.readString(Recipes.REPO.resolve("Dockerfile"));
    List<String> javaLines = new ArrayList<>();
    for (String line : (unit + "\n" + dockerfile).split("\n", -1)) {
      if (!line.startsWith("#") && line.matches(".*(/usr/bin/java |\"java\"|RUN java ).*")) {
        javaLines.add(line);
      }
    }
    assertEquals(4, javaLines.size(), "the unit's archive and run, the image's: " + javaLines);
    for (String line : javaLines) {
      assertTrue(
          line.contains("@/opt/watch287g/jvm.options") || line.contains("@/app/jvm.options"), line);
      assertFalse(line.contains("-XX:MaxRAMPercentage"), "in jvm.options, not beside it: " + line);
    }
    assertTrue(dockerfile.contains("\nCOPY deploy/jvm.options /app/jvm.options\n"));
    assertTrue(
        Files.readString(Recipes.REPO.resolve(".dockerignore")).contains("\n!deploy/jvm.options"),
        "the build context holds it");
    assertTrue(unit.contains("\nEnvironment=MALLOC_ARENA_MAX=2\n"));
    assertTrue(dockerfile.contains("\nENV MALLOC_ARENA_MAX=2\n"));
  }

  @Test
  @DisplayName("every relative link in the deploy guides points to a file that exists")
  void relativeLinksResolve() throws Exception {
    List<String> broken = new ArrayList<>();
    Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
    try (var files = Files.list(DEPLOY)) {
      for (Path md : files.filter(f -> f.toString().endsWith(".md")).toList()) {
        Matcher m = link.matcher(Files.readString(md));
        while (m.find()) {
          String target = m.group(1);
          if (!target.contains("://") && !Files.exists(DEPLOY.resolve(target))) {
            broken.add(md.getFileName() + " -> " + target);
          }
        }
      }
    }
    assertEquals(List.of(), broken);
    assertFalse(
        Recipes.text().contains("README's Discord section"),
        "Discord's steps are in deploy/DISCORD.md");
  }

  @Test
  @DisplayName("the systemd unit passes systemd-analyze verify where systemd-analyze exists")
  void unitVerifies() throws Exception {
    Assumptions.assumeTrue(
        List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator, -1)).stream()
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, "systemd-analyze"))),
        "systemd-analyze is not installed here");
    Process p =
        new ProcessBuilder(
                "systemd-analyze", "verify", DEPLOY.resolve("watch287g.service").toString())
            .redirectErrorStream(true)
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "systemd-analyze finished");
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), output);
    assertFalse(output.contains("watch287g.service:"), output);
  }
}
