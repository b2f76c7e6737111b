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
  void an_alert_has_a_header_its_details_a_moa_button_the_toolkit_and_a_fallback() {
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
  void a_headline_longer_than_150_characters_is_cut_to_the_header_limit_with_an_ellipsis() {
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
  void a_huge_explainer_is_split_into_sections_of_at_most_3000_characters() {
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
  void text_that_would_need_more_than_50_blocks_is_capped_at_50() {
    String text = ("x".repeat(2999) + "\n").repeat(80);
    SlackMessage m = SlackBlocks.reply(text);

    assertEquals(50, m.blocks().size());
    SlackFixtures.assertWithinLimits(m.text(), json(m));
  }

  @Test
  void a_channels_note_opens_what_you_can_do_in_the_blocks_and_the_fallback() {
    SlackMessage m = SlackBlocks.alert(SlackFixtures.harris().withNote("Hotline 555-0100 & more"));

    String all = wire(m);
    assertTrue(all.contains("*What you can do*\\n• Hotline 555-0100 &amp; more\\n• <https"), all);
    assertTrue(m.text().contains("What you can do:\n- Hotline 555-0100 &amp; more\n"), m.text());
  }

  @Test
  void slack_control_characters_are_escaped_so_nobody_is_pinged() {
    SlackMessage m = SlackBlocks.reply("A & B <!channel> > C");

    String all = wire(m);
    assertTrue(all.contains("A &amp; B &lt;!channel&gt; &gt; C"), all);
    assertFalse(all.contains("<!channel>"), all);
  }

  @Test
  void a_hostile_agency_name_reaches_the_fallback_text_with_no_mention_and_no_link() {
    SlackMessage m = SlackBlocks.alert(SlackFixtures.hostile());

    SlackFixtures.assertWithinLimits(m.text(), json(m));
    SlackFixtures.assertNoMarkupFromOutside(m.text());
    SlackFixtures.assertNoMarkupFromOutside(SlackFixtures.mrkdwn(json(m)));
    assertTrue(m.text().contains("Harris County &lt;!channel&gt; &lt;https://evil"), m.text());
  }

  @Test
  void an_moa_on_a_host_that_only_looks_like_ices_becomes_no_button_and_no_link() {
    SlackMessage m = SlackBlocks.alert(SlackFixtures.hostile());

    String all = wire(m);
    assertFalse(all.contains("\"url\":\"" + SlackFixtures.HOSTILE_MOA), all);
    assertFalse(all.contains("Read the agreement (MOA)"), all);
    assertFalse(all.contains("<" + SlackFixtures.HOSTILE_MOA), all);
  }

  @Test
  void digests_notices_and_replies_escape_their_fallback_text_too() {
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
  void a_user_group_mention_opens_the_fallback_and_the_first_section_and_nothing_else_pings() {
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
  void here_opens_a_digests_first_part_only_and_an_alert_without_a_mention_pings_no_one() {
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
  void escaping_never_pushes_the_fallback_text_over_4000_characters() {
    SlackMessage m = SlackBlocks.reply("<&>".repeat(3_000));

    SlackFixtures.assertWithinLimits(m.text(), json(m));
    assertFalse(m.text().contains("<"), "an unescaped <");
  }

  @Test
  void a_long_digest_splits_into_parts_that_each_fit_slack() {
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
  void a_300_line_digest_for_one_state() {
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
  void a_capped_digest_shows_how_many_were_left_out() {
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
  void a_notice_names_itself_as_for_the_operator() {
    SlackMessage m =
        SlackBlocks.notice(
            new Notice(Notice.Kind.SOURCE_FAILING, "source", "ICE's page failed 3 times."));

    SlackFixtures.assertWithinLimits(m.text(), json(m));
    assertTrue(m.text().contains("ICE's page failed 3 times."), m.text());
    assertTrue(wire(m).contains("Notice for whoever runs watch287g"), wire(m));
  }

  @Test
  void a_spanish_alert_gets_spanish_slack_words() {
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
  void cutting_never_splits_a_surrogate_pair() {
    String text = "a".repeat(148) + "😀😀";
    String cut = org.watch287g.alerts.TextLimits.shorten(text, 150);

    assertTrue(cut.length() <= 150);
    assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 2)));
  }
}
