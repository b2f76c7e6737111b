package org.watch287g.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.AlertComposer;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Texts;
import org.watch287g.commands.CommandService;
import org.watch287g.commands.Place;
import org.watch287g.commands.Status;
import org.watch287g.commands.StatusCsv;
import org.watch287g.config.WebConfig;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.County;
import org.watch287g.geo.CountyQuery;
import org.watch287g.geo.Gazetteer;
import org.watch287g.web.PageViews.Event;
import org.watch287g.web.PageViews.Head;
import org.watch287g.web.PageViews.Link;
import org.watch287g.web.PageViews.Row;
import org.watch287g.web.PageViews.Words;

/**
 * The public, read-only pages: the national picture at {@code /}, a page for every state ({@code
 * /state/TX}) and county ({@code /county/48201}), the same as CSV and JSON ({@code .csv}, {@code
 * .json}) and every agreement at {@code /agreements.csv} and {@code /agreements.json}.
 *
 * <p>A place may be written any way {@code /287g status} reads it ({@code /county/harris-tx},
 * {@code /search?q=Harris County, Texas}): such an address redirects to the place's own, and one
 * nobody can read gets a 404 page with suggestions. Every page is in English or Spanish ({@code
 * ?lang=es}, else the browser's {@code Accept-Language}), works without JavaScript, and shows what
 * {@code status} shows, from the same code: a page never disagrees with the chat.
 *
 * <p>Only GET and HEAD; nothing a client sends is stored or logged. Every value from ICE or the
 * client reaches HTML through jte's escaping, CSV through {@link StatusCsv}'s formula guard, JSON
 * through Jackson.
 */
public final class PlacePages implements HttpRoute {
  private static final Pattern FIPS = Pattern.compile("[0-9]{5}");
  private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
  private static final String HTML = "text/html; charset=utf-8";

  /** How many changes the national feed carries. */
  private static final int FEED_LENGTH = 50;

