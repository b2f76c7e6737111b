package org.watch287g.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Model;

class ToolkitTest {
  static final String ORGANIZERS =
      "https://www.ilrc.org/resources/ending-287g-toolkit-local-organizers";
  static final String MAP = "https://www.ilrc.org/resources/national-map-287g-agreements";
  static final String PATROL = "https://policingequity.org/community-guide";

  /** Three links: one for new agreements, one for everything, one for new Task Force agreements. */
  static final Toolkit TOOLKIT =
      new Toolkit(
          List.of(
              new Toolkit.Link(
                  Map.of(
                      Language.EN,
                      "Ending 287(g) toolkit",
                      Language.ES,
                      "Guía para terminar el 287(g)"),
                  ORGANIZERS,
                  EnumSet.of(
                      ChangeEvent.Type.NEW_AGREEMENT,
                      ChangeEvent.Type.NEW_PENDING,
                      ChangeEvent.Type.PENDING_SIGNED),
                  EnumSet.allOf(Model.class)),
              Toolkit.Link.always(Map.of(Language.EN, "National map"), MAP),
              new Toolkit.Link(
                  Map.of(Language.EN, "Patrol guide", Language.ES, "Guía sobre patrullas"),
                  PATROL,
                  EnumSet.of(ChangeEvent.Type.NEW_AGREEMENT),
                  EnumSet.of(Model.TFM))));

  static List<String> urls(List<Toolkit.Link> links) {
    return links.stream().map(Toolkit.Link::url).toList();
  }

  @Test
  @DisplayName("a link limited to some events is shown for those events only")
  void filtersByEvent() {
    assertEquals(
        List.of(ORGANIZERS, MAP), urls(TOOLKIT.linksFor(ChangeEvent.Type.NEW_PENDING, Model.JEM)));
    assertEquals(List.of(MAP), urls(TOOLKIT.linksFor(ChangeEvent.Type.TERMINATED, Model.JEM)));
  }

  @Test
  @DisplayName("a link limited to some models is shown for those models only, in file order")
  void filtersByModel() {
    assertEquals(
        List.of(ORGANIZERS, MAP, PATROL),
        urls(TOOLKIT.linksFor(ChangeEvent.Type.NEW_AGREEMENT, Model.TFM)));
    assertEquals(
        List.of(ORGANIZERS, MAP),
        urls(TOOLKIT.linksFor(ChangeEvent.Type.NEW_AGREEMENT, Model.WSO)));
  }

  @Test
  @DisplayName("a title missing in a language falls back to the English one")
  void titleFallsBackToEnglish() {
    Toolkit.Link map = TOOLKIT.links().get(1);
    assertEquals("National map", map.title(Language.ES));
    assertEquals("Guía para terminar el 287(g)", TOOLKIT.links().get(0).title(Language.ES));
  }

  @Test
  @DisplayName("a link needs an English title, a web URL and at least one event and model")
  void linksAreChecked() {
    Map<Language, String> english = Map.of(Language.EN, "A");
    assertThrows(
        IllegalArgumentException.class,
        () -> Toolkit.Link.always(Map.of(Language.ES, "Sólo español"), MAP));
    assertThrows(
        IllegalArgumentException.class, () -> Toolkit.Link.always(english, "ftp://x.org/a"));
    assertThrows(IllegalArgumentException.class, () -> Toolkit.Link.always(english, "not a url"));
    assertThrows(
        IllegalArgumentException.class, () -> Toolkit.Link.always(Map.of(Language.EN, " "), MAP));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Toolkit.Link(english, MAP, Set.of(), EnumSet.allOf(Model.class)));
  }

  @Test
  @DisplayName("an empty toolkit gives no links, and a toolkit's lists cannot be changed")
  void emptyAndImmutable() {
    assertTrue(Toolkit.empty().linksFor(ChangeEvent.Type.NEW_AGREEMENT, Model.TFM).isEmpty());
    assertThrows(UnsupportedOperationException.class, () -> TOOLKIT.links().clear());
    assertFalse(TOOLKIT.links().get(2).suits(ChangeEvent.Type.NEW_AGREEMENT, Model.JEM));
  }
}
