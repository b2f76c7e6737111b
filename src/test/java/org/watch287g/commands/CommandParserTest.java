package org.watch287g.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandParserTest {
  final CommandParser parser = new CommandParser();

  Command read(String text) {
    return assertInstanceOf(CommandParser.Ready.class, parser.parse(text, Invoker.console()))
        .command();
  }

  @Test
  @DisplayName("the verb is the first word, with or without /287g, in English or Spanish")
  void verbs() {
    assertEquals(Verb.STATUS, read("/287g status harris tx").verb());
    assertEquals("harris tx", read("STATUS   harris tx ").argument());
    assertEquals(Verb.SUBSCRIBE, read("seguir TX").verb());
    assertEquals(Verb.HELP, read("ayuda").verb());
    assertEquals(Verb.HELP, read("").verb());
  }

  @Test
  @DisplayName("share at the end of a status asks for an answer the channel sees")
  void share() {
    Command c = read("status harris tx share");

    assertTrue(c.share());
    assertEquals("harris tx", c.argument());
    assertEquals("sharon", read("status sharon").argument(), "only the word share counts");
  }

  @Test
  @DisplayName("an unknown verb or an over-long text is rejected with a reply, never an exception")
  void rejected() {
    assertInstanceOf(CommandParser.Rejected.class, parser.parse("bogus", Invoker.console()));
    assertInstanceOf(
        CommandParser.Rejected.class, parser.parse("status " + "a".repeat(201), Invoker.console()));
    assertInstanceOf(
        CommandParser.Ready.class, parser.parse("status " + "a".repeat(200), Invoker.console()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Command(Verb.STATUS, "a".repeat(201), Invoker.console(), false));
  }

  @Test
  @DisplayName("every verb names its one option for platforms with typed options")
  void options() {
    assertEquals("county", Verb.STATUS.option().orElseThrow());
    assertTrue(Verb.LIST.option().isEmpty());
    assertTrue(Verb.SUBSCRIBE.changesChannel() && !Verb.STATUS.changesChannel());
  }
}
