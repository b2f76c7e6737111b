package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.Deliverer;
import org.watch287g.alerts.Digest;
import org.watch287g.alerts.DigestPart;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Notice;
import org.watch287g.dataset.UsState;
import org.watch287g.testing.BigDigest;

class SlackBlocksTest {

  static JsonElement json(SlackMessage m) {
    return GsonFactory.createSnakeCase().toJsonTree(m.blocks());
  }

  static String wire(SlackMessage m) {
    return json(m).toString();
  }

  @Test
  @DisplayName("an alert has a header its details a moa button the toolkit and a fallback")
  void anAlertHasAHeaderItsDetailsAMoaButtonTheToolkitAndAFallback() {
    SlackMessage m = SlackBlocks.alert(SlackFixtures.harris());

    SlackFixtures.assertWithinLimits(m.text(), json(m));
    JsonArray blocks = json(m).getAsJsonArray();
    assertEquals("header", blocks.get(0).getAsJsonObject().get("type").getAsString());
    String all = wire(m);
    assertTrue(all.contains("Harris County Sheriff's Office signed"), all);
    assertTrue(all.contains("*Agency:* Harris County Sheriff's Office"), all);
    assertTrue(all.contains("\"url\":\"https://www.ice.gov/doclib/287gMOA/r_harristx.pdf\""), all);
    assertTrue(all.contains("Read the agreement (MOA)"), all);
    assertTrue(
        all.contains("<https://www.ilrc.org/resources/ending-287g-toolkit-local-organizers|"), all);
    assertTrue(m.text().startsWith("Harris County Sheriff's Office signed"), m.text());
  }

  @Test
  @DisplayName("a headline longer than 150 characters is cut to the header limit with an ellipsis")
  void aHeadlineLongerThan150CharactersIsCutToTheHeaderLimitWithAnEllipsis() {
    String headline = "A".repeat(400);
    SlackMessage m = SlackBlocks.alert(SlackFixtures.alert(headline, "x", "y"));

    SlackFixtures.assertWithinLimits(m.text(), json(m));
    String header =
        json(m)
            .getAsJsonArray()
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("text")
            .get("text")
            .getAsString();
    assertEquals(150, header.length());
    assertTrue(header.endsWith("…"));
  }

  @Test
  @DisplayName("a huge explainer is split into sections of at most 3000 characters")
  void aHugeExplainerIsSplitIntoSectionsOfAtMost3000Characters() {
    String explainer = ("Local officers question people. ".repeat(40) + "\n").repeat(20);
    SlackMessage m = SlackBlocks.alert(SlackFixtures.alert("Headline", "Agency", explainer));

    SlackFixtures.assertWithinLimits(m.text(), json(m));
    long sections =
        json(m).getAsJsonArray().asList().stream()
            .filter(b -> b.getAsJsonObject().get("type").getAsString().equals("section"))
            .count();
    assertTrue(sections > 5, sections + " sections");
  }

  @Test
  @DisplayName("text that would need more than 50 blocks is capped at 50")
  void textThatWouldNeedMoreThan50BlocksIsCappedAt50() {
    String text = ("x".repeat(2999) + "\n").repeat(80);
    SlackMessage m = SlackBlocks.reply(text);

    assertEquals(50, m.blocks().size());
    SlackFixtures.assertWithinLimits(m.text(), json(m));
  }

  @Test
  @DisplayName("a channels note opens what you can do in the blocks and the fallback")
  void aChannelsNoteOpensWhatYouCanDoInTheBlocksAndTheFallback() {
    SlackMessage m = SlackBlocks.alert(SlackFixtures.harris().withNote("Hotline 555-0100 & more"));

    String all = wire(m);
    assertTrue(all.contains("*What you can do*\\n• Hotline 555-0100 &amp; more\\n• <https"), all);
    assertTrue(m.text().contains("What you can do:\n- Hotline 555-0100 &amp; more\n"), m.text());
  }

  @Test
  @DisplayName("slack control characters are escaped so nobody is pinged")
  void slackControlCharactersAreEscapedSoNobodyIsPinged() {
    SlackMessage m = SlackBlocks.reply("A & B <!channel> > C");

    String all = wire(m);
    assertTrue(all.contains("A &amp; B &lt;!channel&gt; &gt; C"), all);
    assertFalse(all.contains("<!channel>"), all);
  }

  @Test
  @DisplayName("a hostile agency name reaches the fallback text with no mention and no link")
  void aHostileAgencyNameReachesTheFallbackTextWithNoMentionAndNoLink() {
    SlackMessage m = SlackBlocks.alert(SlackFixtures.hostile());

    SlackFixtures.assertWithinLimits(m.text(), json(m));
    SlackFixtures.assertNoMarkupFromOutside(m.text());
    SlackFixtures.assertNoMarkupFromOutside(SlackFixtures.mrkdwn(json(m)));
    assertTrue(m.text().contains("Harris County &lt;!channel&gt; &lt;https://evil"), m.text());
  }