  private static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy",
          "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self';"
              + " base-uri 'none';"
              + " frame-ancestors 'none'",
          "X-Content-Type-Options",
          "nosniff",
          "Referrer-Policy",
          "no-referrer",
          "Cache-Control",
          "public, max-age=300");

  private final CommandService commands;
  private final CountyQuery places;
  private final Gazetteer gazetteer;
  private final WebConfig config;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final ObjectMapper json = new ObjectMapper();

  /** Pages kept, by address, language and the lists' version; least recently used go first. */
  private final Map<String, HttpAnswer> kept;

  private final int keep;

  public PlacePages(
      CommandService commands, CountyQuery places, Gazetteer gazetteer, WebConfig config) {
    this.keep = config.cacheSize();
    this.kept =
        new java.util.LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, HttpAnswer> eldest) {
            return size() > keep;
          }
        };
    this.commands = commands;
    this.places = places;
    this.gazetteer = gazetteer;
    this.config = config;
  }

  /** Mounts the pages on a server. */
  public void mountOn(PublicHttpServer server) {
    server.route("/", this);
    server.route("/search", this);
    server.route("/agreements.csv", this);
    server.route("/agreements.json", this);
    server.route("/feed.atom", this);
    server.routeUnder("/state/", this);
    server.routeUnder("/county/", this);
  }

  @Override
  public int maxBody() {
    return 0;
  }

  @Override
  public java.util.Set<String> methods() {
    return java.util.Set.of("GET", "HEAD", "OPTIONS");
  }

  @Override
  public HttpAnswer answer(HttpCall call) {
    if (keep == 0 || call.method().equals("OPTIONS")) {
      return compute(call);
    }
    // Only the address and the language decide an answer (and the lists behind it).
    Map<String, String> query = Query.parse(call.query());
    String key =
        commands.listsVersion()
            + " "
            + language(query.get("lang"), call.header("accept-language"))
            + " "
            + call.path()
            + " "
            + query.getOrDefault("q", "");
    synchronized (kept) {
      HttpAnswer answer = kept.get(key);
      if (answer != null) {
        return answer;
      }
    }
    HttpAnswer answer = compute(call);
    if (answer.status() < 500) {
      synchronized (kept) {
        kept.put(key, answer);
      }
    }
    return answer;
  }

  private HttpAnswer compute(HttpCall call) {
    if (call.method().equals("OPTIONS")) {
      return new HttpAnswer(204, "text/plain", new byte[0], Map.of("Allow", "GET, HEAD"));
    }
    Map<String, String> query = Query.parse(call.query());
    Language language = language(query.get("lang"), call.header("accept-language"));
    String path = call.path();
    if (path.equals("/")) {
      return html(200, templates("home.jte", home(language)));
    }
    if (path.equals("/search")) {
      return search(query.getOrDefault("q", ""), language);
    }
    if (path.equals("/agreements.csv")) {
      return csv("287g-agreements.csv", allCsv());
    }
    if (path.equals("/agreements.json")) {
      return jsonAnswer(allJson());
    }
    if (path.equals("/feed.atom")) {
      return atom(nationalFeed(language));
    }
    String rest = path.startsWith("/state/") ? path.substring(7) : path.substring(8);
    String format = "";
    int dot = rest.lastIndexOf('.');
    if (dot > 0
        && (rest.endsWith(".csv")
            || rest.endsWith(".json")
            || rest.endsWith(".atom")
            || rest.endsWith(".png"))) {
      format = rest.substring(dot + 1);
      rest = rest.substring(0, dot);
    }
    Optional<Place> exact = exactly(path.startsWith("/state/"), rest);
    if (exact.isEmpty()) {
      return search(rest.replace('-', ' '), language);
    }
    if (format.equals("png")) {
      return png(commands.mapImage(exact.get(), language).png());
    }
    Status status = commands.status(exact.get());
    return switch (format) {
      case "csv" -> csv(StatusCsv.fileName(status), StatusCsv.content(status));
      case "json" -> jsonAnswer(statusJson(status));
      case "atom" -> atom(placeFeed(status, language));
      default -> html(200, templates("place.jte", place(status, language)));
    };
  }

  /** A place under its own address: a state's postal code, a county's current FIPS code. */
  private Optional<Place> exactly(boolean state, String code) {
    if (state && STATE.matcher(code).matches()) {
      return UsState.parse(code).map(Place::of);
    }
    if (!state && FIPS.matcher(code).matches()) {
      return gazetteer.county(code).map(Place::of);
    }
    return Optional.empty();
  }

  /** Reads any phrasing and redirects to the place's own page, or answers 404 with suggestions. */
  private HttpAnswer search(String text, Language language) {
    String q = text.strip();
    CountyQuery.Result result =
        q.isEmpty() || q.length() > CountyQuery.MAX_LENGTH
            ? new CountyQuery.NoMatch("", List.of())
            : places.parse(q);
    String lang = language == Language.ES ? "?lang=es" : "";
    if (result instanceof CountyQuery.StateMatch s) {
      return redirect(path(Place.of(s.state())) + lang);
    }
    if (result instanceof CountyQuery.CountyMatch c) {
      return redirect(path(Place.of(c.county())) + lang);
    }
    Texts t = Texts.of(language);
    List<Link> suggestions = new ArrayList<>();
    for (County county : result.candidates()) {
      suggestions.add(new Link(path(Place.of(county)) + lang, county.label()));
    }
    PageViews.NotFound page =
        new PageViews.NotFound(
            head(t, t.text("web.notFound.title"), "", "/search", language),
            words(t),
            t.text("web.notFound.text", q),
            t.text("web.notFound.suggestions"),
            suggestions);
    return html(404, templates("notfound.jte", page));
  }

  private PageViews.Place place(Status status, Language language) {
    Texts t = Texts.of(language);
    Place place = status.place();
    String name = place.label(language);
    String lang = language == Language.ES ? "?lang=es" : "";
    List<Link> up = new ArrayList<>();
    up.add(new Link("/" + lang, t.text("web.home")));
    if (place.county() != null) {
      up.add(
          new Link(
              path(Place.of(place.state())) + lang, t.text("web.state", t.state(place.state()))));
    }
    List<Event> changes = new ArrayList<>();
    for (Status.Change change : status.recent()) {
      changes.add(
          new Event(t.date(change.detected()), AlertComposer.headline(change.event(), name, t)));
    }
    String description =
        t.text("web.place.description", name, status.agreements().size(), status.pending().size());
    return new PageViews.Place(
        head(t, t.text("web.place.title", name), description, path(place), language),
        words(t),
        t.text("web.place.title", name),
        asOf(t, status.agreementsAsOf()),
        rows(status.agreements(), t),
        rows(status.pending(), t),
        changes,
        List.of(
            new Link(path(place) + ".csv", "CSV"),
            new Link(path(place) + ".json", "JSON"),
            new Link(path(place) + ".atom", "Atom")),
        up,
        new Link(path(place) + ".png" + lang, commands.mapImage(place, language).altText()));
  }

  private PageViews.Home home(Language language) {
    Texts t = Texts.of(language);
    String lang = language == Language.ES ? "?lang=es" : "";
    int agreements = 0;
    int pending = 0;
    LocalDate asOf = null;
    List<Link> states = new ArrayList<>();
    for (UsState state : UsState.values()) {
      Status status = commands.status(Place.of(state));
      agreements += status.agreements().size();
      pending += status.pending().size();
      asOf = status.agreementsAsOf();
      if (!status.agreements().isEmpty() || !status.pending().isEmpty()) {
        states.add(
            new Link(
                path(Place.of(state)) + lang,
                t.text(
                    "web.home.state",
                    t.state(state),
                    status.agreements().size(),
                    status.pending().size())));
      }
    }
    return new PageViews.Home(
        head(t, t.text("web.home.title"), t.text("web.home.description"), "/", language),
        words(t),
        t.text("web.home.totals", agreements, pending),
        asOf(t, asOf),
        t.text("web.home.states"),
        states);
  }

  /** The changes the bot alerts about in one place, newest first. */
  private PageViews.Feed placeFeed(Status status, Language language) {
    Texts t = Texts.of(language);
    String name = status.place().label(language);
    String page = path(status.place());
    List<PageViews.Entry> entries = new ArrayList<>();
    for (Status.Change change : status.recent()) {
      if (change.event().alerts()) {
        entries.add(entry(change, name, page, t));
      }
    }
    return feed(t, t.text("web.place.title", name), "feed:" + page.substring(1), page, entries);
  }

  /** The newest changes the bot alerts about anywhere, newest first. */
  private PageViews.Feed nationalFeed(Language language) {
    Texts t = Texts.of(language);
    List<Status.Change> all = new ArrayList<>();
    for (UsState state : UsState.values()) {
      for (Status.Change change : commands.status(Place.of(state)).recent()) {
        if (change.event().alerts()) {
          all.add(change);
        }
      }
    }
    all.sort(
        java.util.Comparator.comparing(Status.Change::detectedAt)
            .thenComparingLong(Status.Change::id)
            .reversed());
    List<PageViews.Entry> entries = new ArrayList<>();
    for (Status.Change change : all.subList(0, Math.min(FEED_LENGTH, all.size()))) {
      UsState state = change.event().agreement().state();
      entries.add(entry(change, t.state(state), path(Place.of(state)), t));
    }
    return feed(t, t.text("web.home.title"), "feed:national", "/", entries);
  }

  private PageViews.Entry entry(Status.Change change, String where, String page, Texts t) {
    String title = AlertComposer.headline(change.event(), where, t);
    return new PageViews.Entry(
        "urn:watch287g:change:" + change.id(),
        title,
        change.detectedAt().toString(),
        absolute(page),
        title + " (" + t.date(change.detected()) + ")");
  }

  private PageViews.Feed feed(
      Texts t, String title, String id, String page, List<PageViews.Entry> entries) {
    String updated =
        entries.isEmpty() ? java.time.Instant.EPOCH.toString() : entries.get(0).updated();
    String self =
        config
            .link(page.equals("/") ? "/feed.atom" : page + ".atom")
            .map(Object::toString)
            .orElse("");
    return new PageViews.Feed(
        t.language() == Language.ES ? "es" : "en",
        title,
        t.text("web.source"),
        "urn:watch287g:" + id,
        updated,
        absolute(page),
        self,
        entries);
  }

  private String absolute(String path) {
    return config.link(path).map(Object::toString).orElse(path);
  }

  private HttpAnswer atom(PageViews.Feed feed) {
    return new HttpAnswer(
        200,
        "application/atom+xml; charset=utf-8",
        templates("feed.jte", feed).strip().getBytes(StandardCharsets.UTF_8),
        HEADERS);
  }

  private static List<Row> rows(List<Status.Entry> entries, Texts t) {
    List<Row> rows = new ArrayList<>();
    for (Status.Entry e : entries) {
      Agreement a = e.agreement();
      String where =
          switch (e.reach()) {
            case STATEWIDE -> t.text("web.statewide");
            case UNKNOWN -> t.text("web.unplaced");
            case COUNTIES -> String.join(", ", e.counties());
          };
      rows.add(
          new Row(
              a.agency(),
              t.text("model." + a.model().name() + ".title"),
              a.signed() == null ? "" : t.date(a.signed()),
              a.moaUrl() == null ? "" : a.moaUrl(),
              where));
    }
    return rows;
  }

  private Head head(Texts t, String title, String description, String path, Language language) {
    String canonical = config.link(path).map(Object::toString).orElse("");
    String other = language == Language.ES ? path : path + "?lang=es";
    return new Head(
        language == Language.ES ? "es" : "en",
        title,
        description,
        canonical,
        new Link(other, t.text("web.otherLanguage")));
  }

  private static Words words(Texts t) {
    return new Words(
        t.text("web.agreements"),
        t.text("web.pending"),
        t.text("web.changes"),
        t.text("web.none"),
        t.text("web.column.agency"),
        t.text("web.column.model"),
        t.text("web.column.signed"),
        t.text("web.column.moa"),
        t.text("web.column.reach"),
        t.text("web.column.date"),
        t.text("web.column.change"),
        t.text("web.search.label"),
        t.text("web.search.button"),
        t.text("web.source"));
  }

  private static String asOf(Texts t, @Nullable LocalDate date) {
    return date == null ? t.text("web.notRead") : t.text("web.asOf", t.date(date));
  }

  /** A place's own address: {@code /state/TX} or {@code /county/48201}. */
  public static String path(Place place) {
    County county = place.county();
    return county == null ? "/state/" + place.state().code() : "/county/" + county.fips();
  }

  private String templates(String name, Object page) {
    StringOutput out = new StringOutput();
    templates.render(name, page, out);
    return out.toString();
  }

  private String allCsv() {
    StringBuilder all = new StringBuilder();
    for (UsState state : UsState.values()) {
      String one = StatusCsv.content(commands.status(Place.of(state)));
      // Each state's file starts with the header; the whole list has it once.
      all.append(all.length() == 0 ? one : one.substring(one.indexOf("\r\n") + 2));
    }
    return all.toString();
  }

  private ObjectNode allJson() {
    ObjectNode root = json.createObjectNode();
    ArrayNode agreements = root.putArray("agreements");
    ArrayNode pending = root.putArray("pending");
    for (UsState state : UsState.values()) {
      Status status = commands.status(Place.of(state));
      status.agreements().forEach(e -> agreements.add(entry(e)));
      status.pending().forEach(e -> pending.add(entry(e)));
      if (status.agreementsAsOf() != null) {
        root.put("agreementsAsOf", status.agreementsAsOf().toString());
      }
      if (status.pendingAsOf() != null) {
        root.put("pendingAsOf", status.pendingAsOf().toString());
      }
    }
    return root;
  }

  private ObjectNode statusJson(Status status) {
    ObjectNode root = json.createObjectNode();
    ObjectNode place = root.putObject("place");
    County county = status.place().county();
    place.put("state", status.place().state().code());
    place.put("name", status.place().label(Language.EN));
    if (county != null) {
      place.put("fips", county.fips());
    }
    root.put(
        "agreementsAsOf",
        status.agreementsAsOf() == null ? null : status.agreementsAsOf().toString());
    root.put("pendingAsOf", status.pendingAsOf() == null ? null : status.pendingAsOf().toString());
    ArrayNode agreements = root.putArray("agreements");
    status.agreements().forEach(e -> agreements.add(entry(e)));
    ArrayNode pending = root.putArray("pending");
    status.pending().forEach(e -> pending.add(entry(e)));
    return root;
  }

  private ObjectNode entry(Status.Entry e) {
    Agreement a = e.agreement();
    ObjectNode row = json.createObjectNode();
    row.put("agency", a.agency());
    row.put("state", a.state().code());
    row.put("model", a.model().name());
    row.put("signed", a.signed() == null ? null : a.signed().toString());
    row.put("moa", a.moaUrl());
    row.put("moaPending", a.moaPending());
    row.put("reach", e.reach().name().toLowerCase(Locale.ROOT));
    ArrayNode counties = row.putArray("counties");
    e.counties().forEach(counties::add);
    return row;
  }

  private static HttpAnswer html(int status, String page) {
    return new HttpAnswer(status, HTML, page.getBytes(StandardCharsets.UTF_8), HEADERS);
  }

  private static HttpAnswer png(byte[] image) {
    return new HttpAnswer(200, "image/png", image, HEADERS);
  }

  private static HttpAnswer csv(String fileName, String content) {
    return new HttpAnswer(
            200, "text/csv; charset=utf-8", content.getBytes(StandardCharsets.UTF_8), HEADERS)
        .with("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
  }

  private HttpAnswer jsonAnswer(ObjectNode node) {
    try {
      return new HttpAnswer(
          200,
          "application/json",
          json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node),
          HEADERS);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpAnswer redirect(String location) {
    return new HttpAnswer(303, "text/plain", new byte[0], Map.of("Location", location));
  }

  /**
   * The reader's language: {@code ?lang=}, else the first of {@code Accept-Language} that the bot
   * speaks, else English.
   */
  static Language language(@Nullable String lang, @Nullable String acceptLanguage) {
    if (lang != null) {
      return Language.parse(lang).orElse(Language.EN);
    }
    if (acceptLanguage != null) {
      for (String range : acceptLanguage.split(",", 20)) {
        String tag = range.strip().toLowerCase(Locale.ROOT);
        if (tag.startsWith("es")) {
          return Language.ES;
        }
        if (tag.startsWith("en")) {
          return Language.EN;
        }
      }
    }
    return Language.EN;
  }

  /** The query string's parameters, decoded; the first of a repeated name wins. */
  static final class Query {
    private Query() {}

    static Map<String, String> parse(String raw) {
      Map<String, String> params = new java.util.LinkedHashMap<>();
      if (raw.isEmpty() || raw.length() > 2_000) {
        return params;
      }
      for (String pair : raw.split("&", 20)) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        try {
          params.putIfAbsent(
              URLDecoder.decode(name, StandardCharsets.UTF_8),
              URLDecoder.decode(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          // a malformed %-escape: that parameter is ignored
        }
      }
      return params;
    }
  }
}
