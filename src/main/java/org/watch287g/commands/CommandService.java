package org.watch287g.commands;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.AlertComposer;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.PageLinks;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.County;
import org.watch287g.geo.CountyQuery;
import org.watch287g.geo.Gazetteer;
import org.watch287g.maps.MapPainter;
import org.watch287g.maps.Outlines;

/**
 * Answers commands, the same way on every platform, from local state only (no network), well inside
 * the platforms' three-second deadlines.
 *
 * <p>Contract: {@link #handle} never throws. Bad input gets an {@link Reply.Invalid} saying what to
 * write instead; a person who may not change the channel gets a {@link Reply.Refused}; an
 * unexpected failure (a broken database, say) is logged and answered with a short apology, never a
 * stack trace.
 *
 * <p>Thread-safe: platforms may call it from several threads.
 */
public final class CommandService {
  private static final System.Logger log = System.getLogger(CommandService.class.getName());

  /** {@code status TX csv}, {@code status FL statewide} (or Spanish {@code estatal}). */
  private static final Pattern VIEW =
      Pattern.compile("(?:^|\\s+)(csv|statewide|estatal)$", Pattern.CASE_INSENSITIVE);

  private final CommandParser parser = new CommandParser();
  private final PlaceReader places;
  private final StatusLookup statuses;
  private final PageLinks pages;
  private final MapLookup maps;
  private final MapImages images;
  private final ChannelSettings settings;
  private final ChannelCommands channels;
  private final WebhookCommand webhooks;
  private final Observer observer;
  private final @Nullable TestAlert tests;

  /** Told how long each command took to answer (for the operator's metrics). */
  @FunctionalInterface
  public interface Observer {
    /**
     * One command was answered.
     *
     * @param verb the command's verb ("status"), or "invalid" for text that was not one
     */
    void answered(ChannelRef channel, String verb, Duration took);
  }

  public CommandService(
      CountyQuery query,
      Gazetteer gazetteer,
      AgencyResolver resolver,
      PublishedLists lists,
      ChannelSettings settings,
      Clock clock) {
    this(query, gazetteer, resolver, lists, settings, clock, (channel, verb, took) -> {});
  }

  public CommandService(
      CountyQuery query,
      Gazetteer gazetteer,
      AgencyResolver resolver,
      PublishedLists lists,
      ChannelSettings settings,
      Clock clock,
      Observer observer) {
    this(query, gazetteer, resolver, lists, settings, clock, observer, null, null, PageLinks.NONE);
  }

  /**
   * The service with {@code /287g test} (when a composer and a poster are given: it composes a
   * sample alert and posts it through the channel's platform), whose {@code status} replies link to
   * the place's public page (unless {@link PageLinks#NONE}).
   */
  public CommandService(
      CountyQuery query,
      Gazetteer gazetteer,
      AgencyResolver resolver,
      PublishedLists lists,
      ChannelSettings settings,
      Clock clock,
      Observer observer,
      @Nullable AlertComposer composer,
      @Nullable AlertPoster poster,
      PageLinks pages) {
    this(
        query, gazetteer, resolver, lists, settings, clock, observer, composer, poster, pages,
        null);
  }

  /**
   * The service as above, where channel managers may also register a webhook ({@code /287g
   * webhook}) when {@code webhooks} is given; without it, the command says the bot does not offer
   * them.
   */
  public CommandService(
      CountyQuery query,
      Gazetteer gazetteer,
      AgencyResolver resolver,
      PublishedLists lists,
      ChannelSettings settings,
      Clock clock,
      Observer observer,
      @Nullable AlertComposer composer,
      @Nullable AlertPoster poster,
      PageLinks pages,
      @Nullable Webhooks webhooks) {
    this.webhooks = new WebhookCommand(webhooks, clock);
    this.pages = pages;
    this.observer = observer;
    this.tests =
        composer == null || poster == null
            ? null
            : new TestAlert(lists, resolver, composer, settings, poster);
    this.places = new PlaceReader(query);
    this.statuses = new StatusLookup(lists, resolver, gazetteer);
    this.maps = new MapLookup(statuses, gazetteer);
    this.images = new MapImages(() -> new MapPainter(Outlines.bundled()));
    this.settings = settings;
    this.channels = new ChannelCommands(places, settings, gazetteer, clock, webhooks);
  }

  /**
   * A reply and the language to render it in.
   *
   * @param language the channel's language after the command (so {@code language es} is confirmed
   *     in Spanish)
   */
  public record Response(Reply reply, Language language) {
    /** The reply as plain text in its language. */
    public String plainText() {
      return reply.plainText(language);
    }
  }

  /** Reads and answers the text typed after {@code /287g}. Never throws. */
  public Response respond(String text, Invoker invoker) {
    return respond(parser.parse(text, invoker), invoker);
  }

