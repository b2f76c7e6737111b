package org.watch287g.alerts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Model;

/**
 * The "what you can do" links alerts end with, each suited to some events and models: a toolkit for
 * fighting a new agreement is no help when one ends, and a guide to patrol officers' work with ICE
 * fits the Task Force Model only.
 *
 * <p>Read from {@code toolkit.yml} (the jar's, or an operator's) by {@code config.ToolkitLoader}.
 *
 * @param links in the order alerts show them
 */
public record Toolkit(List<Link> links) {

  public Toolkit {
    links = List.copyOf(links);
  }

  /** A toolkit with no links: alerts then end without a "what you can do" section. */
  public static Toolkit empty() {
    return new Toolkit(List.of());
  }

  /** The links suited to this event and model, in file order; empty when none is. */
  public List<Link> linksFor(ChangeEvent.Type type, Model model) {
    List<Link> suited = new ArrayList<>();
    for (Link link : links) {
      if (link.suits(type, model)) {
        suited.add(link);
      }
    }
    return suited;
  }

  /**
   * One link.
   *
   * @param titles the link's title per language; English is required, since it stands in for a
   *     language the operator wrote no title in
   * @param url an absolute http or https URL
   * @param events the event types it suits (not empty)
   * @param models the models it suits (not empty)
   */
  public record Link(
      Map<Language, String> titles, String url, Set<ChangeEvent.Type> events, Set<Model> models) {

    public Link {
      titles = copyTitles(titles);
      checkUrl(url);
      if (events.isEmpty() || models.isEmpty()) {
        throw new IllegalArgumentException(
            "a link that suits no event or no model would never be shown: " + url);
      }
      events = Set.copyOf(EnumSet.copyOf(events));
      models = Set.copyOf(EnumSet.copyOf(models));
    }

    /** A link for every event and model. */
    public static Link always(Map<Language, String> titles, String url) {
      return new Link(
          titles, url, EnumSet.allOf(ChangeEvent.Type.class), EnumSet.allOf(Model.class));
    }

    /** The title in this language, or in English when the file gives none in it. */
    public String title(Language language) {
      String title = titles.get(language);
      // English is always there: the constructor requires it.
      return title != null ? title : Objects.requireNonNull(titles.get(Language.EN));
    }

    /** Whether alerts about this event type and model show this link. */
    public boolean suits(ChangeEvent.Type type, Model model) {
      return events.contains(type) && models.contains(model);
    }

    private static Map<Language, String> copyTitles(Map<Language, String> titles) {
      if (!titles.containsKey(Language.EN)) {
        throw new IllegalArgumentException("a link needs an English title");
      }
      Map<Language, String> copy = new EnumMap<>(Language.class);
      titles.forEach(
          (language, title) -> {
            if (title.isBlank()) {
              throw new IllegalArgumentException("blank " + language.code() + " title");
            }
            copy.put(language, title.strip());
          });
      return Map.copyOf(copy);
    }

    private static void checkUrl(String url) {
      Objects.requireNonNull(url, "url");
      URI uri;
      try {
        uri = new URI(url);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("not a URL: " + url, e);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException("not an http or https URL: " + url);
      }
    }
  }
}
