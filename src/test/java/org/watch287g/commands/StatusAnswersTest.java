package org.watch287g.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Language;
import org.watch287g.dataset.AgreementKey;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.CountyQuery;
import org.watch287g.geo.Gazetteer;
import org.watch287g.store.Database;
import org.watch287g.store.EventStore;
import org.watch287g.store.PublishedRecords;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.testing.SeededDatabase;

/** {@code status} answers the question asked, on the real bundled publications (issue 13). */
class StatusAnswersTest {
  static final Invoker MEMBER = new Invoker(new ChannelRef("slack", "T0001", "C0LEE"), "U2", false);
  static CountyQuery query;

  @TempDir Path dir;
  CommandService service;

  @BeforeAll
  static void index() {
    query = new CountyQuery(Gazetteer.bundled());
  }

  @BeforeEach
  void open() throws Exception {
    service = seeded(query, dir);
  }

  /** The service over a database seeded with the bundled lists, on 2026-05-20. */
  static CommandService seeded(CountyQuery query, Path dir) throws Exception {
    Database db = SeededDatabase.create(dir.resolve("bot.db"));
    return new CommandService(
        query,
        Gazetteer.bundled(),
        AgencyResolver.bundled(),
        new PublishedRecords(new SnapshotRepository(db), new EventStore(db)),
        new SubscriptionRepository(db),
        Clock.fixed(Instant.parse("2026-05-20T10:00:00Z"), ZoneOffset.UTC));
  }

  Reply ask(String text) {
    return service.respond(text, MEMBER).reply();
  }

  @Test
  @DisplayName(
      "Lee County, Florida shows its sheriff first, then its police, and Florida's 12 statewide"
          + " agencies as one line")
  void leeCountyFirst() {
    Reply.StatusReply reply = (Reply.StatusReply) ask("status Lee County, Florida");
    Status s = reply.status();
    List<String> agencies = s.agreements().stream().map(e -> e.agreement().agency()).toList();

    assertEquals("Lee County Sheriff's Office", agencies.get(0), agencies.toString());
    assertTrue(
        agencies.indexOf("Cape Coral Police Department")
            < agencies.indexOf("Lee County Port Authority Police"),
        "police of places before other local bodies: " + agencies);
    assertEquals(12, Status.statewide(s.agreements()).size());
    int firstStatewide = s.agreements().indexOf(Status.statewide(s.agreements()).get(0));
    assertEquals(Status.local(s.agreements()).size(), firstStatewide, "statewide ones come last");

    String text = reply.plainText(Language.EN);
    assertTrue(text.contains("Agreements in force of agencies here: 10"), text);
    assertTrue(
        text.contains(
            "and 12 Florida state agencies, e.g. Florida Department of Highway Safety and Motor"
                + " Vehicles, Division of Highway Patrol: /287g status FL statewide"),
        text);
    assertFalse(text.contains("Florida National Guard"), "statewide agencies are not listed");
    String es = reply.plainText(Language.ES);
    assertTrue(es.contains("y 12 agencias estatales de Florida, p. ej."), es);
  }

  @Test
  @DisplayName("status FL statewide lists Florida's statewide agencies, and only those")
  void floridaStatewide() {
    Reply.StatusReply reply = (Reply.StatusReply) ask("status FL statewide");
    String text = reply.plainText(Language.EN);

    assertEquals(Reply.StatusReply.View.STATEWIDE, reply.view());
    assertTrue(text.startsWith("Florida: statewide agencies\nAgreements in force: 12"), text);
    assertTrue(text.contains("Florida National Guard"), text);
    assertFalse(text.contains("Lee County Sheriff"), text);
  }

  @Test
  @DisplayName(
      "Texas is answered with a summary and its top counties, not a list cut at 40 agreements")
  void texasSummary() {
    String text = ask("status TX").plainText(Language.EN);
    List<String> lines = text.lines().toList();

    assertEquals("287(g) in Texas", lines.get(0));
    assertTrue(lines.get(1).startsWith("Agreements in force: 387"), text);
    assertTrue(lines.get(2).contains("By model: Jail Enforcement Model (JEM): 52;"), text);
    assertTrue(text.contains("Counties with an agency under agreement: 208 of 254"), text);
    assertTrue(
        text.contains("Counties with the most agreements in force:\n  - Galveston County: 10"));
    assertTrue(text.contains("and 4 Texas state agencies"), text);
    assertTrue(text.contains("The whole list as a CSV file: /287g status TX csv"), text);
    assertFalse(text.contains("more"), text);
    assertTrue(lines.size() < 40, lines.size() + " lines:\n" + text);
  }

