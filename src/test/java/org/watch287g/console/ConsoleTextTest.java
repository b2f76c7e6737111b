package org.watch287g.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.alerts.AlertComposer;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.Digest;
import org.watch287g.alerts.DigestPart;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Toolkit;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.Gazetteer;
import org.watch287g.testing.RealAgreements;

class ConsoleTextTest {
  static final String ORGANIZERS =
      "https://www.ilrc.org/resources/ending-287g-toolkit-local-organizers";
  static final AlertComposer COMPOSER =
      new AlertComposer(
          Gazetteer.bundled(),
          new Toolkit(
              List.of(
                  Toolkit.Link.always(
                      Map.of(
                          Language.EN,
                          "Ending 287(g): A Toolkit for Local Organizers (ILRC)",
                          Language.ES,
                          "Cómo terminar el 287(g): guía para organizadores locales (ILRC)"),
                      ORGANIZERS))));
  static final ConsoleText TEXT = new ConsoleText();

  static AlertMessage hillsborough(Language language) {
    Agreement a =
        RealAgreements.find(
            "2025-05-19-participating.xlsx",
            UsState.NH,
            "Hillsborough County Sheriff's Office",
            Model.TFM);
    ChangeEvent e =
        new ChangeEvent(ChangeEvent.Type.NEW_AGREEMENT, ListKind.PARTICIPATING, a, null, Set.of());
    return COMPOSER.compose(e, AgencyResolver.bundled().resolve(a), language);
  }

  @Test
  @DisplayName("an alert that pings says so under its headline, and one that does not says nothing")
  void pingsHere() {
    AlertMessage alert = hillsborough(Language.EN);

    List<String> lines = TEXT.render(alert.withMention("here")).lines().toList();

    assertEquals(alert.headline(), lines.get(0));
    assertEquals("  (pings here)", lines.get(1));
    assertFalse(TEXT.render(alert).contains("(pings"));
  }

  @Test
  @DisplayName("an alert prints as a headline with its details in a column under it")
  void alertBlock() {
    assertEquals(
        String.join(
            "\n",
            "Hillsborough County Sheriff's Office signed a 287(g) agreement with ICE"
                + " (Hillsborough County, NH)",
            "  Agency           Hillsborough County Sheriff's Office",
            "  Where            Hillsborough County, NH",
            "  Signed           May 16, 2025",
            "  Agreement (MOA)  ICE says the link is pending",
            "  Model            Task Force Model (TFM)",
            "                   Local officers question and arrest people for immigration"
                + " violations during",
            "                   their everyday policing, on the street, under ICE's supervision.",
            "  What you can do",
            "    - Ending 287(g): A Toolkit for Local Organizers (ILRC)",
            "      " + ORGANIZERS,
            ""),
        TEXT.render(hillsborough(Language.EN)));
  }

  @Test
  @DisplayName("a Spanish alert prints its Spanish labels, aligned to the longest")
  void spanishBlock() {
    String block = TEXT.render(hillsborough(Language.ES));

    assertTrue(block.contains("\n  Agencia        Hillsborough County Sheriff's Office\n"), block);
    assertTrue(block.contains("\n  Firmado        16 de mayo de 2025\n"), block);
    assertTrue(block.contains("\n  Qué puedes hacer\n"), block);
  }

  @Test
  @DisplayName("details wrap within the console width, hanging under their column; URLs stay whole")
  void wrapping() {
    for (Language language : Language.values()) {
      String block = TEXT.render(southwestVirginia(language));
      List<String> lines = List.of(block.split("\n"));
      for (String line : lines.subList(1, lines.size())) {
        boolean oneWord = !line.strip().contains(" ");
        assertTrue(line.length() <= ConsoleText.WIDTH || oneWord, line);
      }
    }
    String english = TEXT.render(southwestVirginia(Language.EN));
    assertTrue(
        english.contains(
            "\n  Where            Buchanan County, Dickenson County, Lee County, Russell County,"
                + " Scott County,\n                   Smyth County, Tazewell County,"),
        english);
    assertEquals(
        List.of("a b", "https://example.org/a-long-path", "c"),
        ConsoleText.wrap("a b https://example.org/a-long-path c", 5));
    assertEquals(List.of(""), ConsoleText.wrap("", 5));
  }

  static AlertMessage southwestVirginia(Language language) {
    Agreement a =
        RealAgreements.find(
            "2025-05-19-participating.xlsx",
            UsState.VA,
            "Southwest Virginia Regional Jail Authority",
            Model.WSO);
    ChangeEvent e =
        new ChangeEvent(ChangeEvent.Type.NEW_AGREEMENT, ListKind.PARTICIPATING, a, null, Set.of());
    return COMPOSER.compose(e, AgencyResolver.bundled().resolve(a), language);
  }

  @Test
  @DisplayName(
      "a digest part prints its title, where the whole list is, each type's heading over one"
          + " bulleted line per alert, and what you can do")
  void digestBlock() {
    AlertMessage alert = hillsborough(Language.EN);
    List<DigestPart> parts =
        new Digest().split(List.of(alert, alert, alert), Language.EN, 2, 4096, 1);

    String text = TEXT.render(parts.get(0));
    assertTrue(
        text.startsWith(
            String.join(
                "\n",
                "3 changes to ICE's 287(g) lists for the places this channel follows",
                "  The whole list, any time: /287g status NH",
                "  New agreements (3)",
                "  - "
                    + alert.headline()
                    + " — TFM — May 16, 2025 — MOA: ICE says the link is"
                    + " pending",
                "  ... and 2 more. See them all with /287g status followed by a county or state.",
                "  What you can do",
                "    - ")),
        text);
  }
}