  @Test
  @DisplayName("an moa on a host that only looks like ices becomes no button and no link")
  void anMoaOnAHostThatOnlyLooksLikeIcesBecomesNoButtonAndNoLink() {
    SlackMessage m = SlackBlocks.alert(SlackFixtures.hostile());

    String all = wire(m);
    assertFalse(all.contains("\"url\":\"" + SlackFixtures.HOSTILE_MOA), all);
    assertFalse(all.contains("Read the agreement (MOA)"), all);
    assertFalse(all.contains("<" + SlackFixtures.HOSTILE_MOA), all);
  }

  @Test
  @DisplayName("digests notices and replies escape their fallback text too")
  void digestsNoticesAndRepliesEscapeTheirFallbackTextToo() {
    List<DigestPart> parts =
        new Digest().split(List.of(SlackFixtures.hostile()), Language.EN, 40, 6000);
    String hostile = SlackFixtures.HOSTILE_AGENCY;
    List<SlackMessage> messages =
        List.of(
            SlackBlocks.digest(parts.get(0)),
            SlackBlocks.notice(new Notice(Notice.Kind.SOURCE_FAILING, "source", hostile)),
            SlackBlocks.reply(hostile));

    for (SlackMessage m : messages) {
      SlackFixtures.assertWithinLimits(m.text(), json(m));
      SlackFixtures.assertNoMarkupFromOutside(m.text());
      SlackFixtures.assertNoMarkupFromOutside(SlackFixtures.mrkdwn(json(m)));
    }
  }

  static String firstSection(SlackMessage m) {
    for (JsonElement b : json(m).getAsJsonArray()) {
      if (b.getAsJsonObject().get("type").getAsString().equals("section")) {
        return b.getAsJsonObject().getAsJsonObject("text").get("text").getAsString();
      }
    }
    throw new AssertionError("no section: " + wire(m));
  }

  @Test
  @DisplayName(
      "a user group mention opens the fallback and the first section and nothing else pings")
  void aUserGroupMentionOpensTheFallbackAndTheFirstSectionAndNothingElsePings() {
    SlackMessage m = SlackBlocks.alert(SlackFixtures.hostile().withMention("subteam:S0123ABCD"));

    SlackFixtures.assertWithinLimits(m.text(), json(m));
    assertTrue(m.text().startsWith("<!subteam^S0123ABCD> "), m.text());
    assertTrue(firstSection(m).startsWith("<!subteam^S0123ABCD> *Agency:*"), firstSection(m));
    // Take the one mention the bot wrote away: what is left from outside still cannot ping.
    String rest = m.text().substring("<!subteam^S0123ABCD> ".length());
    SlackFixtures.assertNoMarkupFromOutside(rest);
    SlackFixtures.assertNoMarkupFromOutside(
        SlackFixtures.mrkdwn(json(m)).replaceFirst("^<!subteam\\^S0123ABCD> ", ""));
    assertTrue(m.text().contains("&lt;!channel&gt;"), m.text());
    String mrkdwn = SlackFixtures.mrkdwn(json(m));
    assertEquals(1, mrkdwn.split("<!", -1).length - 1, "one mention: " + mrkdwn);
  }

  @Test
  @DisplayName("here opens a digests first part only and an alert without a mention pings no one")
  void hereOpensADigestsFirstPartOnlyAndAnAlertWithoutAMentionPingsNoOne() {
    List<AlertMessage> alerts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      alerts.add(
          SlackFixtures.alert("Agency " + i + " <!channel> signed", "Agency " + i, "x")
              .withMention(i == 30 ? "here" : ""));
    }
    List<DigestPart> parts = new Digest().split(alerts, Language.EN, 40, 6000);

