package org.watch287g.commands;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.ChannelOptions;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Mention;
import org.watch287g.alerts.Subscription;
import org.watch287g.alerts.Target;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.Gazetteer;

/**
 * The commands about a channel itself: what it follows ({@code subscribe}, {@code unsubscribe},
 * {@code list}) and how it hears ({@code language}, {@code pending}, {@code models}, {@code
 * digest}, {@code note}, {@code mention}). Permission is checked by the caller. Changes are
 * confirmed to the whole channel, since everyone in it is affected; questions and mistakes are
 * answered privately.
 */
final class ChannelCommands {
  private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\s,;]+");

  private final PlaceReader places;
  private final ChannelSettings settings;
  private final Gazetteer gazetteer;
  private final Clock clock;
  private final @Nullable Webhooks webhooks;

  ChannelCommands(
      PlaceReader places,
      ChannelSettings settings,
      Gazetteer gazetteer,
      Clock clock,
      @Nullable Webhooks webhooks) {
    this.webhooks = webhooks;
    this.places = places;
    this.gazetteer = gazetteer;
    this.settings = settings;
    this.clock = clock;
  }

  Reply handle(Command command) {
    return switch (command.verb()) {
      case SUBSCRIBE -> subscribe(command);
      case UNSUBSCRIBE -> unsubscribe(command);
      case LIST -> list(command.invoker().channel());
      case LANGUAGE -> language(command);
      case PENDING -> pending(command);
      case MODELS -> models(command);
      case DIGEST -> digest(command);
      case NOTE -> note(command);
      case MENTION -> mention(command);
      case ADMIN -> admin(command);
      case STATUS, MAP, HELP, TEST, WEBHOOK ->
          throw new IllegalArgumentException("not a channel command: " + command);
    };
  }

  private Reply subscribe(Command command) {
    PlaceReader.Reading reading = places.read(Verb.SUBSCRIBE, command.argument(), true);
    if (!(reading instanceof PlaceReader.Found f)) {
      return ((PlaceReader.Asked) reading).reply();
    }
    Invoker who = command.invoker();
    boolean added = settings.follow(who.channel(), f.place().target(), clock.instant(), who.user());
    return added
        ? Reply.Text.shared(Phrase.of("reply.subscribe.done", f.place()))
        : Reply.Text.privately(Phrase.of("reply.subscribe.already", f.place()));
  }

  private Reply unsubscribe(Command command) {
    PlaceReader.Reading reading = places.read(Verb.UNSUBSCRIBE, command.argument(), true);
    if (!(reading instanceof PlaceReader.Found f)) {
      return ((PlaceReader.Asked) reading).reply();
    }
    return settings.unfollow(command.invoker().channel(), f.place().target())
        ? Reply.Text.shared(Phrase.of("reply.unsubscribe.done", f.place()))
        : Reply.Text.privately(Phrase.of("reply.unsubscribe.not", f.place()));
  }

  private Reply list(ChannelRef channel) {
    Optional<Subscription> found = settings.find(channel);
    ChannelOptions o = found.map(Subscription::options).orElse(ChannelOptions.defaults());
    List<Phrase> lines = new ArrayList<>();
    List<Target> targets =
        found
            .map(s -> s.targets().stream().sorted(ChannelCommands::byCode).toList())
            .orElse(List.of());
    if (targets.isEmpty()) {
      lines.add(Phrase.of("reply.list.none"));
    } else {
      lines.add(Phrase.of("reply.list.follows", targets.size()));
      for (Target t : targets) {
        lines.add(Phrase.of("reply.list.item", place(t)));
      }
    }
    lines.add(
        Phrase.of(
            "reply.list.options",
            Phrase.of("reply.language." + o.language().code()),
            Phrase.of(o.includePending() ? "reply.on" : "reply.off"),
            modelNames(o.models()),
            o.digestThreshold()));
    if (!o.note().isEmpty()) {
      lines.add(Phrase.of("reply.list.note", o.note()));
    }
    if (!o.mention().isEmpty()) {
      lines.add(Phrase.of("reply.list.mention", o.mention()));
    }
    if (webhooks != null) {
      webhooks
          .ownedBy(channel)
          .ifPresent(
              w -> lines.add(Phrase.of("reply.list.webhook", WebhookCommand.shown(w.url()))));
    }
    settings.pausedReason(channel).ifPresent(why -> lines.add(Phrase.of("reply.list.paused", why)));
    return new Reply.Text(lines, true);
  }

  private Reply language(Command command) {
    ChannelRef channel = command.invoker().channel();
    if (command.argument().isEmpty()) {
      Language current = settings.options(channel).language();
      return Reply.Text.privately(
          Phrase.of("reply.language.current", Phrase.of("reply.language." + current.code())));
    }
    Optional<Language> language = Language.parse(command.argument());
    if (language.isEmpty()) {
      return new Reply.Invalid(
          Phrase.of("reply.language.unknown", command.argument()), Verb.LANGUAGE);
    }
    settings.setOptions(
        channel, settings.options(channel).withLanguage(language.get()), clock.instant());
    return Reply.Text.shared(Phrase.of("reply.language.done"));
  }

  /**
   * {@code admin here|off}: where the workspace's own notices go. Without an argument (Slack, the
   * console) it says where they go now.
   */
  private Reply admin(Command command) {
    ChannelRef channel = command.invoker().channel();
    String value = command.argument().strip().toLowerCase(Locale.ROOT);
    if (value.isEmpty()) {
      Optional<String> current = settings.adminChannel(channel.platform(), channel.workspace());
      return Reply.Text.privately(
          Phrase.of(
              current.isEmpty()
                  ? "reply.admin.none"
                  : current.get().equals(channel.channel())
                      ? "reply.admin.here"
                      : "reply.admin.elsewhere"));
    }
    if (HERE.contains(value)) {
      settings.setAdminChannel(channel, clock.instant(), command.invoker().user());
      return Reply.Text.shared(Phrase.of("reply.admin.done"));
    }
    if (value.equals("off") || value.equals("no")) {
      return settings.clearAdminChannel(channel.platform(), channel.workspace())
          ? Reply.Text.shared(Phrase.of("reply.admin.removed"))
          : Reply.Text.privately(Phrase.of("reply.admin.none"));
    }
    return new Reply.Invalid(Phrase.of("reply.admin.invalid", command.argument()), Verb.ADMIN);
  }

  /** The words that make a channel the admin channel: Discord's choice sends "on". */
  private static final Set<String> HERE = Set.of("here", "on", "aquí", "aqui", "sí", "si");

  private Reply pending(Command command) {
    String value = command.argument().toLowerCase(Locale.ROOT);
    boolean on = value.equals("on") || value.equals("sí") || value.equals("si");
    if (!on && !value.equals("off") && !value.equals("no")) {
      return new Reply.Invalid(
          Phrase.of("reply.pending.invalid", command.argument()), Verb.PENDING);
    }
    ChannelRef channel = command.invoker().channel();
    settings.setOptions(channel, settings.options(channel).withIncludePending(on), clock.instant());
    return Reply.Text.shared(Phrase.of(on ? "reply.pending.on" : "reply.pending.off"));
  }

  private Reply models(Command command) {
    Set<Model> models = EnumSet.noneOf(Model.class);
    String text = command.argument().toLowerCase(Locale.ROOT);
    if (text.equals("all") || text.equals("todos")) {
      models = EnumSet.allOf(Model.class);
    } else {
      for (String word : LIST_SEPARATORS.split(text, -1)) {
        Optional<Model> model = Model.parse(word);
        if (model.isEmpty() && !word.isEmpty()) {
          return new Reply.Invalid(Phrase.of("reply.models.invalid", word), Verb.MODELS);
        }
        model.ifPresent(models::add);
      }
    }
    if (models.isEmpty()) {
      // No model at all would silence the channel without saying so: unsubscribe does that openly.
      return new Reply.Invalid(Phrase.of("reply.models.invalid", text), Verb.MODELS);
    }
    ChannelRef channel = command.invoker().channel();
    settings.setOptions(channel, settings.options(channel).withModels(models), clock.instant());
    return Reply.Text.shared(Phrase.of("reply.models.done", modelNames(models)));
  }

  private Reply digest(Command command) {
    int threshold;
    try {
      threshold = Integer.parseInt(command.argument());
    } catch (NumberFormatException e) {
      threshold = 0;
    }
    if (threshold < 1 || threshold > ChannelOptions.MAX_DIGEST_THRESHOLD) {
      return new Reply.Invalid(
          Phrase.of(
              "reply.digest.invalid", command.argument(), ChannelOptions.MAX_DIGEST_THRESHOLD),
          Verb.DIGEST);
    }
    ChannelRef channel = command.invoker().channel();
    settings.setOptions(
        channel, settings.options(channel).withDigestThreshold(threshold), clock.instant());
    return Reply.Text.shared(Phrase.of("reply.digest.done", threshold));
  }

  /**
   * Sets the channel's note: its own line under "what you can do" in every alert. Plain words only:
   * a note that could mention, link to a channel or format is refused (the platforms escape it
   * anyway), so that what managers typed is what members see.
   */
  private Reply note(Command command) {
    ChannelRef channel = command.invoker().channel();
    String text = command.argument();
    ChannelOptions options = settings.options(channel);
    if (text.isEmpty()) {
      return Reply.Text.privately(
          options.note().isEmpty()
              ? Phrase.of("reply.note.none")
              : Phrase.of("reply.note.current", options.note()));
    }
    String word = text.toLowerCase(Locale.ROOT);
    if (word.equals("off") || word.equals("none") || word.equals("no")) {
      settings.setOptions(channel, options.withNote(""), clock.instant());
      return Reply.Text.shared(Phrase.of("reply.note.cleared"));
    }
    if (!plainWords(text)) {
      return new Reply.Invalid(Phrase.of("reply.note.markup"), Verb.NOTE);
    }
    settings.setOptions(channel, options.withNote(text), clock.instant());
    return Reply.Text.shared(Phrase.of("reply.note.done", text));
  }

  /**
   * Sets who the channel's alerts of a new agreement or request ping. The platform's adapter has
   * turned what the person chose into a {@link Mention} token; anything else (a role on Slack, a
   * Slack group on Discord, {@code @everyone}, a name Slack did not recognise as a group) is
   * refused with what to write instead, and nothing is stored.
   */
  private Reply mention(Command command) {
    ChannelRef channel = command.invoker().channel();
    String token = command.argument();
    ChannelOptions options = settings.options(channel);
    if (token.isEmpty()) {
      return Reply.Text.privately(
          options.mention().isEmpty()
              ? Phrase.of("reply.mention.none")
              : Phrase.of("reply.mention.current", options.mention()));
    }
    String word = token.toLowerCase(Locale.ROOT);
    if (word.equals("off") || word.equals("none") || word.equals("no")) {
      settings.setOptions(channel, options.withMention(Mention.NONE), clock.instant());
      return Reply.Text.shared(Phrase.of("reply.mention.cleared"));
    }
    String platform = channel.platform();
    if (!Mention.validFor(platform, token)) {
      String why = platform.equals("slack") || platform.equals("discord") ? platform : "console";
      return new Reply.Invalid(Phrase.of("reply.mention.invalid." + why, token), Verb.MENTION);
    }
    settings.setOptions(channel, options.withMention(token), clock.instant());
    return Reply.Text.shared(Phrase.of("reply.mention.done", token));
  }

  /**
   * Whether a note is plain words: no mention or channel-link syntax ({@code < > @}), no Slack or
   * Discord formatting ({@code * _ ~ ` | [ ] \}), no control or invisible characters.
   */
  static boolean plainWords(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("<>@*_~`|[]\\".indexOf(c) >= 0
          || Character.isISOControl(c)
          || Character.getType(c) == Character.FORMAT
          || c == '\u2028'
          || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  private Place place(Target target) {
    Optional<UsState> state = target.wholeState();
    if (state.isPresent()) {
      return Place.of(state.get());
    }
    return gazetteer.county(target.code()).map(Place::of).orElse(Place.of(target.state()));
  }

  private static String modelNames(Set<Model> models) {
    return String.join(", ", models.stream().sorted().map(Model::name).toList());
  }

  private static int byCode(Target a, Target b) {
    return a.code().compareTo(b.code());
  }
}
