package org.watch287g.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Toolkit;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Model;

class ToolkitLoaderTest {
  static final ToolkitLoader LOADER = new ToolkitLoader();

  static List<String> urls(Toolkit toolkit, ChangeEvent.Type type, Model model) {
    return toolkit.linksFor(type, model).stream().map(Toolkit.Link::url).toList();
  }

  /** The message of the error parsing {@code yaml} gives, checked to be one line. */
  static String error(String yaml) {
    ConfigException e = assertThrows(ConfigException.class, () -> LOADER.parse(yaml, "my.yml"));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().startsWith("my.yml"), e.getMessage());
    return e.getMessage();
  }

  @Test
  @DisplayName(
      "the jar's toolkit reads: ILRC's toolkit for new agreements, its map for every alert")
  void bundledToolkitReads() {
    Toolkit toolkit = LOADER.bundled();

    assertEquals(5, toolkit.links().size());
    assertEquals(
        List.of(
            "https://www.ilrc.org/resources/ending-287g-toolkit-local-organizers",
            "https://www.ilrc.org/resources/national-map-287g-agreements",
            "https://www.aclu.org/documents/287g-agreements",
            "https://policingequity.org/community-how-to-guide-undercovering-your-law-enforcement-agencys-interactions-with-ice/"),
        urls(toolkit, ChangeEvent.Type.NEW_AGREEMENT, Model.TFM));
    assertEquals(
        List.of("https://www.ilrc.org/resources/national-map-287g-agreements"),
        urls(toolkit, ChangeEvent.Type.TERMINATED, Model.JEM));
    for (Toolkit.Link link : toolkit.links()) {
      assertTrue(link.titles().containsKey(Language.ES), link.url() + " has no Spanish title");
    }
    assertEquals(toolkit, LOADER.load(null));
  }

  @Test
  @DisplayName("an operator's file replaces it; a title may be one string, names any case")
  void operatorFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("toolkit.yml");
    Files.writeString(
        file,
        """
        links:
          - title: Our county's rapid-response line
            url: https://example.org/rapid-response
            events: [new_agreement, Pending_Signed]
            models: [tfm]
        """,
        StandardCharsets.UTF_8);

    Toolkit toolkit = LOADER.load(file);

    Toolkit.Link link = toolkit.links().get(0);
    assertEquals("Our county's rapid-response line", link.title(Language.ES));
    assertEquals(
        List.of("https://example.org/rapid-response"),
        urls(toolkit, ChangeEvent.Type.PENDING_SIGNED, Model.TFM));
    assertTrue(toolkit.linksFor(ChangeEvent.Type.PENDING_SIGNED, Model.JEM).isEmpty());
  }

  @Test
  @DisplayName("a file with no links is an empty toolkit")
  void noLinks() {
    assertEquals(Toolkit.empty(), LOADER.parse("links:\n", "my.yml"));
    assertEquals(Toolkit.empty(), LOADER.parse("links: []\n", "my.yml"));
  }

  @Test
  @DisplayName("broken YAML is reported in one line naming the file and where it broke")
  void brokenYaml() {
    String message = error("links:\n  - title: [unclosed\n    url: https://example.org\n");

    assertEquals(
        "my.yml is not valid YAML (line 3, column 8): while parsing a flow sequence; expected ','"
            + " or ']', but got :",
        message);
    assertTrue(error("links:\n\t- a\n").contains("Do not use \\t(TAB) for indentation"));
  }

  @Test
  @DisplayName("each broken link is reported in one line naming the link and the fix")
  void brokenLinks() {
    String good = "    url: https://example.org/a\n";
    assertEquals(
        "my.yml: link 2: events: unknown NEW_AGREMENT (use NEW_AGREEMENT, TERMINATED, NEW_PENDING,"
            + " PENDING_SIGNED, MODEL_CHANGED, PENDING_WITHDRAWN, RENEWED, DETAILS_CHANGED, RENAMED)",
        error(
            "links:\n  - title: A\n"
                + good
                + "  - title: B\n"
                + good
                + "    events: [NEW_AGREMENT]\n"));
    assertEquals(
        "my.yml: link 1: has no url (add url: https://...)", error("links:\n  - title: A\n"));
    assertEquals(
        "my.yml: link 1: unknown key titel (the keys are events, models, title and url)",
        error("links:\n  - titel: A\n" + good));
    assertEquals(
        "my.yml: link 1: title in unknown language fr (the languages are en, es)",
        error("links:\n  - title:\n      en: A\n      fr: B\n" + good));
    assertEquals(
        "my.yml: link 1: has no English title (add en: under title:)",
        error("links:\n  - title:\n      es: B\n" + good));
    assertTrue(
        error("links:\n  - title: A\n" + good + "    models: []\n")
            .contains("models: must be a non-empty list"));
    assertTrue(
        error("links:\n  - title: A\n    url: ftp://example.org/a\n")
            .contains("not an http or https URL"));
    assertTrue(error("links:\n  - just text\n").contains("link 1: is not a mapping"));
    assertTrue(error("links: https://example.org\n").contains("links: must be a list"));
    assertTrue(error("toolkit:\n  - title: A\n").contains("must have one key, links:"));
    assertTrue(error("").contains("is empty"));
  }

  @Test
  @DisplayName("a missing operator file is reported with what to do")
  void missingFile(@TempDir Path dir) {
    Path file = dir.resolve("nope.yml");
    ConfigException e = assertThrows(ConfigException.class, () -> LOADER.load(file));
    assertEquals(
        file + " does not exist (copy the jar's toolkit.yml to start one)", e.getMessage());
  }
}
