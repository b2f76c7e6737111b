package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Slack's escaped command text (should_escape: true), read back to what the person typed. */
class SlackInputTest {

  @Test
  @DisplayName("places numbers and words come through unchanged")
  void placesNumbersAndWordsComeThroughUnchanged() {
    for (String text :
        new String[] {
          "status harris tx",
          "subscribe Lee County, Florida",
          "status St. Mary's Parish, LA share",
          "digest 10",
          "models jem,tfm",
          "note Rapid response hotline: 555-0100 (24h), meeting Tue #4",
          "",
          "help"
        }) {
      assertEquals(text, SlackInput.read(text));
    }
  }

  @Test
  @DisplayName("a user group picked from slacks suggestions becomes its token")
  void aUserGroupPickedFromSlacksSuggestionsBecomesItsToken() {
    assertEquals(
        "mention subteam:S0123ABCD",
        SlackInput.read("mention <!subteam^S0123ABCD|@rapid-response>"));
    assertEquals("mention subteam:S0123ABCD", SlackInput.read("mention <!subteam^S0123ABCD>"));
    assertEquals(
        "/287g mencion subteam:S0123ABCD",
        SlackInput.read("/287g mencion <!subteam^S0123ABCD|@respuesta>"));
  }

  @Test
  @DisplayName("here in any form becomes here")
  void hereInAnyFormBecomesHere() {
    for (String here : new String[] {"@here", "<!here>", "<!here|here>", "<!here|@here>", "here"}) {
      assertEquals("mention here", SlackInput.read("mention " + here), here);
    }
  }

  @Test
  @DisplayName("other mentions become the words the person saw for the core to refuse")
  void otherMentionsBecomeTheWordsThePersonSawForTheCoreToRefuse() {
    assertEquals("mention @everyone", SlackInput.read("mention <!everyone>"));
    assertEquals("mention @channel", SlackInput.read("mention <!channel|@channel>"));
    assertEquals("mention @ana", SlackInput.read("mention <@U0123|ana>"));
    assertEquals("mention #general", SlackInput.read("mention <#C0123|general>"));
    assertEquals("mention @rapid-response", SlackInput.read("mention @rapid-response"));
    assertEquals(
        "mention role:123456789012345678", SlackInput.read("mention role:123456789012345678"));
  }

  @Test
  @DisplayName("links and entities in a note are read back to what was typed")
  void linksAndEntitiesInANoteAreReadBackToWhatWasTyped() {
    assertEquals(
        "note Call & meet: https://example.org/meet",
        SlackInput.read("note Call &amp; meet: <https://example.org/meet>"));
    assertEquals(
        "note see https://example.org/x",
        SlackInput.read("note see <https://example.org/x|example.org/x>"));
    assertEquals("note a <b> c", SlackInput.read("note a &lt;b&gt; c"));
    assertEquals("note ping @channel", SlackInput.read("note ping <!channel>"));
  }
}
