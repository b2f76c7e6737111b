package org.watch287g.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell commands of deploy/OPERATIONS.md, read from its code blocks so tests follow the doc.
 */
final class Recipes {
  static final Path REPO = Path.of("").toAbsolutePath();
  static final Path OPERATIONS = REPO.resolve("deploy/OPERATIONS.md");

  private static final Pattern BLOCK = Pattern.compile("(?ms)^```sh\\n(.*?)^```");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{2,3} (.+)$");

  private Recipes() {}

  /** One code block's commands (comments and blank lines dropped), under the heading it follows. */
  record Block(String heading, List<String> commands) {
    /** The first command that starts with {@code prefix}. */
    String first(String prefix) {
      return commands.stream()
          .filter(c -> c.startsWith(prefix))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no `" + prefix + "...` under " + heading));
    }
  }

  static String text() throws IOException {
    return Files.readString(OPERATIONS, StandardCharsets.UTF_8);
  }

  static List<Block> blocks() throws IOException {
    String text = text();
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      String heading = "";
      Matcher h = HEADING.matcher(text.substring(0, m.start()));
      while (h.find()) {
        heading = h.group(1).trim();
      }
      List<String> commands = new ArrayList<>();
      for (String line : m.group(1).split("\n", -1)) {
        String command = line.replaceFirst("\\s+#\\s.*$", "").trim();
        if (!command.isEmpty() && !command.startsWith("#")) {
          commands.add(command);
        }
      }
      blocks.add(new Block(heading, commands));
    }
    return blocks;
  }

  /** The block under this heading (e.g. "With the jar"). */
  static Block under(String heading) throws IOException {
    return blocks().stream()
        .filter(b -> b.heading().equals(heading))
        .findFirst()
        .orElseThrow(() -> new AssertionError("OPERATIONS.md has no code under " + heading));
  }
}
