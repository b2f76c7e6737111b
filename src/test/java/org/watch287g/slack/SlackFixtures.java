package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.Language;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.UsState;

/** Alerts to render, and the check that posted blocks keep within Slack's limits. */
final class SlackFixtures {
  private SlackFixtures() {}

  static final AlertMessage.Labels LABELS =
      new AlertMessage.Labels(
          "Agency",
          "Previously listed as",
          "Where",
          "Signed",
          "Agreement (MOA)",
          "Addendum",
          "Model",
          "What you can do");

  static AlertMessage alert(String headline, String agency, String explainer) {
    return new AlertMessage(
        Language.EN,
        ChangeEvent.Type.NEW_AGREEMENT,
        ListKind.PARTICIPATING,
        headline,
        agency,
        null,
        "Harris County, TX",
        "May 8, 2025",
        "https://www.ice.gov/doclib/287gMOA/r_harristx.pdf",
        "https://www.ice.gov/doclib/287gMOA/r_harristx.pdf",
        null,
        "Task Force Model (TFM)",
        explainer,
        List.of(
            new AlertMessage.Link(
                "Ending 287(g): A Toolkit for Local Organizers (ILRC)",
                "https://www.ilrc.org/resources/ending-287g-toolkit-local-organizers")),
        LABELS,
        "TFM",
        UsState.TX);
  }

  /** An agency name as an attacker would put it in ICE's spreadsheet: a ping and a masked link. */
  static final String HOSTILE_AGENCY =
      "Harris County <!channel> <https://evil.example/login|Verify your subscription here> Police";

  /** A look-alike of ICE's host behind the MOA cell. */
  static final String HOSTILE_MOA =
      "https://www.ice.gov.evil.example/doclib/287gMOA/r_harristx.pdf";

  /** An alert about {@link #HOSTILE_AGENCY}, with {@link #HOSTILE_MOA} as its MOA and addendum. */
  static AlertMessage hostile() {
    AlertMessage a =
        alert(HOSTILE_AGENCY + " signed a 287(g) agreement with ICE", HOSTILE_AGENCY, "e");
    return new AlertMessage(
        a.language(),
        a.type(),
        a.list(),
        a.headline(),
        a.agency(),
        HOSTILE_AGENCY,
        a.place(),
        a.date(),
        HOSTILE_MOA,
        HOSTILE_MOA,
        HOSTILE_MOA,
        a.modelTitle(),
        a.modelExplainer(),
        a.links(),
        a.labels(),
        a.model(),
        a.state());
  }

  /**
   * Asserts that Slack would show {@code mrkdwn} with no mention and no link but the toolkit's and
   * ICE's own: every {@code <} Slack reads as markup is escaped.
   */
  static void assertNoMarkupFromOutside(String mrkdwn) {
    assertFalse(mrkdwn.contains("<!"), "a mention: " + mrkdwn);
    assertFalse(mrkdwn.contains("<https://evil"), "a link: " + mrkdwn);
    assertFalse(mrkdwn.contains("<" + HOSTILE_MOA), "a link to a look-alike host: " + mrkdwn);
  }

  /**
   * Every mrkdwn text in posted blocks, one per line: what Slack reads markup in ({@code
   * plain_text}, as in headers and buttons, shows {@code <!channel>} as typed).
   */
  static String mrkdwn(@Nullable JsonElement element) {
    StringBuilder out = new StringBuilder();
    collectMrkdwn(element, out);
    return out.toString();
  }

  private static void collectMrkdwn(@Nullable JsonElement e, StringBuilder out) {
    if (e == null) {
      return;
    }
    if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(child -> collectMrkdwn(child, out));
    } else if (e.isJsonObject()) {
      JsonObject o = e.getAsJsonObject();
      if (o.has("type") && o.get("type").getAsString().equals("mrkdwn")) {
        out.append(o.get("text").getAsString()).append('\n');
      }
      o.entrySet().forEach(child -> collectMrkdwn(child.getValue(), out));
    }
  }

  static AlertMessage harris() {
    return alert(
        "Harris County Sheriff's Office signed a 287(g) agreement with ICE (Harris County, TX)",
        "Harris County Sheriff's Office",
        "Local officers question and arrest people for immigration violations.");
  }

  /**
   * Asserts what Slack enforces on a posted message, on the JSON that goes on the wire: at most 50
   * blocks, a header of at most 150 characters, sections of at most 3000, button labels of at most
   * 75, no empty text; and a non-empty fallback of at most 4000.
   */
  static void assertWithinLimits(String text, JsonElement blocks) {
    assertFalse(text.isBlank(), "a fallback text");
    assertTrue(text.length() <= 4000, "fallback of " + text.length());
    JsonArray array = blocks.getAsJsonArray();
    assertTrue(array.size() >= 1 && array.size() <= 50, array.size() + " blocks");
    for (JsonElement e : array) {
      JsonObject block = e.getAsJsonObject();
      String type = block.get("type").getAsString();
      switch (type) {
        case "header" -> assertText(block.getAsJsonObject("text"), 150);
        case "section" -> assertText(block.getAsJsonObject("text"), 3000);
        case "context" -> {
          for (JsonElement el : block.getAsJsonArray("elements")) {
            assertText(el.getAsJsonObject(), 3000);
          }
        }
        case "actions" -> {
          JsonArray elements = block.getAsJsonArray("elements");
          assertTrue(elements.size() <= 25);
          for (JsonElement el : elements) {
            assertText(el.getAsJsonObject().getAsJsonObject("text"), 75);
            JsonObject button = el.getAsJsonObject();
            // A button either opens a web link or carries a command back to the bot.
            assertTrue(
                button.has("url")
                    ? button.get("url").getAsString().startsWith("http")
                    : button.get("value").getAsString().length() <= 2000,
                button.toString());
          }
        }
        default -> throw new AssertionError("unexpected block type " + type);
      }
    }
  }

  private static void assertText(JsonObject text, int max) {
    String t = text.get("text").getAsString();
    assertFalse(t.isBlank(), "empty text in " + text);
    assertTrue(t.length() <= max, t.length() + " > " + max + ": " + t);
  }
}
