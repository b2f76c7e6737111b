package org.watch287g.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.Digest;
import org.watch287g.alerts.DigestPart;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Notice;
import org.watch287g.alerts.Texts;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.UsState;
import org.watch287g.testing.BigDigest;

/** Alerts, digests, replies and notices as Discord messages, always within Discord's limits. */
class DiscordRenderTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final AlertMessage.Labels LABELS =
      new AlertMessage.Labels(
          "Agency",
          "Previously listed as",
          "Where",
          "Signed",
          "Agreement (MOA)",
          "Addendum",
          "Model",
          "What you can do");
  static final String MOA = "https://www.ice.gov/doclib/287gMOA/r_beauregardparishsolaTFM.pdf";

  final DiscordRender render = new DiscordRender();

  static AlertMessage alert(String headline, String agency, int links, int linkTitleLength) {
    List<AlertMessage.Link> l = new ArrayList<>();
    for (int i = 0; i < links; i++) {
      l.add(new AlertMessage.Link("t".repeat(linkTitleLength) + i, "https://example.org/" + i));
    }
    return new AlertMessage(
        Language.EN,
        ChangeEvent.Type.PENDING_SIGNED,
        ListKind.PARTICIPATING,
        headline,
        agency,
        null,
        "Beauregard Parish, LA",
        "May 16, 2025",
        MOA,
        MOA,
        null,
        "Task Force Model (TFM)",
        "Local officers question and arrest people for immigration violations.",
        l,
        LABELS,
        "TFM",
        UsState.LA);
  }

  static AlertMessage beauregard() {
    return alert(
        "Beauregard Parish Sheriff's Office signed the 287(g) agreement it had requested"
            + " (Beauregard Parish, LA)",
        "Beauregard Parish Sheriff's Office",
        2,
        30);
  }

  static JsonNode json(MessageCreateData message) throws Exception {
    return JSON.readTree(message.toData().toString());
  }

  @Test
  @DisplayName(
      "an alert is one embed titled by its headline linked to the moa with a field per detail")
  void anAlertIsOneEmbedTitledByItsHeadlineLinkedToTheMoaWithAFieldPerDetail() throws Exception {
    JsonNode message = json(render.alert(beauregard()));

    assertEquals(1, message.path("embeds").size());
    JsonNode embed = message.path("embeds").get(0);
    assertTrue(embed.path("title").asText().startsWith("Beauregard Parish Sheriff"));
    assertEquals(MOA, embed.path("url").asText());
    List<String> names = new ArrayList<>();
    embed.path("fields").forEach(f -> names.add(f.path("name").asText()));
    assertEquals(
        List.of("Agency", "Where", "Signed", "Agreement (MOA)", "Model", "What you can do"), names);
    String moa = embed.path("fields").get(3).path("value").asText();
    assertEquals(MOA, moa, "a URL shown as itself stays a plain, clickable URL");
    assertTrue(embed.path("fields").get(4).path("value").asText().contains("Local officers"));
    assertTrue(
        embed.path("fields").get(5).path("value").asText().contains("](https://example.org/0)"));
    assertEquals(List.of(), Limits.problems(message));
    assertEquals(0, message.path("allowed_mentions").path("parse").size(), "nobody is pinged");
  }

  @Test
  @DisplayName("an alert with absurdly long texts is cut to discords limits rather than refused")
  void anAlertWithAbsurdlyLongTextsIsCutToDiscordsLimitsRatherThanRefused() throws Exception {
    AlertMessage huge = alert("H".repeat(1_000), "A".repeat(3_000), 60, 200);

    JsonNode message = json(render.alert(huge));

    assertEquals(List.of(), Limits.problems(message), message.toString().substring(0, 300));
    JsonNode embed = message.path("embeds").get(0);
    assertEquals(256, embed.path("title").asText().length());
    assertTrue(embed.path("title").asText().endsWith("…"));
    assertTrue(embed.path("fields").get(0).path("value").asText().endsWith("…"));
  }

  @Test
  @DisplayName(
      "a digest of 300 of Texas's agreements fits Discord part by part, nothing cut, every part"
          + " counting all 300, the first with where the whole list is and what to do")
  void a300LineDigestForOneState() throws Exception {
    List<AlertMessage> alerts = BigDigest.alerts(UsState.TX, 300, Language.EN);

    List<DigestPart> parts =
        new Digest()
            .split(
                alerts,
                Language.EN,
                DiscordRender.DIGEST_BUDGET.maxItems(),
                DiscordRender.DIGEST_BUDGET.maxChars());

    int lines = 0;
    System.out.println("Discord: 300 alerts in " + parts.size() + " parts");
    for (DigestPart part : parts) {
      JsonNode message = json(render.digest(part));
      assertEquals(List.of(), Limits.problems(message), part.title());
      JsonNode embed = message.path("embeds").get(0);
      String description = embed.path("description").asText();
      assertFalse(description.endsWith("…"), "the budget leaves room: nothing is cut");
      assertTrue(part.title().startsWith("300 changes"), part.title());
      System.out.printf(
          "  part %d: %d lines, %d characters (title %d + description %d)%n",
          part.number(),
          part.lines().size(),
          embed.path("title").asText().length() + description.length(),
          embed.path("title").asText().length(),
          description.length());
      lines += part.lines().size();
    }
    assertEquals(300, lines);
    JsonNode first = json(render.digest(parts.get(0))).path("embeds").get(0);
    System.out.println("--- first Discord part: title, then description ---");
    System.out.println(first.path("title").asText());
    System.out.println(first.path("description").asText());
    assertTrue(first.path("description").asText().contains("/287g status TX"));
    assertTrue(first.path("description").asText().contains("**What you can do**"));
  }

  @Test
  @DisplayName("every part of a digest split with the discord budget fits one message")
  void everyPartOfADigestSplitWithTheDiscordBudgetFitsOneMessage() throws Exception {
    List<AlertMessage> alerts = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      alerts.add(
          alert(
              "Agency number " + i + " with a long name".repeat(i % 7) + " signed (Somewhere, TX)",
              "Agency " + i,
              1,
              10));
    }
    List<DigestPart> parts =
        new Digest()
            .split(
                alerts,
                Language.EN,
                DiscordRender.DIGEST_BUDGET.maxItems(),
                DiscordRender.DIGEST_BUDGET.maxChars());

    assertTrue(parts.size() > 1, "150 alerts take several messages");
    int lines = 0;
    for (DigestPart part : parts) {
      JsonNode message = json(render.digest(part));
      assertEquals(List.of(), Limits.problems(message), part.title());
      String description = message.path("embeds").get(0).path("description").asText();
      assertFalse(description.endsWith("…"), "the budget leaves room: nothing is cut");
      lines += part.lines().size();
    }
    assertEquals(150, lines);
  }

  @Test
  @DisplayName("a long reply is cut at line ends and says how many lines were left out")
  void aLongReplyIsCutAtLineEndsAndSaysHowManyLinesWereLeftOut() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      lines.add("  - line " + i + " " + "x".repeat(90));
    }

    List<MessageEmbed> embeds = render.reply(String.join("\n", lines), Texts.of(Language.EN));

    assertTrue(embeds.size() <= 10);
    int total = embeds.stream().mapToInt(MessageEmbed::getLength).sum();
    assertTrue(total <= 6_000, "total " + total);
    embeds.forEach(e -> assertTrue(e.getLength() <= 4_096));
    String last = embeds.get(embeds.size() - 1).getDescription();
    assertTrue(last != null && last.matches("(?s).*and \\d+ more lines.*"), last);
    int shown = embeds.stream().mapToInt(e -> e.getDescription().split("\n").length).sum() - 1;
    assertTrue(last.contains("and " + (500 - shown) + " more lines"), last);
  }

  @Test
  @DisplayName("a short reply is one embed with every line")
  void aShortReplyIsOneEmbedWithEveryLine() {
    List<MessageEmbed> embeds =
        render.reply("287(g) in Harris County, TX\nAgreements in force: 2", Texts.of(Language.EN));

    assertEquals(1, embeds.size());
    assertEquals(
        "287(g) in Harris County, TX\nAgreements in force: 2", embeds.get(0).getDescription());
  }

  @Test
  @DisplayName("a notice is plain text within 2000 characters")
  void aNoticeIsPlainTextWithin2000Characters() throws Exception {
    Notice notice =
        new Notice(Notice.Kind.SOURCE_FAILING, "source", "ICE's page fails. ".repeat(200));

    JsonNode message = json(render.notice(notice, Texts.of(Language.EN)));

    assertTrue(message.path("content").asText().length() <= 2_000);
    assertTrue(message.path("content").asText().contains("ICE's page fails."));
    assertEquals(List.of(), Limits.problems(message));
  }

  /** An agency name with a masked link in it, as ICE's spreadsheet could carry one. */
  static final String MASKED =
      "Harris County [Know Your Rights hotline](https://evil.example/phish) Police";

  /** Every text of a message that Discord reads markdown in: content, descriptions, fields. */
  static List<String> markdown(JsonNode message) {
    List<String> texts = new ArrayList<>();
    texts.add(message.path("content").asText());
    for (JsonNode embed : message.path("embeds")) {
      texts.add(embed.path("description").asText());
      embed.path("fields").forEach(f -> texts.add(f.path("value").asText()));
    }
    return texts;
  }

  /** The addresses Discord would link to in these texts (see {@link Clickable}). */
  static List<String> links(List<String> texts) {
    List<String> links = new ArrayList<>();
    texts.forEach(t -> links.addAll(Clickable.in(t)));
    return links;
  }

  static List<String> replyLinks(List<MessageEmbed> embeds) {
    List<String> texts = new ArrayList<>();
    embeds.forEach(e -> texts.add(String.valueOf(e.getDescription())));
    return links(texts);
  }

  @Test
  @DisplayName("a channels note opens what you can do escaped and linking nowhere")
  void aChannelsNoteOpensWhatYouCanDoEscapedAndLinkingNowhere() throws Exception {
    AlertMessage alert = beauregard().withNote("Hotline 555-0100 *24h* https://evil.example");

    JsonNode message = json(render.alert(alert));

    JsonNode fields = message.path("embeds").get(0).path("fields");
    String actions = fields.get(fields.size() - 1).path("value").asText();
    assertTrue(actions.startsWith("- Hotline 555-0100 \\*24h\\*"), actions);
    assertEquals(
        List.of(MOA, "https://example.org/0", "https://example.org/1"), links(markdown(message)));
  }

  static final String ROLE = "123456789012345678";

  @Test
  @DisplayName(
      "an alert that pings has its role as content and allowed mentions naming that role alone")
  void anAlertThatPingsHasItsRoleAsContentAndAllowedMentionsNamingThatRoleAlone() throws Exception {
    AlertMessage alert = alert("@everyone <@&999999999999999999> signed", "x", 1, 1);

    JsonNode message = json(render.alert(alert.withMention("role:" + ROLE)));

    assertEquals("<@&" + ROLE + ">", message.path("content").asText());
    JsonNode allowed = message.path("allowed_mentions");
    assertEquals(List.of(ROLE), strings(allowed.path("roles")));
    assertEquals(0, allowed.path("parse").size(), "nothing parsed: " + allowed);
    assertEquals(0, allowed.path("users").size(), allowed.toString());
    JsonNode plain = json(render.alert(alert));
    assertEquals("", plain.path("content").asText(""), "an alert without a mention has none");
    assertEquals(0, plain.path("allowed_mentions").path("roles").size());
  }

  @Test
  @DisplayName("a digest pings its role on its first part only")
  void aDigestPingsItsRoleOnItsFirstPartOnly() throws Exception {
    List<AlertMessage> alerts = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      alerts.add(alert("Agency " + i + " signed", "Agency " + i, 1, 1).withMention("role:" + ROLE));
    }
    List<DigestPart> parts =
        new Digest()
            .split(
                alerts,
                Language.EN,
                DiscordRender.DIGEST_BUDGET.maxItems(),
                DiscordRender.DIGEST_BUDGET.maxChars());

    assertTrue(parts.size() >= 2, parts.size() + " parts");
    JsonNode first = json(render.digest(parts.get(0)));
    assertEquals("<@&" + ROLE + ">", first.path("content").asText());
    assertEquals(List.of(ROLE), strings(first.path("allowed_mentions").path("roles")));
    for (DigestPart later : parts.subList(1, parts.size())) {
      JsonNode m = json(render.digest(later));
      assertEquals("", m.path("content").asText(""));
      assertEquals(0, m.path("allowed_mentions").path("roles").size());
    }
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  @DisplayName("a masked link in an agency name is shown as text and links nowhere")
  void aMaskedLinkInAnAgencyNameIsShownAsTextAndLinksNowhere() throws Exception {
    AlertMessage hostile = alert(MASKED + " signed", MASKED, 1, 10);

    JsonNode message = json(render.alert(hostile));

    List<String> links = links(markdown(message));
    assertEquals(List.of(MOA, "https://example.org/0"), links, "ICE's MOA and the toolkit only");
    String agency = message.path("embeds").get(0).path("fields").get(0).path("value").asText();
    assertTrue(agency.contains("Know Your Rights hotline"), agency);
    assertTrue(agency.contains("evil.example/phish"), "shown, as text: " + agency);
  }

  @Test
  @DisplayName("a bare url or an autolink in an agency name is not made a link")
  void aBareUrlOrAnAutolinkInAnAgencyNameIsNotMadeALink() throws Exception {
    String name =
        "Harris https://evil.example/a <https://evil.example/b> HTTPS://evil.example/c PD";

    JsonNode message = json(render.alert(alert(name + " signed", name, 0, 0)));

    assertEquals(List.of(MOA), links(markdown(message)));
  }

  @Test
  @DisplayName("a backslash in an agency name cannot undo the escaping")
  void aBackslashInAnAgencyNameCannotUndoTheEscaping() throws Exception {
    String name = "A \\[x\\](https://evil.example/a) \\ [y\\](https://evil.example/b) B";

    JsonNode message = json(render.alert(alert(name + " signed", name, 0, 0)));

    assertEquals(List.of(MOA), links(markdown(message)));
  }

  @Test
  @DisplayName("an moa on a host that only looks like ices is neither the title link nor a link")
  void anMoaOnAHostThatOnlyLooksLikeIcesIsNeitherTheTitleLinkNorALink() throws Exception {
    String evil = "https://www.ice.gov.evil.example/doclib/287gMOA/phish.pdf";
    AlertMessage a = beauregard();
    AlertMessage hostile =
        new AlertMessage(
            a.language(),
            a.type(),
            a.list(),
            a.headline(),
            a.agency(),
            null,
            a.place(),
            a.date(),
            evil,
            evil,
            evil,
            a.modelTitle(),
            a.modelExplainer(),
            List.of(),
            a.labels(),
            a.model(),
            a.state());

    JsonNode message = json(render.alert(hostile));

    assertTrue(message.path("embeds").get(0).path("url").isMissingNode(), message.toString());
    assertEquals(List.of(), links(markdown(message)));
  }

  @Test
  @DisplayName("a digest keeps ices moa links and the toolkits and nothing else from outside")
  void aDigestKeepsIcesMoaLinksAndTheToolkitsAndNothingElseFromOutside() throws Exception {
    List<AlertMessage> alerts =
        List.of(alert(MASKED + " signed", MASKED, 0, 0), beauregard(), beauregard());
    DigestPart part = new Digest().split(alerts, Language.EN, 20, 3_600).get(0);

    JsonNode message = json(render.digest(part));

    // The toolkit's links come once, in the digest's one "what you can do" block.
    assertEquals(
        List.of("https://example.org/0", "https://example.org/1", MOA, MOA, MOA),
        links(markdown(message)).stream().sorted().toList());
  }

  @Test
  @DisplayName("a reply keeps ices moa links and nothing else from outside")
  void aReplyKeepsIcesMoaLinksAndNothingElseFromOutside() {
    String reply =
        "287(g) in Harris County, TX\n"
            + MASKED
            + " — Task Force Model (TFM), signed May 8, 2025 — MOA: "
            + MOA
            + "\nSee https://evil.example/bare and <https://evil.example/auto>";

    List<MessageEmbed> embeds = render.reply(reply, Texts.of(Language.EN));

    assertEquals(List.of(MOA), replyLinks(embeds));
    assertTrue(embeds.get(0).getDescription().startsWith("287(g) in Harris County, TX\n"));
  }

  @Test
  @DisplayName("a notice quoting ices page links nowhere it should not")
  void aNoticeQuotingIcesPageLinksNowhereItShouldNot() throws Exception {
    Notice notice =
        new Notice(Notice.Kind.SOURCE_FAILING, "source", "ICE's page changed: " + MASKED);

    JsonNode message = json(render.notice(notice, Texts.of(Language.EN)));

    assertEquals(List.of(), links(markdown(message)));
    assertTrue(message.path("content").asText().contains("Know Your Rights"));
  }

  @Test
  @DisplayName("markdown in ices names is shown as written")
  void markdownInIcesNamesIsShownAsWritten() throws Exception {
    AlertMessage starred = alert("*Bold* agency signed", "*Bold* _agency_", 0, 0);

    JsonNode embed = json(render.alert(starred)).path("embeds").get(0);

    assertEquals("\\*Bold\\* \\_agency\\_", embed.path("fields").get(0).path("value").asText());
  }
}