    assertTrue(parts.size() >= 2, parts.size() + " parts");
    SlackMessage first = SlackBlocks.digest(parts.get(0));
    assertTrue(first.text().startsWith("<!here> "), first.text());
    assertTrue(firstSection(first).startsWith("<!here> "), firstSection(first));
    String mrkdwn = SlackFixtures.mrkdwn(json(first));
    assertEquals(1, mrkdwn.split("<!", -1).length - 1, "one mention: " + mrkdwn);
    for (DigestPart later : parts.subList(1, parts.size())) {
      SlackMessage m = SlackBlocks.digest(later);
      SlackFixtures.assertNoMarkupFromOutside(m.text());
      SlackFixtures.assertNoMarkupFromOutside(SlackFixtures.mrkdwn(json(m)));
    }
    SlackMessage plain = SlackBlocks.alert(SlackFixtures.harris());
    assertFalse(plain.text().contains("<!"), plain.text());
    assertFalse(SlackFixtures.mrkdwn(json(plain)).contains("<!"), wire(plain));
  }

  @Test
  @DisplayName("escaping never pushes the fallback text over 4000 characters")
  void escapingNeverPushesTheFallbackTextOver4000Characters() {
    SlackMessage m = SlackBlocks.reply("<&>".repeat(3_000));

    SlackFixtures.assertWithinLimits(m.text(), json(m));
    assertFalse(m.text().contains("<"), "an unescaped <");
  }

  @Test
  @DisplayName("a long digest splits into parts that each fit slack")
  void aLongDigestSplitsIntoPartsThatEachFitSlack() {
    List<AlertMessage> alerts = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      alerts.add(
          SlackFixtures.alert(
              "Agency number "
                  + i
                  + " & partners signed a 287(g) agreement with ICE "
                  + "x".repeat(i % 7 == 0 ? 400 : 60),
              "Agency " + i,
              "explained"));
    }
    Deliverer.DigestBudget budget = new SlackDeliverer(null).digestBudget();
    List<DigestPart> parts =
        new Digest().split(alerts, Language.EN, budget.maxItems(), budget.maxChars());

    assertTrue(parts.size() >= 8, parts.size() + " parts");
    int lines = 0;
    for (DigestPart part : parts) {
      SlackMessage m = SlackBlocks.digest(part);
      SlackFixtures.assertWithinLimits(m.text(), json(m));
      assertTrue(wire(m).length() < 12_000, "message of " + wire(m).length());
      lines += part.lines().size();
    }
    assertEquals(300, lines);
  }

  @Test
  @DisplayName(
      "a digest of 300 of Texas's agreements stays within Slack's limits and readable: each part"
          + " says how many in all, the first where the whole list is and what to do, lines"
          + " grouped under a heading, each with model, date and MOA")
  void a300LineDigestForOneState() {
    List<AlertMessage> alerts = BigDigest.alerts(UsState.TX, 300, Language.EN);
    Deliverer.DigestBudget budget = new SlackDeliverer(null).digestBudget();

    List<DigestPart> parts =
        new Digest().split(alerts, Language.EN, budget.maxItems(), budget.maxChars());

    int lines = 0;
    System.out.println("Slack: 300 alerts in " + parts.size() + " parts");
    for (DigestPart part : parts) {
      SlackMessage m = SlackBlocks.digest(part);
      SlackFixtures.assertWithinLimits(m.text(), json(m));
      assertTrue(part.title().startsWith("300 changes"), part.title());
      assertTrue(part.title().endsWith("(part " + part.number() + " of " + parts.size() + ")"));
      System.out.printf(
          "  part %d: %d lines, %d characters of text (%d blocks, %d characters of blocks"
              + " JSON)%n",
          part.number(),
          part.lines().size(),
          part.plainText().length(),
          m.blocks().size(),
          json(m).toString().length());
      lines += part.lines().size();
    }
    assertEquals(300, lines);
    DigestPart first = parts.get(0);
    assertEquals("The whole list, any time: /287g status TX", first.whole());
    assertEquals("New agreements (300)", first.sections().get(0).heading());
    assertTrue(first.actions() != null && !first.actions().links().isEmpty());
    String all = wire(SlackBlocks.digest(first));
    assertTrue(all.contains("/287g status TX") && all.contains("What you can do"), all);
    System.out.println("--- first Slack part, as its text ---");
    System.out.println(first.plainText());
  }

  @Test
  @DisplayName("a capped digest shows how many were left out")
  void aCappedDigestShowsHowManyWereLeftOut() {
    List<AlertMessage> alerts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      alerts.add(SlackFixtures.alert("Agency " + i + " signed", "Agency " + i, "e"));
    }
    List<DigestPart> parts = new Digest().split(alerts, Language.EN, 40, 6000, 1);
    SlackMessage m = SlackBlocks.digest(parts.get(0));

    SlackFixtures.assertWithinLimits(m.text(), json(m));
    assertTrue(wire(m).contains("more."), wire(m));
  }

  @Test
  @DisplayName("a notice names itself as for the operator")
  void aNoticeNamesItselfAsForTheOperator() {
    SlackMessage m =
        SlackBlocks.notice(
            new Notice(Notice.Kind.SOURCE_FAILING, "source", "ICE's page failed 3 times."));

    SlackFixtures.assertWithinLimits(m.text(), json(m));
    assertTrue(m.text().contains("ICE's page failed 3 times."), m.text());
    assertTrue(wire(m).contains("Notice for whoever runs watch287g"), wire(m));
  }

  @Test
  @DisplayName("a spanish alert gets spanish slack words")
  void aSpanishAlertGetsSpanishSlackWords() {
    AlertMessage en = SlackFixtures.harris();
    AlertMessage es =
        new AlertMessage(
            Language.ES,
            en.type(),
            en.list(),
            en.headline(),
            en.agency(),
            null,
            en.place(),
            en.date(),
            en.moa(),
            en.moaUrl(),
            null,
            en.modelTitle(),
            en.modelExplainer(),
            en.links(),
            en.labels(),
            en.model(),
            en.state());

    String all = wire(SlackBlocks.alert(es));
    assertTrue(all.contains("Leer el acuerdo (MOA)"), all);
    assertTrue(all.contains("Según las listas 287(g) de ICE"), all);
  }

  @Test
  @DisplayName("cutting never splits a surrogate pair")
  void cuttingNeverSplitsASurrogatePair() {
    String text = "a".repeat(148) + "😀😀";
    String cut = org.watch287g.alerts.TextLimits.shorten(text, 150);

    assertTrue(cut.length() <= 150);
    assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 2)));
  }
}
