package org.watch287g.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.testing.RealAgreements;

class DigestTest {
  static final Digest DIGEST = new Digest();

  /** The first {@code n} agreements of 2025-05-19 as new agreements, composed in a language. */
  static List<AlertMessage> alerts(int n, Language language) {
    List<AlertMessage> alerts = new ArrayList<>();
    for (Agreement a : RealAgreements.publication(AlertFixtures.MAY19).agreements().subList(0, n)) {
      ChangeEvent e =
          new ChangeEvent(
              ChangeEvent.Type.NEW_AGREEMENT, ListKind.PARTICIPATING, a, null, Set.of());
      alerts.add(AlertFixtures.compose(e, language));
    }
    return alerts;
  }

  static List<String> allLines(List<DigestPart> parts) {
    return parts.stream().flatMap(p -> p.lines().stream()).toList();
  }

  static void assertWithin(List<DigestPart> parts, int maxItems, int maxChars) {
    for (DigestPart p : parts) {
      assertTrue(p.itemCount() <= maxItems, p.number() + ": " + p.itemCount() + " items");
      assertTrue(p.body().length() <= maxChars, p.number() + ": " + p.body().length() + " chars");
    }
  }

  @Test
  @DisplayName("60 alerts for Discord (25 items, 4,096 characters) make 3 parts, none over budget")
  void sixtyAlertsForDiscord() {
    List<AlertMessage> alerts = alerts(60, Language.EN);

    List<DigestPart> parts = DIGEST.split(alerts, Language.EN, 25, 4096);

    assertEquals(3, parts.size());
    assertWithin(parts, 25, 4096);
    assertEquals(60, allLines(parts).size());
    assertEquals(
        "60 changes to ICE's 287(g) lists for the places this channel follows (part 2 of 3)",
        parts.get(1).title());
    assertEquals(List.of(1, 2, 3), parts.stream().map(DigestPart::number).toList());
    assertTrue(parts.stream().allMatch(p -> p.count() == 3 && p.more() == null));
  }

  @Test
  @DisplayName(
      "no alert is lost, whatever the budget: each is in one part, in the digest's order, its link"
          + " whole")
  void nothingLost() {
    List<AlertMessage> alerts = alerts(60, Language.ES);
    List<AlertMessage> sorted = alerts.stream().sorted(Digest.ORDER).toList();

    for (int[] budget : new int[][] {{50, 3000}, {25, 4096}, {10, 1000}, {1, 400}, {3, 250}}) {
      List<DigestPart> parts = DIGEST.split(alerts, Language.ES, budget[0], budget[1]);
      assertWithin(parts, budget[0], budget[1]);
      List<String> lines = allLines(parts);
      assertEquals(60, lines.size());
      for (int i = 0; i < 60; i++) {
        assertTrue(lines.get(i).endsWith(" — MOA: " + sorted.get(i).moa()), lines.get(i));
      }
      List<Integer> carried = parts.stream().flatMap(p -> p.alerts().stream()).sorted().toList();
      assertEquals(IntStream.range(0, 60).boxed().toList(), carried);
    }
  }

  @Test
  @DisplayName("characters, not only items, end a part: the next line would not have fit")
  void charactersSplitToo() {
    List<AlertMessage> alerts = alerts(30, Language.EN);
    int budget = 1_000;

    List<DigestPart> parts = DIGEST.split(alerts, Language.EN, 100, budget);

    assertTrue(parts.size() > 2, parts.size() + " parts");
    assertWithin(parts, 100, budget);
    for (int i = 0; i < parts.size() - 1; i++) {
      String next = parts.get(i + 1).lines().get(0);
      assertTrue(parts.get(i).body().length() + 1 + next.length() > budget, "part " + (i + 1));
    }
  }

  @Test
  @DisplayName("with no limit (the console) the digest is one part, its title without part numbers")
  void unlimitedIsOnePart() {
    List<DigestPart> parts =
        DIGEST.split(alerts(7, Language.EN), Language.EN, Integer.MAX_VALUE, Integer.MAX_VALUE);

    assertEquals(1, parts.size());
    assertEquals(
        "7 changes to ICE's 287(g) lists for the places this channel follows",
        parts.get(0).title());
    assertEquals(
        "7 cambios en las listas 287(g) de ICE para los lugares que sigue este canal",
        DIGEST.split(alerts(7, Language.ES), Language.ES, 50, 3000).get(0).title());
    assertTrue(DIGEST.split(List.of(), Language.EN, 25, 4096).isEmpty());
  }

