package org.watch287g.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.alerts.Language;
import org.watch287g.commands.Verb;

/** The command's shape, the text it gives the core, and what the adapter says in each language. */
class SlashCommandTest {
  /** Every verb of the core, as Discord registers it: what help lists on every platform. */
  static final List<String> SUBCOMMANDS =
      List.of(
          "status",
          "subscribe",
          "unsubscribe",
          "list",
          "language",
          "pending",
          "models",
          "digest",
          "note",
          "mention",
          "webhook",
          "admin",
          "test",
          "map",
          "help");

  @Test
  @DisplayName("subcommands and options become the text the core reads")
  void subcommandsAndOptionsBecomeTheTextTheCoreReads() {
    assertEquals("status harris tx", SlashCommand.text(Verb.STATUS, " harris tx ", false));
    assertEquals("status 48201 share", SlashCommand.text(Verb.STATUS, "48201", true));
    assertEquals("subscribe TX", SlashCommand.text(Verb.SUBSCRIBE, "TX", true));
    assertEquals("list", SlashCommand.text(Verb.LIST, null, false));
    assertEquals("language es", SlashCommand.text(Verb.LANGUAGE, "es", false));
    assertEquals("digest 12", SlashCommand.text(Verb.DIGEST, "12", false));
    assertEquals("models jem,tfm", SlashCommand.text(Verb.MODELS, "jem,tfm", false));
  }

  @Test
  @DisplayName("every verb help lists is offered each described in spanish too")
  void everyVerbHelpListsIsOfferedEachDescribedInSpanishToo() {
    SlashCommandData command = SlashCommand.definition();

    assertEquals(SUBCOMMANDS, command.getSubcommands().stream().map(s -> s.getName()).toList());
    command
        .getSubcommands()
        .forEach(s -> assertEquals(2, s.getDescriptionLocalizations().toMap().size(), s.getName()));
    command.getSubcommands().stream()
        .flatMap(s -> s.getOptions().stream())
        .forEach(o -> assertTrue(o.getDescription().length() <= 100, o.getName()));
    assertTrue(SlashCommand.verb("pending").isPresent());
  }

  @Test
  @DisplayName("pending models and digest take choices or a bounded number")
  void pendingModelsAndDigestTakeChoicesOrABoundedNumber() {
    SlashCommandData command = SlashCommand.definition();

    assertEquals(List.of("on", "off"), choices(command, "pending"));
    assertEquals(SlashCommand.MODEL_CHOICES, choices(command, "models"));
    var digest = command.getSubcommands().get(7).getOptions().get(0);
    var note = command.getSubcommands().get(8).getOptions().get(0);
    assertEquals(200, note.getMaxLength());
    assertEquals(1, digest.getMinValue().intValue());
    assertEquals(100, digest.getMaxValue().intValue());
  }

  @Test
  @DisplayName("mention takes one optional role and no role is off")
  void mentionTakesOneOptionalRoleAndNoRoleIsOff() {
    SlashCommandData command = SlashCommand.definition();

    var mention =
        command.getSubcommands().stream()
            .filter(s -> s.getName().equals("mention"))
            .findFirst()
            .orElseThrow();
    assertEquals(1, mention.getOptions().size());
    var role = mention.getOptions().get(0);
    assertEquals("role", role.getName());
    assertEquals(net.dv8tion.jda.api.interactions.commands.OptionType.ROLE, role.getType());
    assertFalse(role.isRequired());
    assertEquals("mention off", SlashCommand.text(Verb.MENTION, null, false));
    assertEquals(
        "mention role:123456789012345678",
        SlashCommand.text(Verb.MENTION, "role:123456789012345678", false));
  }

  static List<String> choices(SlashCommandData command, String sub) {
    return command.getSubcommands().stream()
        .filter(s -> s.getName().equals(sub))
        .findFirst()
        .orElseThrow()
        .getOptions()
        .get(0)
        .getChoices()
        .stream()
        .map(c -> c.getAsString())
        .toList();
  }

  @Test
  @DisplayName("the invite asks for both scopes and only the four permissions")
  void theInviteAsksForBothScopesAndOnlyTheFourPermissions() {
    String url = BotPermissions.inviteUrl("1100000000000000002");

    assertTrue(url.contains("client_id=1100000000000000002"), url);
    assertTrue(url.contains("scope=bot%20applications.commands"), url);
    long expected = (1L << 10) | (1L << 11) | (1L << 14) | (1L << 38);
    assertTrue(url.endsWith("permissions=" + expected), url);
  }

  @Test
  @DisplayName("missing permissions are named as discord names them in each language")
  void missingPermissionsAreNamedAsDiscordNamesThemInEachLanguage() {
    List<Permission> missing = List.of(Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);

    assertTrue(
        InteractionListener.missingText(missing, Language.EN)
            .contains("Send Messages and Embed Links"));
    assertTrue(
        InteractionListener.missingText(missing, Language.ES)
            .contains("Enviar mensajes y Insertar enlaces"));
  }
}