  @Test
  @DisplayName(
      "Armstrong County Sheriff's Office, pending in January and signed since, is shown once, in"
          + " force")
  void armstrongOnce() {
    Status armstrong = ((Reply.StatusReply) ask("status armstrong tx")).status();
    Status texas = ((Reply.StatusReply) ask("status TX")).status();

    assertTrue(
        armstrong.agreements().stream()
            .anyMatch(e -> e.agreement().agency().equals("Armstrong County Sheriff's Office")));
    assertTrue(armstrong.pending().isEmpty(), armstrong.pending().toString());
    for (Status.Entry p : texas.pending()) {
      String name = AgreementKey.fold(p.agreement().agency());
      assertTrue(
          texas.agreements().stream()
              .noneMatch(
                  a ->
                      AgreementKey.fold(a.agreement().agency()).equals(name)
                          && a.agreement().model() == p.agreement().model()),
          p.agreement().agency() + " is both pending and in force");
    }
  }

  @Test
  @DisplayName("washington county says how many counties have the name and to add a state")
  void washingtonCountyHint() {
    Reply.DidYouMean d = assertInstanceOf(Reply.DidYouMean.class, ask("status washington county"));
    int all = query.parse("washington county").candidates().size();
    String text = d.plainText(Language.EN);

    assertEquals(30, all);
    assertEquals(PlaceReader.CHOICES, d.choices().size());
    assertTrue(text.contains("30 counties have that name; the first 10 are above."), text);
    assertTrue(
        text.contains("Add a state to name one, e.g. /287g status washington county "), text);
    Reply again = ask(text.substring(text.indexOf("/287g status washington county ") + 6));
    assertInstanceOf(Reply.StatusReply.class, again, "the example itself answers");
    assertTrue(d.plainText(Language.ES).contains("Añade un estado"));
  }

  @Test
  @DisplayName("a name whose choices all lie in the state written gets no add-a-state hint")
  void noHintWithinOneState() {
    Reply.DidYouMean d = assertInstanceOf(Reply.DidYouMean.class, ask("status houston tx"));

    assertTrue(d.hints().isEmpty(), d.plainText(Language.EN));
  }

  @Test
  @DisplayName("status hialeah fl says that Hialeah is in Miami-Dade County, in both languages")
  void hialeahsCounty() {
    Reply.StatusReply reply = (Reply.StatusReply) ask("status hialeah fl");

    assertEquals("12086", reply.status().place().code());
    assertTrue(
        reply
            .plainText(Language.EN)
            .startsWith(
                "Hialeah, FL is in Miami-Dade County, FL.\n287(g) in Miami-Dade County, FL"),
        reply.plainText(Language.EN));
    assertTrue(
        reply.plainText(Language.ES).startsWith("Hialeah, FL está en Miami-Dade County, FL."),
        reply.plainText(Language.ES));
    assertTrue(((Reply.StatusReply) ask("status miami-dade fl")).notes().isEmpty());
  }

  @Test
  @DisplayName("status TX csv attaches every agreement and request of Texas as CSV")
  void texasCsv() {
    Reply reply = ask("status TX csv");
    Attachment file = reply.attachment().orElseThrow();
    Status texas = ((Reply.StatusReply) reply).status();
    List<String> rows = file.content().lines().toList();

    assertEquals("287g-TX-2026-05-18.csv", file.fileName());
    assertEquals("text/csv", file.mediaType());
    assertEquals(String.join(",", StatusCsv.HEADER), rows.get(0));
    assertEquals(1 + texas.agreements().size() + texas.pending().size(), rows.size());
    assertTrue(file.content().endsWith("\r\n"));
    assertTrue(
        reply.plainText(Language.EN).contains("attached as 287g-TX-2026-05-18.csv: 387 agreements"),
        reply.plainText(Language.EN));
    assertTrue(ask("status TX").attachment().isEmpty(), "no file unless asked");
  }

  @Test
  @DisplayName(
      "CSV cells that a spreadsheet would run as formulas get a quote first, and fields are quoted"
          + " where CSV needs it")
  void csvEscaping() {
    assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", StatusCsv.cell("=HYPERLINK(\"x\")"));
    assertEquals("'+1", StatusCsv.cell("+1"));
    assertEquals("'-2", StatusCsv.cell("-2"));
    assertEquals("'@SUM(A1)", StatusCsv.cell("@SUM(A1)"));
    assertEquals("'\tx", StatusCsv.cell("\tx"));
    assertEquals("\"'=1,2\"", StatusCsv.cell("=1,2"));
    assertEquals("\"Fish & Wildlife, \"\"FWC\"\"\"", StatusCsv.cell("Fish & Wildlife, \"FWC\""));
    assertEquals("\"a\nb\"", StatusCsv.cell("a\nb"));
    assertEquals("\" padded \"", StatusCsv.cell(" padded "));
    assertEquals(
        "Harris County Sheriff's Office", StatusCsv.cell("Harris County Sheriff's Office"));
    assertEquals("", StatusCsv.cell(""));
  }
}
