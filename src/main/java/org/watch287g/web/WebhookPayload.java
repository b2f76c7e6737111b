package org.watch287g.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.DigestPart;

/**
 * The JSON a webhook receives: one alert, or one part of a digest when a publication brings a
 * webhook more than 100 alerts at once. The fields are documented in the README's Webhooks section
 * and are a contract: add, never rename or remove. Every text is the alert's as a channel would
 * read it, in the webhook's language; the codes ({@code type}, {@code list}, {@code state}, {@code
 * model}, {@code coverage}, {@code signed}) are the same in every language.
 */
final class WebhookPayload {
  /** The payload's version: a receiver can tell a future, changed one. */
  static final int VERSION = 1;

  private static final Pattern SEMICOLON = Pattern.compile(";");

  private final ObjectMapper json = new ObjectMapper();

  /** One alert. */
  byte[] alert(String id, AlertMessage alert) {
    ObjectNode root = root(id, "alert", alert.language().code());
    root.put("type", alert.type().name().toLowerCase(Locale.ROOT));
    root.put("list", alert.list().name().toLowerCase(Locale.ROOT));
    root.put("headline", alert.headline());
    root.put("agency", alert.agency());
    root.put("previous_agency", alert.previousAgency());
    root.put("state", alert.state().code());
    root.put("county", alert.facts().county());
    root.set("coverage", coverage(alert.facts().coverage()));
    root.put("place", alert.place());
    root.put("model", alert.model());
    root.put("model_title", alert.modelTitle());
    root.put("model_explainer", alert.modelExplainer());
    root.put("signed", alert.facts().signed() == null ? null : alert.facts().signed().toString());
    root.put("date", alert.date());
    root.put("moa_url", alert.moaUrl());
    root.put("addendum_url", alert.addendumUrl());
    root.put("note", alert.note().isEmpty() ? null : alert.note());
    links(root.putArray("links"), alert.links());
    root.put("text", alert.plainText());
    return bytes(root);
  }

  /** One part of a digest. */
  byte[] digest(String id, DigestPart part) {
    ObjectNode root = root(id, "digest", part.language().code());
    root.put("title", part.title());
    root.put("part", part.number());
    root.put("parts", part.count());
    ArrayNode sections = root.putArray("sections");
    for (DigestPart.Section section : part.sections()) {
      ObjectNode s = sections.addObject();
      s.put("heading", section.heading());
      ArrayNode lines = s.putArray("lines");
      section.lines().forEach(lines::add);
    }
    root.put("whole", part.whole());
    root.put("more", part.more());
    DigestPart.Actions actions = part.actions();
    if (actions != null) {
      links(root.putArray("links"), actions.links());
    }
    root.put("text", text(part));
    return bytes(root);
  }

  private ObjectNode root(String id, String kind, String language) {
    ObjectNode root = json.createObjectNode();
    root.put("version", VERSION);
    root.put("id", id);
    root.put("kind", kind);
    root.put("language", language);
    return root;
  }

  /** "48201;48339" as ["48201", "48339"]; "ST:TX" as ["ST:TX"]; nothing as []. */
  private ArrayNode coverage(String coverage) {
    ArrayNode codes = json.createArrayNode();
    if (!coverage.isEmpty()) {
      SEMICOLON.splitAsStream(coverage).forEach(codes::add);
    }
    return codes;
  }

  private static void links(ArrayNode into, List<AlertMessage.Link> links) {
    for (AlertMessage.Link link : links) {
      into.addObject().put("title", link.title()).put("url", link.url());
    }
  }

  private static String text(DigestPart part) {
    StringBuilder out = new StringBuilder(part.title()).append('\n');
    if (part.whole() != null) {
      out.append(part.whole()).append('\n');
    }
    for (DigestPart.Section section : part.sections()) {
      if (section.heading() != null) {
        out.append(section.heading()).append('\n');
      }
      section.lines().forEach(line -> out.append("- ").append(line).append('\n'));
    }
    if (part.more() != null) {
      out.append(part.more()).append('\n');
    }
    DigestPart.Actions actions = part.actions();
    if (actions != null) {
      actions.plainLines().forEach(line -> out.append(line).append('\n'));
    }
    return out.toString();
  }

  private byte[] bytes(ObjectNode root) {
    try {
      return json.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always writes", e);
    }
  }
}
