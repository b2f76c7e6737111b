package org.watch287g.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watch287g.alerts.AdminNotices;
import org.watch287g.alerts.AlertComposer;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.DeliveryWorker;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.PageLinks;
import org.watch287g.alerts.RetryPolicy;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.commands.CommandService;
import org.watch287g.commands.Invoker;
import org.watch287g.commands.Webhooks;
import org.watch287g.config.ToolkitLoader;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.CountyQuery;
import org.watch287g.geo.Coverage;
import org.watch287g.geo.Gazetteer;
import org.watch287g.store.Database;
import org.watch287g.store.EventStore;
import org.watch287g.store.PublishedRecords;
import org.watch287g.store.SnapshotRepository;
import org.watch287g.store.SourceLedger;
import org.watch287g.store.SqlOutbox;
import org.watch287g.store.SubscriptionRepository;
import org.watch287g.store.WebhookRepository;
import org.watch287g.testing.FakeClock;
import org.watch287g.testing.Ledgers;
import org.watch287g.testing.RealAgreements;
import org.watch287g.web.WebhookDeliverer;
import org.watch287g.web.WebhookSignature;

/**
 * Webhooks from a channel manager's command to a receiver's server: registered with {@code /287g
 * webhook}, matched like the channel it mirrors, queued in the outbox with the channel's alert,
 * signed, retried after a failure and delivered once; removed with {@code off}. The receiver runs
 * over real TLS; its host name is looked up to the loopback address by the test's resolver, the one
 * place the test departs from the internet.
 */