  /**
   * Answers text a platform has already read (to decide how to answer: at once, or later after
   * asking who may manage the channel), as asked by {@code invoker}. Never throws.
   */
  public Response respond(CommandParser.Parsed parsed, Invoker invoker) {
    long start = System.nanoTime();
    Reply reply =
        parsed instanceof CommandParser.Ready r
            ? handle(r.command().by(invoker))
            : ((CommandParser.Rejected) parsed).reply();
    Response response = new Response(reply, language(invoker.channel()));
    String verb = parsed instanceof CommandParser.Ready r ? r.command().verb().word() : "invalid";
    try {
      observer.answered(invoker.channel(), verb, Duration.ofNanos(System.nanoTime() - start));
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "a command observer failed", e);
    }
    return response;
  }

  /**
   * What is known about a place, exactly as {@code status} answers it: for the public pages and
   * exports, which show the same agreements the chat does.
   */
  public Status status(Place place) {
    return statuses.status(place);
  }

  /** Answers a command. Never throws. */
  public Reply handle(Command command) {
    try {
      return answer(command);
    } catch (RuntimeException e) {
      log.log(Level.ERROR, "cannot answer /287g " + command.verb().word(), e);
      return new Reply.Invalid(Phrase.of("reply.unexpected"), null);
    }
  }

  /**
   * The status of the place some text names, as {@code /287g status} gives it: a {@link
   * Reply.StatusReply}, or the reply that asks again. For the {@code status} CLI. Never throws.
   */
  public Reply status(String text) {
    if (text.strip().length() > Command.MAX_ARGUMENT) {
      return new Reply.Invalid(Phrase.of("reply.tooLong", Command.MAX_ARGUMENT), null);
    }
    return handle(new Command(Verb.STATUS, text, Invoker.console(), false));
  }

  /**
   * The map of the place some text names ("" for the whole country), as {@code /287g map} gives it:
   * a {@link Reply.MapReply}, or the reply that asks again. For the {@code map} CLI. Never throws.
   */
  public Reply map(String text) {
    if (text.strip().length() > Command.MAX_ARGUMENT) {
      return new Reply.Invalid(Phrase.of("reply.tooLong", Command.MAX_ARGUMENT), null);
    }
    return handle(new Command(Verb.MAP, text, Invoker.console(), false));
  }

  /**
   * A token that changes whenever ICE's lists served (and so every status, map and page) change:
   * for whoever keeps answers, such as the public pages.
   */
  public String listsVersion() {
    return statuses.version();
  }

  /**
   * The map of a place ({@code null} for the country), drawn as {@code map} draws it, for the
   * public pages; drawn once per map and language and then kept.
   */
  public MapImage mapImage(@Nullable Place place, Language language) {
    return images.image(maps.map(place), language);
  }

  /** The language a channel's replies are written in (English for a channel never set up). */
  public Language language(ChannelRef channel) {
    try {
      return settings.options(channel).language();
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "cannot read the language of " + channel, e);
      return Language.EN;
    }
  }

  private Reply answer(Command command) {
    Verb verb = command.verb();
    if (verb.changesChannel() && !command.invoker().canManage()) {
      return new Reply.Refused(Phrase.of("reply.refused"));
    }
    return switch (verb) {
      case STATUS -> status(command);
      case MAP -> map(command);
      case HELP -> new Reply.Help(List.of(Verb.values()));
      case WEBHOOK -> webhooks.handle(command);
      case TEST ->
          tests == null
              ? Reply.Text.privately(Phrase.of("reply.test.unavailable"))
              : tests.send(command.invoker().channel());
      default -> channels.handle(command);
    };
  }

  private Reply map(Command command) {
    String text = command.argument();
    if (text.isEmpty()) {
      return new Reply.MapReply(maps.map(null), List.of(), !command.share(), images::image);
    }
    PlaceReader.Reading reading = places.read(Verb.MAP, text, false);
    if (!(reading instanceof PlaceReader.Found f)) {
      return ((PlaceReader.Asked) reading).reply();
    }
    List<Phrase> notes = new ArrayList<>();
    if (f.corrected()) {
      notes.add(Phrase.of("reply.status.readAs", text, f.place()));
    }
    return new Reply.MapReply(maps.map(f.place()), notes, !command.share(), images::image);
  }

  private Reply status(Command command) {
    String text = command.argument();
    Reply.StatusReply.View view = Reply.StatusReply.View.PLACE;
    Matcher m = VIEW.matcher(text);
    if (m.find()) {
      String word = m.group(1).toLowerCase(Locale.ROOT);
      view = word.equals("csv") ? Reply.StatusReply.View.CSV : Reply.StatusReply.View.STATEWIDE;
      text = text.substring(0, m.start()).strip();
    }
    PlaceReader.Reading reading = places.read(Verb.STATUS, text, false);
    if (!(reading instanceof PlaceReader.Found f)) {
      return ((PlaceReader.Asked) reading).reply();
    }
    List<Phrase> notes = new ArrayList<>();
    if (f.corrected()) {
      notes.add(Phrase.of("reply.status.readAs", text, f.place()));
    }
    notes.addAll(f.notes());
    // The statewide agencies are the state's, whichever county was named.
    Place place =
        view == Reply.StatusReply.View.STATEWIDE ? Place.of(f.place().state()) : f.place();
    County county = place.county();
    (county == null ? pages.state(place.state()) : pages.county(county.fips()))
        .ifPresent(url -> notes.add(Phrase.of("reply.status.page", url)));
    return new Reply.StatusReply(statuses.status(place), notes, !command.share(), view);
  }
}
