package org.watch287g.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Toolkit;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Model;

/**
 * Reads {@code toolkit.yml}, the "what you can do" links alerts end with: the jar's own, or an
 * operator's replacement.
 *
 * <pre>
 * links:
 *   - title:
 *       en: "Ending 287(g): A Toolkit for Local Organizers (ILRC)"
 *       es: "Cómo terminar el 287(g): guía para organizadores locales (ILRC, en inglés)"
 *     url: https://www.ilrc.org/resources/ending-287g-toolkit-local-organizers
 *     events: [NEW_PENDING, NEW_AGREEMENT]   # optional: every event when left out
 *     models: [TFM]                          # optional: every model when left out
 * </pre>
 *
 * <p>A title may also be one string, meaning English. A language without a title shows the English
 * one, with a warning at load. Unknown keys, event types, models and languages are errors: a typo
 * must not silently widen or drop a link. Every error is a {@link ConfigException} of one line
 * naming the file, the link (counted from 1) and the fix.
 */
public final class ToolkitLoader {
  /** Where the jar keeps its toolkit. */
  public static final String BUNDLED = "/toolkit.yml";

  private static final Logger log = LoggerFactory.getLogger(ToolkitLoader.class);
  private static final Set<String> LINK_KEYS = Set.of("title", "url", "events", "models");

  /** The operator's file, or the jar's toolkit when {@code file} is null. */
  public Toolkit load(@Nullable Path file) {
    if (file == null) {
      return bundled();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + " does not exist (copy the jar's toolkit.yml to start one)");
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** The toolkit shipped in the jar. */
  public Toolkit bundled() {
    try (InputStream in = ToolkitLoader.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + BUNDLED);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the jar's toolkit.yml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses toolkit YAML.
   *
   * @param origin names the text in messages, e.g. its path
   * @throws ConfigException on invalid YAML or an invalid link, in one line
   */
  public Toolkit parse(String yaml, String origin) {
    JsonNode root = tree(yaml, origin);
    if (root.isMissingNode() || root.isNull()) {
      throw new ConfigException(origin + " is empty (write links: and a list of links)");
    }
    if (!root.isObject() || !root.has("links") || root.size() != 1) {
      throw new ConfigException(origin + " must have one key, links:, with a list of links");
    }
    JsonNode links = root.get("links");
    if (links.isNull()) {
      return Toolkit.empty();
    }
    if (!links.isArray()) {
      throw new ConfigException(origin + ": links: must be a list, each item starting with -");
    }
    List<Toolkit.Link> read = new ArrayList<>();
    for (int i = 0; i < links.size(); i++) {
      read.add(new LinkReader(origin + ": link " + (i + 1), links.get(i)).read());
    }
    return new Toolkit(read);
  }

  private static JsonNode tree(String yaml, String origin) {
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
      return root == null ? MissingNode.getInstance() : root;
    } catch (JacksonException e) {
      throw new ConfigException(
          origin + " is not valid YAML" + where(e.getLocation()) + ": " + summary(e));
    }
  }

  private static String where(@Nullable JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /**
   * The parser's message in one line. SnakeYAML writes what it was doing and what went wrong on
   * lines of their own, between indented excerpts of the file; the unindented lines say it all.
   */
  static String summary(JacksonException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    return message
        .lines()
        .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
        .collect(Collectors.joining("; "));
  }

  /** One link of the file, read with {@code where} ("toolkit.yml: link 3") in every error. */
  private static final class LinkReader {
    private final String where;
    private final JsonNode node;

    LinkReader(String where, JsonNode node) {
      this.where = where;
      this.node = node;
    }

    Toolkit.Link read() {
      if (!node.isObject()) {
        throw error("is not a mapping", "give it title: and url: keys");
      }
      rejectUnknownKeys();
      Map<Language, String> titles = titles(node.path("title"));
      String url = url(node.path("url"));
      Set<ChangeEvent.Type> events =
          names("events", ChangeEvent.Type.class, ChangeEvent.Type::valueOf);
      Set<Model> models = names("models", Model.class, Model::valueOf);
      warnOfMissingTitles(titles, url);
      try {
        return new Toolkit.Link(titles, url, events, models);
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage(), "fix the link");
      }
    }

    private void rejectUnknownKeys() {
      Iterator<String> keys = node.fieldNames();
      while (keys.hasNext()) {
        String key = keys.next();
        if (!LINK_KEYS.contains(key)) {
          throw error("unknown key " + key, "the keys are events, models, title and url");
        }
      }
    }

    private Map<Language, String> titles(JsonNode title) {
      Map<Language, String> titles = new EnumMap<>(Language.class);
      if (title.isTextual()) {
        titles.put(Language.EN, title.asText());
      } else if (title.isObject()) {
        for (Map.Entry<String, JsonNode> e : title.properties()) {
          titles.put(language(e.getKey()), text(e.getValue()));
        }
      } else {
        throw error("has no title", "add title: with en: (and es:) under it");
      }
      if (!titles.containsKey(Language.EN) || titles.get(Language.EN).isBlank()) {
        throw error("has no English title", "add en: under title:");
      }
      return titles;
    }

    private Language language(String code) {
      for (Language l : Language.values()) {
        if (l.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
          return l;
        }
      }
      throw error("title in unknown language " + code, "the languages are " + languages());
    }

    private String text(JsonNode value) {
      if (!value.isTextual() || value.asText().isBlank()) {
        throw error("has an empty or non-text title", "write each title as text in quotes");
      }
      return value.asText();
    }

    private String url(JsonNode url) {
      if (!url.isTextual() || url.asText().isBlank()) {
        throw error("has no url", "add url: https://...");
      }
      return url.asText().trim();
    }

    /** An optional list of enum names; every constant when the key is left out. */
    private <E extends Enum<E>> Set<E> names(String key, Class<E> type, Function<String, E> of) {
      JsonNode list = node.path(key);
      if (list.isMissingNode() || list.isNull()) {
        return EnumSet.allOf(type);
      }
      if (!list.isArray() || list.isEmpty()) {
        throw error(
            key + ": must be a non-empty list like [" + allNames(type).get(0) + "]",
            "leave " + key + ": out to mean all");
      }
      Set<E> set = EnumSet.noneOf(type);
      for (JsonNode item : list) {
        String name = item.asText().trim().toUpperCase(Locale.ROOT);
        if (!allNames(type).contains(name)) {
          throw error(
              key + ": unknown " + item.asText(), "use " + String.join(", ", allNames(type)));
        }
        set.add(of.apply(name));
      }
      return set;
    }

    private void warnOfMissingTitles(Map<Language, String> titles, String url) {
      for (Language l : Language.values()) {
        if (!titles.containsKey(l)) {
          log.warn(
              "{} ({}) has no {} title; those alerts show the English one", where, url, l.code());
        }
      }
    }

    private ConfigException error(@Nullable String problem, String fix) {
      return new ConfigException(where + ": " + problem + " (" + fix + ")");
    }
  }

  private static <E extends Enum<E>> List<String> allNames(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
  }

  private static String languages() {
    return Arrays.stream(Language.values()).map(Language::code).collect(Collectors.joining(", "));
  }
}