class WebhooksEndToEndTest {
  static final String HOST = "hooks.example.org";
  static final ChannelRef CHANNEL = new ChannelRef("slack", "T1", "C1");
  static final HeldCertificate CERTIFICATE =
      new HeldCertificate.Builder().addSubjectAlternativeName(HOST).build();
  static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9_-]{43}");

  @TempDir Path dir;
  MockWebServer receiver;
  FakeClock clock = new FakeClock(Instant.parse("2026-05-18T15:00:00Z"));
  Database database;
  SubscriptionRepository subscriptions;
  WebhookRepository webhooks;
  EventStore events;
  SqlOutbox outbox;
  CommandService commands;

  @BeforeEach
  void start() throws Exception {
    receiver = new MockWebServer();
    receiver.useHttps(
        new HandshakeCertificates.Builder()
            .heldCertificate(CERTIFICATE)
            .build()
            .sslSocketFactory());
    receiver.start();
    database = Database.open(dir.resolve("bot.db"), Duration.ofSeconds(2));
    subscriptions = new SubscriptionRepository(database);
    webhooks = new WebhookRepository(database, subscriptions);
    events = new EventStore(database);
    outbox = new SqlOutbox(database, events);
    commands =
        new CommandService(
            new CountyQuery(Gazetteer.bundled()),
            Gazetteer.bundled(),
            AgencyResolver.bundled(),
            new PublishedRecords(new SnapshotRepository(database), events),
            subscriptions,
            clock,
            (channel, verb, took) -> {},
            null,
            null,
            PageLinks.NONE,
            webhooks);
  }

  @AfterEach
  void stop() throws Exception {
    receiver.close();
    database.close();
  }

  @Test
  @DisplayName(
      "a webhook registered in a channel gets the channel's alert signed with the secret shown"
          + " once, is retried after a failure with the same event id, and is sent exactly once")
  void aChannelsWebhookGetsItsAlertsOnce() throws Exception {
    say("subscribe Hillsborough County, NH");
    String secret = secretIn(say("webhook https://" + HOST + ":" + receiver.getPort() + "/287g"));
    ChannelRef destination = Webhooks.mirrorOf(CHANNEL);
    receiver.enqueue(new MockResponse.Builder().code(503).build());
    receiver.enqueue(new MockResponse.Builder().code(200).build());

    List<ChannelRef> reached = queueHillsboroughSigning();
    DeliveryWorker worker = worker();
    worker.deliverDue();
    clock.advance(Duration.ofHours(1));
    worker.deliverDue();
    clock.advance(Duration.ofHours(1));
    worker.deliverDue();

    assertEquals(
        List.of(CHANNEL, destination), reached, "the webhook hears what its channel hears");
    assertEquals(2, receiver.getRequestCount(), "one failure, one delivery, nothing more");
    RecordedRequest failed = receiver.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest delivered = receiver.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(failed);
    assertNotNull(delivered);
    assertEquals(
        failed.getHeaders().get(WebhookSignature.EVENT_ID),
        delivered.getHeaders().get(WebhookSignature.EVENT_ID),
        "a retry is the same event to the receiver");
    byte[] body = delivered.getBody().toByteArray();
    assertTrue(
        WebhookSignature.verify(
            secret,
            Long.parseLong(delivered.getHeaders().get(WebhookSignature.TIMESTAMP)),
            body,
            delivered.getHeaders().get(WebhookSignature.SIGNATURE)),
        "signed with the secret the manager was shown");
    assertTrue(new String(body, java.nio.charset.StandardCharsets.UTF_8).contains("\"33011\""));
    assertEquals(0, outbox.depth(Webhooks.PLATFORM), "nothing left to send to the webhook");
  }

  @Test
  @DisplayName(
      "a webhook follows its channel's later subscriptions and language, and is gone with its"
          + " pending alerts after /287g webhook off")
  void aWebhookMirrorsItsChannelUntilRemoved() throws Exception {
    say("webhook https://" + HOST + "/287g");
    say("subscribe Hillsborough County, NH");
    say("language es");
    ChannelRef destination = Webhooks.mirrorOf(CHANNEL);

    assertEquals(
        subscriptions.find(CHANNEL).orElseThrow().targets(),
        subscriptions.find(destination).orElseThrow().targets());
    assertEquals(Language.ES, subscriptions.options(destination).language());
    assertTrue(say("list").contains("webhook https://" + HOST + "/287g"), "list names it");
    queueHillsboroughSigning();
    assertEquals(1, outbox.depth(Webhooks.PLATFORM));

    String removed = say("webhook off");
    say("unsubscribe Hillsborough County, NH");

    assertTrue(removed.contains("ya no van a un webhook"), removed);
    assertTrue(webhooks.ownedBy(CHANNEL).isEmpty());
    assertTrue(subscriptions.find(destination).isEmpty(), "its destination is forgotten");
    assertEquals(0, outbox.depth(Webhooks.PLATFORM), "its unsent alert is given up");
  }

  @Test
  @DisplayName(
      "only people who may manage the channel can add a webhook, and a private or http URL is"
          + " refused with why")
  void refusals() {
    String stranger =
        commands
            .respond("webhook https://" + HOST + "/287g", new Invoker(CHANNEL, "U2", false))
            .reply()
            .plainText(Language.EN);
    String local = say("webhook https://169.254.169.254/latest/meta-data");
    String plain = say("webhook http://" + HOST + "/287g");

    assertTrue(stranger.contains("Only people who can manage"), stranger);
    assertTrue(local.contains("not on the public internet"), local);
    assertTrue(plain.contains("must use https"), plain);
    assertTrue(webhooks.ownedBy(CHANNEL).isEmpty(), "nothing registered");
  }

  String say(String text) {
    return commands
        .respond(text, new Invoker(CHANNEL, "U1", true))
        .reply()
        .plainText(subscriptions.options(CHANNEL).language());
  }

  static String secretIn(String reply) {
    Matcher m = SECRET.matcher(reply);
    assertTrue(m.find(), "the reply shows the secret: " + reply);
    String secret = m.group();
    assertFalse(m.find(), "once");
    return secret;
  }

  DeliveryWorker worker() {
    HandshakeCertificates trust =
        new HandshakeCertificates.Builder()
            .addTrustedCertificate(CERTIFICATE.certificate())
            .build();
    WebhookDeliverer deliverer =
        new WebhookDeliverer(
            webhooks,
            new WebhookDeliverer.Network(
                InetAddress::isLoopbackAddress,
                new WebhookDeliverer.Tls(trust.sslSocketFactory(), trust.trustManager()),
                host -> List.of(InetAddress.getLoopbackAddress())),
            clock,
            "test");
    return new DeliveryWorker(
        outbox,
        deliverer,
        subscriptions,
        new AlertComposer(Gazetteer.bundled(), new ToolkitLoader().bundled()),
        RetryPolicy.defaults(),
        AdminNotices.logOnly(text -> {}, clock),
        clock);
  }

  /** ICE lists Hillsborough County's sheriff as signed: the change is kept with its alerts. */
  List<ChannelRef> queueHillsboroughSigning() throws Exception {
    String name = "2025-05-19-participating.xlsx";
    Publication publication = RealAgreements.publication(name);
    Agreement hillsborough =
        RealAgreements.find(name, UsState.NH, "Hillsborough County Sheriff's Office", Model.TFM);
    ChangeEvent event =
        new ChangeEvent(
            ChangeEvent.Type.NEW_AGREEMENT, ListKind.PARTICIPATING, hillsborough, null, Set.of());
    Coverage coverage = AgencyResolver.bundled().resolve(hillsborough);
    List<ChannelRef> reached =
        new org.watch287g.alerts.Matcher()
            .channels(coverage, event.agreement().model(), event.list(), subscriptions.all());
    Ledgers.keepFetched(
        new SourceLedger(database, new SnapshotRepository(database), events),
        name,
        publication,
        List.of(new SourceLedger.Found(event, coverage.predictedFips(), reached)),
        clock.instant());
    return reached;
  }
}