  @Test
  @DisplayName(
      "a line is the alert's headline, model, date and MOA link, or ICE's \"link pending\"")
  void lineIsHeadlineAndMoa() {
    AlertMessage hillsborough = AlertFixtures.compose(AlertFixtures.hillsboroughNh(), Language.EN);
    AlertMessage colbert = AlertFixtures.compose(AlertFixtures.colbertMoaPosted(), Language.EN);

    DigestPart part = DIGEST.split(List.of(hillsborough, colbert), Language.EN, 25, 4096).get(0);

    assertEquals(
        List.of(
            hillsborough.headline() + " — TFM — May 16, 2025 — MOA: ICE says the link is pending",
            colbert.headline()
                + " — WSO — May 8, 2025 — MOA: https://www.ice.gov/doclib/287gMOA/"
                + "ColbertCoSheriffsOfficeAL_WSO_MOA_05.08.25.pdf"),
        part.lines());
    assertEquals(
        "2 changes to ICE's 287(g) lists for the places this channel follows", part.title());
  }

  @Test
  @DisplayName(
      "an item longer than the budget is cut from its headline, with an ellipsis, link whole")
  void longItemIsTruncated() {
    AlertMessage colbert = AlertFixtures.compose(AlertFixtures.colbertMoaPosted(), Language.EN);
    String link = " — WSO — May 8, 2025 — MOA: " + colbert.moaUrl();
    int budget = link.length() + 20;

    String line = DIGEST.split(List.of(colbert), Language.EN, 5, budget).get(0).lines().get(0);

    assertEquals(budget, line.length());
    assertEquals(colbert.headline().substring(0, 19) + "…" + link, line);
  }

  @Test
  @DisplayName("even a budget smaller than the link is kept, cutting the line itself")
  void tinyBudgetIsKept() {
    AlertMessage colbert = AlertFixtures.compose(AlertFixtures.colbertMoaPosted(), Language.EN);

    List<DigestPart> parts = DIGEST.split(List.of(colbert, colbert), Language.EN, 5, 30);

    assertWithin(parts, 5, 30);
    assertEquals(2, parts.size());
    assertTrue(parts.get(0).lines().get(0).endsWith("…"));
  }

  @Test
  @DisplayName("capped at 2 parts, the last ends by saying how many were left out, within budget")
  void cappedDigestSaysHowManyMore() {
    List<AlertMessage> alerts = alerts(60, Language.EN);

    List<DigestPart> parts = DIGEST.split(alerts, Language.EN, 25, 4096, 2);

    assertEquals(2, parts.size());
    assertWithin(parts, 25, 4096);
    assertNull(parts.get(0).more());
    int shown = allLines(parts).size();
    assertEquals(
        "... and "
            + (60 - shown)
            + " more. See them all with /287g status followed by a county or state.",
        parts.get(1).more());
    assertTrue(parts.get(1).body().endsWith(parts.get(1).more()));
    assertEquals(
        alerts.stream().sorted(Digest.ORDER).limit(shown).map(AlertMessage::headline).toList(),
        allLines(parts).stream().map(l -> l.substring(0, l.indexOf(" — "))).toList());
    assertEquals(60, parts.stream().mapToInt(p -> p.alerts().size()).sum(), "the rest carried");
  }

  @Test
  @DisplayName("a cap that is not reached changes nothing")
  void capNotReached() {
    List<AlertMessage> alerts = alerts(60, Language.EN);
    assertEquals(
        DIGEST.split(alerts, Language.EN, 25, 4096),
        DIGEST.split(alerts, Language.EN, 25, 4096, 3));
  }

  @Test
  @DisplayName("one item per part and one part: only the count of what is left out")
  void smallestCap() {
    List<DigestPart> parts = DIGEST.split(alerts(3, Language.ES), Language.ES, 1, 500, 1);

    assertEquals(1, parts.size());
    assertEquals(List.of(), parts.get(0).lines());
    assertTrue(parts.get(0).more().startsWith("... y 3 más."), parts.get(0).more());
  }

