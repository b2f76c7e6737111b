package org.watch287g.commands;

import java.util.Locale;
import java.util.Optional;

/**
 * The commands of {@code /287g}: the one specification every platform shares. Slack reads the words
 * from the text, Discord registers one subcommand per verb (its option, when it takes one, is named
 * by {@link #option()}), the console reads lines. Help texts are the bundle keys {@code
 * verb.<word>.usage}, {@code verb.<word>.help} and {@code verb.<word>.example}.
 */
public enum Verb {
  STATUS("status", Argument.PLACE, false, "estado"),
  SUBSCRIBE("subscribe", Argument.PLACE, true, "follow", "seguir", "suscribir"),
  UNSUBSCRIBE("unsubscribe", Argument.PLACE, true, "unfollow", "dejar"),
  LIST("list", Argument.NONE, false, "lista", "listar"),
  LANGUAGE("language", Argument.LANGUAGE, true, "idioma", "lang"),
  PENDING("pending", Argument.ON_OFF, true, "pendientes"),
  MODELS("models", Argument.MODELS, true, "modelos"),
  DIGEST("digest", Argument.NUMBER, true, "resumen"),
  NOTE("note", Argument.TEXT, true, "nota"),
  MENTION("mention", Argument.MENTION, true, "mencion", "mención"),
  /** A URL that receives the channel's alerts as signed JSON ({@code off} to remove). */
  WEBHOOK("webhook", Argument.TEXT, true),
  /**
   * Makes this channel its workspace's own admin channel ({@code here}, or {@code off}): notices
   * about the workspace's channels go there rather than only to the operator hosting the bot.
   */
  ADMIN("admin", Argument.ON_OFF, true, "administrar"),
  TEST("test", Argument.NONE, true, "prueba"),
  /** A map of a state (or, with no place, of the country); its place is optional. */
  MAP("map", Argument.PLACE, false, "mapa"),
  HELP("help", Argument.NONE, false, "ayuda", "?");

  /** What a verb takes after its word. */
  public enum Argument {
    /** Nothing. */
    NONE,
    /** A county or a state, as {@link org.watch287g.geo.CountyQuery} reads it. */
    PLACE,
    /** {@code en} or {@code es}. */
    LANGUAGE,
    /** {@code on} or {@code off}. */
    ON_OFF,
    /** Model codes separated by commas ({@code jem,tfm}), or {@code all}. */
    MODELS,
    /** A whole number from 1 to 100. */
    NUMBER,
    /** A line of the person's own words ({@code off} to clear). */
    TEXT,
    /**
     * Who alerts ping, as a {@link org.watch287g.alerts.Mention} token the platform's adapter wrote
     * from what the person chose ({@code off} to clear).
     */
    MENTION
  }

  private final String word;
  private final Argument argument;
  private final boolean changesChannel;

  /** The aliases between spaces, " seguir suscribir ": a String, since enums must be immutable. */
  private final String aliases;

  Verb(String word, Argument argument, boolean changesChannel, String... aliases) {
    this.word = word;
    this.argument = argument;
    this.changesChannel = changesChannel;
    this.aliases = " " + String.join(" ", aliases) + " ";
  }

  /** The word typed after {@code /287g}, and Discord's subcommand name: "status". */
  public String word() {
    return word;
  }

  /** What the verb takes. */
  public Argument argument() {
    return argument;
  }

  /**
   * Whether the verb changes what the channel hears, so that only people who may manage the channel
   * may use it (Slack's {@code subscribePermission}, Discord's Manage Channels).
   */
  public boolean changesChannel() {
    return changesChannel;
  }

  /**
   * The name of the verb's one option on platforms with typed options: {@code county} for places
   * (it also takes a state; Discord autocompletes it), {@code role} for a mention (Discord's role
   * picker), else {@code value}; empty when it takes none.
   */
  public Optional<String> option() {
    return switch (argument) {
      case NONE -> Optional.empty();
      case PLACE -> Optional.of("county");
      case MENTION -> Optional.of("role");
      default -> Optional.of("value");
    };
  }

  /** The bundle key of one of the verb's help texts: "usage", "help" or "example". */
  String key(String part) {
    return "verb." + word + "." + part;
  }

  /** The verb a word names (its English word or an alias, any case); empty if none. */
  public static Optional<Verb> parse(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    for (Verb v : values()) {
      if (v.word.equals(w) || v.aliases.contains(" " + w + " ")) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
