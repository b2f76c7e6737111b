package org.watch287g.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.ChannelOptions;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Texts;
import org.watch287g.commands.Verb;

/**
 * The {@code /287g} command as Discord registers it, and the way back: a subcommand and its options
 * into the text the core reads ({@code status harris tx}), so every platform goes through the same
 * parser.
 */
final class SlashCommand {
  static final String NAME = "287g";
  static final String SHARE = "share";

  /**
   * The subcommands offered on Discord: every verb, so that {@code /287g help} (which lists them
   * all) is true on Discord as on Slack and the console.
   */
  static final List<Verb> VERBS = List.of(Verb.values());

  /** The model sets offered as choices of {@code models}: each model, each pair, and all. */
  static final List<String> MODEL_CHOICES =
      List.of("all", "jem", "tfm", "wso", "jem,tfm", "jem,wso", "tfm,wso");

  private static final List<DiscordLocale> SPANISH =
      List.of(DiscordLocale.SPANISH, DiscordLocale.SPANISH_LATAM);

  private SlashCommand() {}

  /**
   * The whole command, for one bulk overwrite. No default member permissions: they apply to the
   * whole command and would hide {@code status}, {@code list} and {@code help} from members; who
   * may subscribe is checked at run time instead. Guild channels only: channels are what follow
   * places.
   */
  static SlashCommandData definition() {
    Texts en = Texts.of(Language.EN);
    Texts es = Texts.of(Language.ES);
    SlashCommandData command =
        Commands.slash(NAME, en.text("discord.command"))
            .setDescriptionLocalizations(spanish(es.text("discord.command")))
            .setContexts(InteractionContextType.GUILD)
            .setDefaultPermissions(DefaultMemberPermissions.ENABLED);
    List<SubcommandData> subcommands = new ArrayList<>();
    for (Verb verb : VERBS) {
      String key = "discord.sub." + verb.word();
      SubcommandData sub =
          new SubcommandData(verb.word(), en.text(key))
              .setDescriptionLocalizations(spanish(es.text(key)));
      option(verb, en, es).ifPresent(sub::addOptions);
      if (verb == Verb.STATUS || verb == Verb.MAP) {
        sub.addOptions(
            new OptionData(OptionType.BOOLEAN, SHARE, en.text("discord.option.share"), false)
                .setDescriptionLocalizations(spanish(es.text("discord.option.share"))));
      }
      subcommands.add(sub);
    }
    return command.addSubcommands(subcommands);
  }

  private static Optional<OptionData> option(Verb verb, Texts en, Texts es) {
    Optional<String> name = verb.option();
    if (name.isEmpty()) {
      return Optional.empty();
    }
    // The county and role options are described once; the others (all named "value") per verb.
    boolean shared =
        verb.argument() == Verb.Argument.PLACE || verb.argument() == Verb.Argument.MENTION;
    String key = "discord.option." + (shared ? name.get() : verb.word());
    return switch (verb.argument()) {
      case PLACE ->
          Optional.of(
              // A map without a place is the country's.
              new OptionData(OptionType.STRING, name.get(), en.text(key), verb != Verb.MAP, true)
                  .setDescriptionLocalizations(spanish(es.text(key))));
      case LANGUAGE ->
          Optional.of(
              new OptionData(OptionType.STRING, name.get(), en.text(key), true)
                  .setDescriptionLocalizations(spanish(es.text(key)))
                  .addChoice("English", Language.EN.code())
                  .addChoice("Español", Language.ES.code()));
      case ON_OFF ->
          Optional.of(
              new OptionData(OptionType.STRING, name.get(), en.text(key), true)
                  .setDescriptionLocalizations(spanish(es.text(key)))
                  .addChoices(
                      choice("on", en.text("discord.choice.on"), es.text("discord.choice.on")),
                      choice("off", en.text("discord.choice.off"), es.text("discord.choice.off"))));
      case MODELS -> {
        OptionData models =
            new OptionData(OptionType.STRING, name.get(), en.text(key), true)
                .setDescriptionLocalizations(spanish(es.text(key)));
        for (String set : MODEL_CHOICES) {
          String label = set.equals("all") ? en.text("discord.choice.all") : upper(set);
          String etiqueta = set.equals("all") ? es.text("discord.choice.all") : upper(set);
          models.addChoices(choice(set, label, etiqueta));
        }
        yield Optional.of(models);
      }
      case NUMBER ->
          Optional.of(
              new OptionData(OptionType.INTEGER, name.get(), en.text(key), true)
                  .setDescriptionLocalizations(spanish(es.text(key)))
                  .setRequiredRange(1, 100));
      case TEXT ->
          Optional.of(
              new OptionData(OptionType.STRING, name.get(), en.text(key), true)
                  .setDescriptionLocalizations(spanish(es.text(key)))
                  .setMaxLength(ChannelOptions.MAX_NOTE));
      case MENTION ->
          // Discord's role picker; no role is "ping no one".
          Optional.of(
              new OptionData(OptionType.ROLE, name.get(), en.text(key), false)
                  .setDescriptionLocalizations(spanish(es.text(key))));
      case NONE -> Optional.empty();
    };
  }

  private static Command.Choice choice(String value, String english, String spanish) {
    return new Command.Choice(english, value).setNameLocalizations(spanish(spanish));
  }

  private static String upper(String models) {
    return models.toUpperCase(java.util.Locale.ROOT).replace(",", " + ");
  }

  private static Map<DiscordLocale, String> spanish(String text) {
    return Map.of(SPANISH.get(0), text, SPANISH.get(1), text);
  }

  /** The verb of a subcommand name, if it is one of ours. */
  static Optional<Verb> verb(@Nullable String subcommand) {
    return VERBS.stream().filter(v -> v.word().equals(subcommand)).findFirst();
  }

  /**
   * The text the core reads for a subcommand and its option: {@code "status harris tx"}, {@code
   * "status 48201 share"} (an autocompleted county comes back as its FIPS code, which the core
   * reads as exactly that county), {@code "list"}; {@code mention} with no role is {@code "mention
   * off"}.
   */
  static String text(Verb verb, @Nullable String value, boolean share) {
    StringBuilder text = new StringBuilder(verb.word());
    if (value != null && !value.isBlank()) {
      text.append(' ').append(value.strip());
    } else if (verb == Verb.MENTION) {
      text.append(" off");
    }
    if (share && (verb == Verb.STATUS || verb == Verb.MAP)) {
      text.append(' ').append(SHARE);
    }
    return text.toString();
  }
}