  @Test
  @DisplayName("alerts in another language than the digest's, and impossible budgets, are refused")
  void refusals() {
    List<AlertMessage> english = alerts(2, Language.EN);
    assertThrows(IllegalArgumentException.class, () -> DIGEST.split(english, Language.ES, 5, 500));
    assertThrows(IllegalArgumentException.class, () -> DIGEST.split(english, Language.EN, 0, 500));
    assertThrows(IllegalArgumentException.class, () -> DIGEST.split(english, Language.EN, 5, 1));
    assertThrows(
        IllegalArgumentException.class, () -> DIGEST.split(english, Language.EN, 5, 500, 0));
  }

  @Test
  @DisplayName("cutting never splits a character written as two UTF-16 units")
  void cutKeepsSurrogatePairs() {
    assertEquals("a", TextLimits.prefix("a\uD83D\uDE00b", 2));
    assertEquals("a\uD83D\uDE00", TextLimits.prefix("a\uD83D\uDE00b", 3));
    assertFalse(TextLimits.prefix("abc", 5).isEmpty());
  }

  @Test
  @DisplayName(
      "alerts are grouped by event type in the types' order, then by state and place, and each"
          + " heading counts its type's alerts")
  void groupedByTypeThenPlace() {
    List<Agreement> rows = RealAgreements.publication(AlertFixtures.MAY19).agreements();
    List<AlertMessage> alerts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ChangeEvent.Type type =
          i % 3 == 0 ? ChangeEvent.Type.TERMINATED : ChangeEvent.Type.NEW_AGREEMENT;
      alerts.add(
          AlertFixtures.compose(
              new ChangeEvent(type, ListKind.PARTICIPATING, rows.get(i), null, Set.of()),
              Language.EN));
    }

    DigestPart part = DIGEST.split(alerts, Language.EN, 100, 100_000).get(0);

    assertEquals(
        List.of("New agreements (8)", "Agreements no longer listed (4)"),
        part.sections().stream().map(DigestPart.Section::heading).toList());
    assertEquals(
        alerts.stream().sorted(Digest.ORDER).toList(),
        part.alerts().stream().map(alerts::get).toList());
    List<AlertMessage> reversed = new ArrayList<>(alerts);
    Collections.reverse(reversed);
    assertEquals(
        DIGEST.split(alerts, Language.EN, 100, 100_000).stream()
            .map(p -> withAlerts(p, List.of()))
            .toList(),
        DIGEST.split(reversed, Language.EN, 100, 100_000).stream()
            .map(p -> withAlerts(p, List.of()))
            .toList(),
        "the same alerts in any order make the same digest");
  }

  private static DigestPart withAlerts(DigestPart p, List<Integer> alerts) {
    return new DigestPart(
        p.language(),
        p.title(),
        p.whole(),
        p.sections(),
        p.more(),
        p.actions(),
        p.number(),
        p.count(),
        alerts);
  }

  @Test
  @DisplayName(
      "one \"what you can do\" block per digest, on its first part: each link suited to one of"
          + " its types and models, once; and where the whole list is")
  void oneActionsBlock() {
    List<AlertMessage> alerts = alerts(60, Language.EN);

    List<DigestPart> parts = DIGEST.split(alerts, Language.EN, 25, 4096);

    DigestPart.Actions actions = parts.get(0).actions();
    assertTrue(actions != null, "the first part has the block");
    assertTrue(parts.subList(1, parts.size()).stream().allMatch(p -> p.actions() == null));
    List<String> urls = actions.links().stream().map(AlertMessage.Link::url).toList();
    assertEquals(
        alerts.stream()
            .flatMap(a -> a.links().stream())
            .map(AlertMessage.Link::url)
            .distinct()
            .sorted()
            .toList(),
        urls.stream().sorted().toList());
    assertEquals(
        "The whole list, any time: /287g status followed by a county or state",
        parts.get(0).whole(),
        "60 alerts of many states");
    assertTrue(parts.subList(1, parts.size()).stream().allMatch(p -> p.whole() == null));
  }
}
