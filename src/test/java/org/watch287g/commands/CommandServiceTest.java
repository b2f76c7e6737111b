package org.watch287g.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.AlertComposer;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.DeliveryResult;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.PageLinks;
import org.watch287g.alerts.Target;
import org.watch287g.alerts.Toolkit;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.Provenance;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.CountyQuery;
import org.watch287g.geo.Gazetteer;
import org.watch287g.store.Database;
import org.watch287g.store.EventStore;
import org.watch287g.store.PublishedRecords;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SourceCursor;
import org.watch287g.store.SourceLedger;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.testing.SeededDatabase;

/** The command service over a real database holding real ICE publications. */
class CommandServiceTest {
  static final ChannelRef CHANNEL = new ChannelRef("slack", "T0001", "C0HOU");
  static final Invoker MANAGER = new Invoker(CHANNEL, "U1", true);
  static final Invoker MEMBER = new Invoker(CHANNEL, "U2", false);
  static CountyQuery query;

  @TempDir Path dir;
  Database db;
  SubscriptionRepository subscriptions;
  PublishedRecords lists;
  CommandService service;

  @BeforeAll
  static void index() {
    query = new CountyQuery(Gazetteer.bundled());
  }

  @BeforeEach
  void open() throws Exception {
    db = SeededDatabase.create(dir.resolve("bot.db"));
    subscriptions = new SubscriptionRepository(db);
    lists = new PublishedRecords(new SnapshotRepository(db), new EventStore(db));
    service =
        new CommandService(
            query,
            Gazetteer.bundled(),
            AgencyResolver.bundled(),
            new PublishedRecords(new SnapshotRepository(db), new EventStore(db)),
            subscriptions,
            Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC),
            (channel, verb, took) -> answered.add(verb));
  }

  final List<String> answered = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Test
  @DisplayName("every answer is timed for the operator's metrics, by verb")
  void answersAreObserved() {
    service.respond("status harris tx", MEMBER);
    service.respond("frobnicate", MEMBER);
    service.respond("help", MEMBER);

    assertEquals(List.of("status", "invalid", "help"), answered);
  }

  Reply ask(String text, Invoker who) {
    return service.respond(text, who).reply();
  }

  @Test
  @DisplayName("status harris tx lists the agreements ICE's 2026-05-18 list has in Harris County")
  void statusOfHarris() {
    Reply.StatusReply reply =
        assertInstanceOf(Reply.StatusReply.class, ask("status harris tx", MEMBER));
    Status s = reply.status();

    assertEquals("48201", s.place().code());
    assertEquals(LocalDate.of(2026, 5, 18), s.agreementsAsOf());
    List<String> agencies = s.agreements().stream().map(e -> e.agreement().agency()).toList();
    assertTrue(agencies.contains("Southside Place Police Department"), agencies.toString());
    assertTrue(agencies.contains("Texas National Guard"), "statewide agencies count: " + agencies);
    assertTrue(s.agreements().stream().allMatch(e -> e.agreement().state() == UsState.TX));
    assertTrue(
        s.agreements().stream()
            .allMatch(
                e -> e.reach() != Status.Reach.COUNTIES || e.counties().contains("Harris County")));
    assertTrue(reply.ephemeral(), "only the asker sees a status unless shared");
    String text = reply.plainText(Language.EN);
    assertTrue(text.contains("287(g) in Harris County, TX"), text);
    assertTrue(text.contains("May 18, 2026"), text);
    assertTrue(text.contains("ICE says the link is pending"), "Southside Place's MOA:\n" + text);
    assertTrue(text.contains("https://www.ice.gov/doclib/287gMOA/"), text);
  }

  @Test
  @DisplayName("status ... share is for the whole channel")
  void statusShared() {
    assertFalse(ask("status harris tx share", MEMBER).ephemeral());
  }

  @Test
  @DisplayName(
      "status of a state holds every agreement in it, and shows its recorded changes with renames")
  void statusOfAState() {
    Status fl = ((Reply.StatusReply) ask("status florida", MEMBER)).status();

    assertEquals(Place.of(UsState.FL), fl.place());
    assertTrue(fl.agreements().size() > 100, "Florida has hundreds: " + fl.agreements().size());
    assertEquals(1, fl.recent().size());
    assertEquals(ChangeEvent.Type.RENAMED, fl.recent().get(0).event().type());
    String text = ask("status FL", MEMBER).plainText(Language.EN);
    assertTrue(
        text.contains("Indiatlantic Police Department under a corrected name")
            && text.contains("previously listed as Indialantic Police Department"),
        text);
    assertTrue(text.contains("/287g status FL csv"), "a state's whole list is a file:\n" + text);
  }

  @Test
  @DisplayName("a county's changes are those of agencies covering it; other counties' are left out")
  void recentChangesByCounty() {
    Status brevard = ((Reply.StatusReply) ask("status brevard fl", MEMBER)).status();
    Status dade = ((Reply.StatusReply) ask("status miami-dade fl", MEMBER)).status();

    assertEquals(1, brevard.recent().size());
    assertEquals(0, dade.recent().size());
  }

  @Test
  @DisplayName(
      "a status asked again after a poll kept a new publication shows the change it brought")
  void statusAfterANewPublication() {
    assertEquals(
        1, ((Reply.StatusReply) ask("status brevard fl", MEMBER)).status().recent().size());
    Agreement before = SeededDatabase.brevard("Melbourne Police Department");
    Agreement after = SeededDatabase.brevard("City of Melbourne Police Department");
    ChangeEvent renamed =
        new ChangeEvent(ChangeEvent.Type.RENAMED, ListKind.PARTICIPATING, after, before, Set.of());
    Publication same = lists.latestGood(ListKind.PARTICIPATING).orElseThrow().publication();
    Instant polled = Instant.parse("2026-05-20T09:00:00Z");
    SnapshotRepository snapshots = new SnapshotRepository(db);
    new SourceLedger(db, snapshots, new EventStore(db))
        .keep(
            List.of(
                SourceLedger.Judged.good(
                    new SourceLedger.Arrival(
                        SourceCursor.empty(ListKind.PARTICIPATING),
                        new Provenance(
                            Provenance.Origin.IMPORTED, "polled", null, polled, "1".repeat(64)),
                        same,
                        "polled"))),
            List.of(
                new SourceLedger.Found(
                    renamed, AgencyResolver.bundled().resolve(after).predictedFips(), List.of())),
            polled);

    Status again = ((Reply.StatusReply) ask("status brevard fl", MEMBER)).status();

    assertEquals(2, again.recent().size());
    assertEquals(
        "City of Melbourne Police Department", again.recent().get(0).event().agreement().agency());
  }

  @Test
  @DisplayName("an ambiguous place gets did-you-mean choices that read back as exactly one place")
  void ambiguousPlace() {
    Reply.DidYouMean d =
        assertInstanceOf(Reply.DidYouMean.class, ask("status springfield", MEMBER));

    assertTrue(d.choices().size() >= 2 && d.choices().size() <= PlaceReader.CHOICES);
    assertTrue(d.ephemeral());
    for (Place p : d.choices()) {
      Reply again = ask("status " + p.code(), MEMBER);
      assertEquals(p, ((Reply.StatusReply) again).status().place());
    }
    assertTrue(d.plainText(Language.EN).contains("/287g status 17167"), d.plainText(Language.EN));
  }

  @Test
  @DisplayName(
      "a misspelt county is answered with how it was read, but subscribing to it asks first")
  void misspelling() {
    Reply.StatusReply s = (Reply.StatusReply) ask("status hariss tx", MEMBER);
    Reply sub = ask("subscribe hariss tx", MANAGER);

    assertEquals("48201", s.status().place().code());
    assertTrue(s.plainText(Language.EN).startsWith("Read \"hariss tx\" as Harris County, TX."));
    assertInstanceOf(Reply.DidYouMean.class, sub);
    assertTrue(subscriptions.find(CHANNEL).isEmpty(), "nothing followed on a guess");
  }

  @Test
  @DisplayName("subscribing without permission is refused with a reason, and changes nothing")
  void subscribeWithoutPermission() {
    Reply r = ask("subscribe harris tx", MEMBER);

    Reply.Refused refused = assertInstanceOf(Reply.Refused.class, r);
    assertTrue(refused.ephemeral());
    assertTrue(r.plainText(Language.EN).contains("Only people who can manage this channel"));
    assertTrue(subscriptions.find(CHANNEL).isEmpty());
    assertInstanceOf(Reply.Refused.class, ask("language es", MEMBER));
    assertInstanceOf(Reply.Refused.class, ask("digest 3", MEMBER));
    assertInstanceOf(Reply.StatusReply.class, ask("status TX", MEMBER), "anyone may look");
    assertInstanceOf(Reply.Text.class, ask("list", MEMBER), "anyone may list");
  }

  @Test
  @DisplayName("subscribe, list and unsubscribe round-trip, confirming each by the place's name")
  void subscribeListUnsubscribe() {
    String done = ask("subscribe harris tx", MANAGER).plainText(Language.EN);
    ask("subscribe TX", MANAGER);
    String again = ask("/287g subscribe 48201", MANAGER).plainText(Language.EN);
    String list = ask("list", MEMBER).plainText(Language.EN);
    String gone = ask("unsubscribe harris county, texas", MANAGER).plainText(Language.EN);
    String notFollowed = ask("unsubscribe harris tx", MANAGER).plainText(Language.EN);

    assertTrue(done.startsWith("This channel now follows Harris County, TX"), done);
    assertEquals("This channel already follows Harris County, TX.", again);
    assertTrue(list.contains("follows 2 places:\n  - Harris County, TX\n  - Texas"), list);
    assertTrue(
        list.contains("Language: English. Pending requests: on. Models: JEM, TFM, WSO."), list);
    assertEquals("This channel no longer follows Harris County, TX.", gone);
    assertTrue(notFollowed.startsWith("This channel does not follow Harris County, TX."));
    assertEquals(Set.of(Target.state(UsState.TX)), subscriptions.find(CHANNEL).get().targets());
    assertFalse(
        ask("subscribe harris tx", MANAGER).ephemeral(), "the channel sees what it follows");
  }

  @Test
  @DisplayName("language es makes replies Spanish, help included; language en brings English back")
  void spanish() {
    CommandService.Response set = service.respond("language es", MANAGER);
    CommandService.Response help = service.respond("help", MEMBER);
    CommandService.Response status = service.respond("status harris tx", MEMBER);

    assertEquals(Language.ES, set.language());
    assertEquals("Este canal ahora recibe sus respuestas y avisos en español.", set.plainText());
    assertTrue(help.plainText().startsWith("Comandos de /287g:"), help.plainText());
    assertTrue(help.plainText().contains("Por ejemplo: /287g status harris tx"));
    assertTrue(status.plainText().contains("lista de ICE leída el 18 de mayo de 2026"));
    assertEquals(Language.EN, service.respond("idioma english", MANAGER).language());
  }

  @Test
  @DisplayName("help shows every verb with its usage and an example, options syntax included")
  void helpListsEveryVerb() {
    String help = ask("help", MEMBER).plainText(Language.EN);

    for (Verb v : Verb.values()) {
      assertTrue(help.contains("/287g " + v.word()), v + " in\n" + help);
    }
    assertTrue(help.contains("/287g pending on|off"));
    assertTrue(help.contains("/287g models jem,tfm,wso|all"));
    assertTrue(help.contains("/287g digest <1-100>"));
    assertEquals(ask("", MEMBER), ask("/287g", MEMBER), "no words at all is help");
  }

  @Test
  @DisplayName("pending, models and digest set the channel's options with the documented syntax")
  void options() {
    assertFalse(ask("pending off", MANAGER).ephemeral());
    ask("models jem, TFM", MANAGER);
    ask("digest 12", MANAGER);

    var options = subscriptions.options(CHANNEL);
    assertFalse(options.includePending());
    assertEquals(EnumSet.of(Model.JEM, Model.TFM), options.models());
    assertEquals(12, options.digestThreshold());
    assertInstanceOf(Reply.Invalid.class, ask("pending maybe", MANAGER));
    assertInstanceOf(Reply.Invalid.class, ask("models jem,xyz", MANAGER));
    assertInstanceOf(Reply.Invalid.class, ask("models", MANAGER));
    assertInstanceOf(Reply.Invalid.class, ask("digest 0", MANAGER));
    assertInstanceOf(Reply.Invalid.class, ask("digest lots", MANAGER));
    assertInstanceOf(Reply.Invalid.class, ask("language klingon", MANAGER));
    assertEquals(12, subscriptions.options(CHANNEL).digestThreshold(), "bad input changes nothing");
    ask("models all", MANAGER);
    assertEquals(EnumSet.allOf(Model.class), subscriptions.options(CHANNEL).models());
  }

  @Test
  @DisplayName(
      "a manager's note is stored as typed, shown by list and confirmed to the channel; off"
          + " clears it")
  void note() {
    Reply set = ask("note Rapid response hotline: 555-0100 (24h), meeting Tue #4", MANAGER);

    assertFalse(set.ephemeral(), "the channel sees its alerts changed");
    assertEquals(
        "Rapid response hotline: 555-0100 (24h), meeting Tue #4",
        subscriptions.options(CHANNEL).note());
    assertTrue(ask("list", MEMBER).plainText(Language.EN).contains("555-0100"));
    assertInstanceOf(Reply.Refused.class, ask("note hello", MEMBER));
    ask("note off", MANAGER);
    assertEquals("", subscriptions.options(CHANNEL).note());
  }

  @Test
  @DisplayName(
      "a note with a mention, a channel link, formatting or a hidden character is refused with"
          + " a sentence saying why, and nothing is stored")
  void noteRefusesMarkup() {
    ask("note Call 555-0100", MANAGER);

    for (String hostile :
        List.of(
            "note ping <!channel> now",
            "note @everyone come",
            "note see <#C0123> for more",
            "note [Know your rights](https://evil.example)",
            "note *urgent*",
            "note a\u202eevil",
            "note x".repeat(60))) {
      Reply r = ask(hostile, MANAGER);
      assertInstanceOf(Reply.Invalid.class, r, hostile);
      String why = r.plainText(Language.EN).lines().findFirst().orElse("");
      assertTrue(why.contains("plain words") || why.contains("too long"), why);
    }
    assertEquals("Call 555-0100", subscriptions.options(CHANNEL).note(), "nothing changed");
  }

  @Test
  @DisplayName(
      "test posts one real sample alert, marked as a test, in the channel's language with its"
          + " note, to this channel only; a channel following nothing is told to subscribe first")
  void testPostsASample() {
    List<String> posted = new java.util.ArrayList<>();
    CommandService withTests =
        new CommandService(
            query,
            Gazetteer.bundled(),
            AgencyResolver.bundled(),
            lists,
            subscriptions,
            Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC),
            (channel, verb, took) -> {},
            new AlertComposer(Gazetteer.bundled(), Toolkit.empty()),
            (channel, alert) -> {
              posted.add(channel.channel() + ": " + alert.plainText());
              return new DeliveryResult.Sent();
            },
            PageLinks.NONE);

    Reply nothing = withTests.respond("test", MANAGER).reply();
    withTests.respond("subscribe harris tx", MANAGER);
    withTests.respond("language es", MANAGER);
    withTests.respond("note Línea 555-0100", MANAGER);
    Reply sent = withTests.respond("test", MANAGER).reply();

    assertTrue(nothing.plainText(Language.EN).contains("subscribe first"), nothing.toString());
    assertTrue(sent.ephemeral());
    assertEquals(1, posted.size(), posted.toString());
    String alert = posted.get(0);
    assertTrue(alert.startsWith("C0HOU: Prueba, nada nuevo: "), alert);
    assertTrue(alert.contains("Harris County"), alert);
    assertTrue(alert.contains("- Línea 555-0100"), alert);
    assertInstanceOf(Reply.Refused.class, withTests.respond("test", MEMBER).reply());
  }

  @Test
  @DisplayName("a test the platform cannot post says why in one sentence")
  void testThatCannotPost() {
    CommandService withTests =
        new CommandService(
            query,
            Gazetteer.bundled(),
            AgencyResolver.bundled(),
            lists,
            subscriptions,
            Clock.systemUTC(),
            (channel, verb, took) -> {},
            new AlertComposer(Gazetteer.bundled(), Toolkit.empty()),
            (channel, alert) -> new DeliveryResult.Unavailable("not_in_channel"),
            PageLinks.NONE);
    withTests.respond("subscribe harris tx", MANAGER);

    String answer = withTests.respond("test", MANAGER).plainText();

    assertTrue(answer.contains("cannot post in this channel (not_in_channel)"), answer);
  }

  @Test
  @DisplayName(
      "a manager picks a Slack user group or here to ping: stored, confirmed to the channel in its"
          + " language, shown by list; off clears it; a member may not")
  void mentionOnSlack() {
    Reply set = ask("mention subteam:S0123ABCD", MANAGER);

    assertFalse(set.ephemeral(), "the channel sees who its alerts will ping");
    assertEquals("subteam:S0123ABCD", subscriptions.options(CHANNEL).mention());
    assertTrue(set.plainText(Language.EN).contains("ping subteam:S0123ABCD"), set.toString());
    assertTrue(ask("list", MEMBER).plainText(Language.EN).contains("subteam:S0123ABCD"));
    ask("language es", MANAGER);
    String spanish = service.respond("mention here", MANAGER).plainText();
    assertTrue(spanish.contains("mencionan a here"), spanish);
    assertEquals("here", subscriptions.options(CHANNEL).mention());
    assertInstanceOf(Reply.Refused.class, ask("mention off", MEMBER));
    assertEquals("here", subscriptions.options(CHANNEL).mention());
    assertFalse(ask("mention off", MANAGER).ephemeral());
    assertEquals("", subscriptions.options(CHANNEL).mention());
  }

  @Test
  @DisplayName(
      "a mention the channel's platform cannot ping (a role on Slack, @everyone, a name Slack did"
          + " not turn into a group, junk, an over-long ID) is refused with one sentence saying"
          + " what to write, and nothing is stored")
  void mentionRefusedOnSlack() {
    ask("mention subteam:S0123ABCD", MANAGER);

    for (String bad :
        List.of(
            "mention role:123456789012345678",
            "mention @everyone",
            "mention @channel",
            "mention <!channel>",
            "mention @rapid-response",
            "mention subteam:s0123abcd",
            "mention subteam:S0123ABCD0123456789ABCDEF",
            "mention here there",
            "mention " + "x".repeat(190))) {
      Reply r = ask(bad, MANAGER);
      assertInstanceOf(Reply.Invalid.class, r, bad);
      String why = r.plainText(Language.EN).lines().findFirst().orElse("");
      assertTrue(why.contains("is not a Slack user group, so nothing was saved"), why);
      assertTrue(why.contains("pick the group from Slack's suggestions"), why);
    }
    assertInstanceOf(Reply.Invalid.class, ask("mention " + "x".repeat(201), MANAGER));
    assertEquals("subteam:S0123ABCD", subscriptions.options(CHANNEL).mention(), "nothing changed");
  }

  @Test
  @DisplayName(
      "on Discord only a role can be pinged, and on the console only here; anything else is"
          + " refused and nothing is stored")
  void mentionPerPlatform() {
    ChannelRef discord = new ChannelRef("discord", "111111111111111111", "222222222222222222");
    Invoker discordManager = new Invoker(discord, "333", true);
    Invoker consoleManager = new Invoker(ChannelRef.console(), "local", true);

    assertFalse(ask("mention role:123456789012345678", discordManager).ephemeral());
    assertEquals("role:123456789012345678", subscriptions.options(discord).mention());
    for (String bad : List.of("mention here", "mention subteam:S0123ABCD", "mention role:12")) {
      Reply r = ask(bad, discordManager);
      assertInstanceOf(Reply.Invalid.class, r, bad);
      assertTrue(r.plainText(Language.EN).contains("in the role option"), r.toString());
    }
    assertEquals("role:123456789012345678", subscriptions.options(discord).mention());

    assertInstanceOf(Reply.Invalid.class, ask("mention role:123456789012345678", consoleManager));
    assertEquals("", subscriptions.options(ChannelRef.console()).mention());
    ask("mention here", consoleManager);
    assertEquals("here", subscriptions.options(ChannelRef.console()).mention());
  }

  @Test
  @DisplayName("junk and over-long input get a helpful message, never an exception")
  void junk() {
    String unknown = ask("frobnicate harris", MEMBER).plainText(Language.EN);
    String nowhere = ask("status qqqqqqqqqq zz", MEMBER).plainText(Language.EN);
    Reply tooLong = ask("status " + "x".repeat(500), MEMBER);
    Reply missing = ask("subscribe", MANAGER);

    assertTrue(unknown.contains("\"frobnicate\" is not a /287g command"), unknown);
    assertTrue(nowhere.startsWith("No county, state or town is called"), nowhere);
    assertTrue(tooLong.plainText(Language.EN).contains("at most 200 characters"));
    assertTrue(missing.plainText(Language.EN).contains("How to write it: /287g subscribe"));
    for (String junk :
        List.of(
            "\u0000\u0001",
            "status \"\"",
            "status ;DROP TABLE channel",
            "status 99999",
            "   ",
            "digest 99999999999999")) {
      Reply r = ask(junk, MANAGER);
      assertFalse(r.plainText(Language.EN).isBlank(), junk);
    }
  }
}
