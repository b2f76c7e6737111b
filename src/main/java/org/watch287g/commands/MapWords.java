package org.watch287g.commands;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.Texts;
import org.watch287g.dataset.Model;
import org.watch287g.geo.County;
import org.watch287g.maps.Category;
import org.watch287g.maps.MapPicture;
import org.watch287g.maps.Outlines;

/**
 * An {@link AgreementMap} in words, in one language: the picture's title, legend and notes, the alt
 * text, and the plain-text answer (the console's and every platform's fallback).
 */
final class MapWords {
  /** How many statewide agencies the notes name before "and N more". */
  private static final int NAMED = 2;

  private MapWords() {}

  /** The title: the place. */
  static String title(AgreementMap map, Texts words) {
    Place place = map.place();
    return place == null
        ? words.text("map.title.nation")
        : words.text("map.title", words.state(place.state()));
  }

  /** The lists' dates, as the subtitle says them. */
  static String asOf(AgreementMap map, Texts words) {
    LocalDate agreements = map.agreementsAsOf();
    LocalDate pending = map.pendingAsOf();
    if (agreements == null) {
      return pending == null
          ? words.text("map.asOf.unread")
          : words.text("map.asOf.one", words.date(pending));
    }
    if (pending == null || agreements.equals(pending)) {
      return words.text("map.asOf.one", words.date(agreements));
    }
    return words.text("map.asOf.two", words.date(agreements), words.date(pending));
  }

  /** The legend: the categories with counties, broadest first, each with its count. */
  static List<MapPicture.Legend> legend(AgreementMap map, Texts words) {
    List<MapPicture.Legend> legend = new ArrayList<>();
    for (Category c : List.of(Category.TFM, Category.JEM, Category.WSO, Category.PENDING)) {
      legend.add(new MapPicture.Legend(c, words.text("map.legend." + c.code(), map.count(c))));
    }
    legend.add(
        new MapPicture.Legend(
            Category.NONE, words.text("map.legend.none", map.count(Category.NONE))));
    return legend;
  }

  /** What the legend adds: the statewide agencies, the agreements not placed, the empty map. */
  static List<String> notes(AgreementMap map, Texts words) {
    List<String> notes = new ArrayList<>();
    if (map.empty()) {
      Place place = map.place();
      notes.add(
          words.text(
              "map.nothing",
              place == null ? words.text("map.nation") : words.state(place.state())));
    }
    if (!map.statewide().isEmpty() && map.place() == null) {
      // The country's are too many to name in the picture: the count, and status names them.
      notes.add(words.text("map.statewide.count", map.statewide().size()));
    } else if (!map.statewide().isEmpty()) {
      List<String> named = new ArrayList<>();
      for (AgreementMap.Statewide s : map.statewide()) {
        if (named.size() < NAMED) {
          named.add(
              s.agency()
                  + " ("
                  + s.model().name()
                  + (s.pending() ? ", " + words.text("map.pendingWord") : "")
                  + ")");
        }
      }
      int more = map.statewide().size() - named.size();
      notes.add(
          words.text("map.statewide", map.statewide().size(), String.join("; ", named), more));
    }
    if (map.unplaced() > 0) {
      notes.add(words.text("map.unplaced", map.unplaced()));
    }
    // The outlines are the 50 states' and DC's: say what a territory's agreements are instead.
    java.util.Set<String> offMap = new java.util.TreeSet<>();
    int agreementsOffMap = 0;
    for (AgreementMap.Shade s : map.counties()) {
      if (s.category() != Category.NONE && Outlines.bundled().county(s.fips()).isEmpty()) {
        offMap.add(words.state(s.state()));
        agreementsOffMap += s.agreements();
      }
    }
    if (!offMap.isEmpty()) {
      notes.add(words.text("map.offMap", agreementsOffMap, words.joined(new ArrayList<>(offMap))));
    }
    return notes;
  }

  /**
   * The alt text: the place and date, the counts by model, how many counties are shaded, the
   * statewide agencies and the counties with the most agreements.
   */
  static String alt(AgreementMap map, Texts words) {
    StringBuilder alt = new StringBuilder();
    alt.append(words.text("map.alt.intro", title(map, words), asOf(map, words)));
    List<String> models = new ArrayList<>();
    for (Model m : List.of(Model.TFM, Model.JEM, Model.WSO)) {
      int n = map.byModel().getOrDefault(m, 0);
      if (n > 0) {
        models.add(words.text("map.alt.model", m.name(), n));
      }
    }
    int shaded = map.count(Category.TFM) + map.count(Category.JEM) + map.count(Category.WSO);
    alt.append(' ')
        .append(
            words.text(
                "map.alt.counts",
                map.agreements(),
                models.isEmpty() ? "-" : String.join(", ", models),
                shaded,
                map.counties().size(),
                map.pending(),
                map.count(Category.PENDING)));
    if (!map.statewide().isEmpty()) {
      alt.append(' ').append(words.text("map.alt.statewide", map.statewide().size()));
    }
    if (!map.top().isEmpty()) {
      List<String> top = new ArrayList<>();
      for (AgreementMap.Shade s : map.top()) {
        String name = map.place() == null ? s.name() + ", " + s.state().code() : s.name();
        top.add(words.text("map.alt.county", name, s.agreements()));
      }
      alt.append(' ').append(words.text("map.alt.top", String.join("; ", top)));
    }
    return alt.toString();
  }

  /** The picture to draw. */
  static MapPicture picture(AgreementMap map, Texts words) {
    Map<String, Category> categories = new HashMap<>();
    for (AgreementMap.Shade s : map.counties()) {
      if (s.category() != Category.NONE) {
        categories.put(s.fips(), s.category());
      }
    }
    Map<String, Category> statewide = new HashMap<>();
    for (AgreementMap.Statewide s : map.statewide()) {
      Category c = s.pending() ? Category.PENDING : Category.of(s.model());
      statewide.merge(s.state().fips(), c, (a, b) -> a.broaderThan(b) ? a : b);
    }
    // A pending statewide request alone has no colour to outline its state with.
    statewide.values().removeIf(c -> c == Category.PENDING);
    Place place = map.place();
    County county = place == null ? null : place.county();
    return new MapPicture(
        place == null ? null : place.state().fips(),
        categories,
        county == null ? null : county.fips(),
        statewide,
        List.of(title(map, words), subtitle(map, words, county)),
        legend(map, words),
        notes(map, words),
        words.text("map.source"));
  }

  private static String subtitle(AgreementMap map, Texts words, @Nullable County county) {
    String asOf = asOf(map, words);
    return county == null ? asOf : words.text("map.outlined", county.name(), asOf);
  }

  /** The answer as text: the title, dates, legend and notes, and the alt text's top counties. */
  static void render(Reply.MapReply reply, Texts words, List<String> lines) {
    AgreementMap map = reply.map();
    reply.notes().forEach(p -> lines.add(p.in(words)));
    lines.add(title(map, words));
    lines.add(asOf(map, words));
    for (MapPicture.Legend l : legend(map, words)) {
      lines.add("- " + l.text());
    }
    lines.addAll(notes(map, words));
    lines.add(alt(map, words));
  }
}
