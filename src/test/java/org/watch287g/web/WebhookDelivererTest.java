package org.watch287g.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Dns;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.alerts.AlertComposer;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.DeliveryResult;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.OutboxKey;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.commands.PublicAddress;
import org.watch287g.commands.Webhooks;
import org.watch287g.config.ToolkitLoader;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;
import org.watch287g.geo.AgencyResolver;
import org.watch287g.geo.Gazetteer;
import org.watch287g.testing.FakeClock;
import org.watch287g.testing.RealAgreements;

/**
 * A webhook deliverer posting to a receiver over real TLS (a certificate authority of the test's
 * own): what the receiver gets, how each of its answers is read, and what is never posted to.
 */
class WebhookDelivererTest {
  static final ChannelRef DESTINATION = new ChannelRef("webhook", "slack.T1", "C1");
  static final String SECRET = "whsec_test-secret-of-the-receiver";

  static final HeldCertificate LOCALHOST =
      new HeldCertificate.Builder()
          .addSubjectAlternativeName("localhost")
          .addSubjectAlternativeName(loopbackName())
          .build();

  MockWebServer receiver;
  FakeClock clock = new FakeClock(Instant.parse("2026-05-04T12:00:00Z"));
  InMemoryWebhooks webhooks = new InMemoryWebhooks();

  @BeforeEach
  void start() throws Exception {
    receiver = new MockWebServer();
    receiver.useHttps(
        new HandshakeCertificates.Builder().heldCertificate(LOCALHOST).build().sslSocketFactory());
    receiver.start();
    webhooks.put(DESTINATION, receiver.url("/hooks/287g").uri());
  }

  @AfterEach
  void stop() throws Exception {
    receiver.close();
  }

  @Test
  @DisplayName(
      "a receiver gets the alert as JSON it can verify with its secret, with the event's id, the"
          + " counties' FIPS codes and the signing date")
  void aSignedAlertArrives() throws Exception {
    receiver.enqueue(new MockResponse.Builder().code(204).build());

    DeliveryResult result =
        deliverer(loopbackAllowed()).deliver(DESTINATION, alert(), new OutboxKey(41, null));

    assertInstanceOf(DeliveryResult.Sent.class, result);
    RecordedRequest request = receiver.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(request);
    byte[] body = request.getBody().toByteArray();
    long timestamp = Long.parseLong(request.getHeaders().get("X-Watch287g-Timestamp"));
    assertEquals(clock.instant().getEpochSecond(), timestamp);
    assertTrue(
        WebhookSignature.verify(
            SECRET, timestamp, body, request.getHeaders().get("X-Watch287g-Signature")),
        "the signature checks out with the receiver's secret");
    assertTrue(
        !WebhookSignature.verify(
            "another secret", timestamp, body, request.getHeaders().get("X-Watch287g-Signature")),
        "and with no other secret");
    assertEquals("41", request.getHeaders().get("X-Watch287g-Event-Id"));
    assertEquals("application/json; charset=utf-8", request.getHeaders().get("Content-Type"));
    JsonNode json = new ObjectMapper().readTree(body);
    assertEquals("41", json.get("id").asText());
    assertEquals("alert", json.get("kind").asText());
    assertEquals("new_agreement", json.get("type").asText());
    assertEquals("participating", json.get("list").asText());
    assertEquals("Hillsborough County Sheriff's Office", json.get("agency").asText());
    assertEquals("NH", json.get("state").asText());
    assertEquals("33011", json.get("coverage").get(0).asText());
    assertEquals("TFM", json.get("model").asText());
    assertTrue(json.get("signed").asText().matches("\\d{4}-\\d{2}-\\d{2}"), json.toString());
    assertTrue(json.get("text").asText().contains("Hillsborough County Sheriff's Office"));
    assertTrue(json.get("links").size() > 0, "the toolkit's links");
  }

  @Test
  @DisplayName(
      "a retry of the same outbox row carries the same event id, so a receiver can drop it")
  void retriesKeepTheirId() throws Exception {
    receiver.enqueue(new MockResponse.Builder().code(503).build());
    receiver.enqueue(new MockResponse.Builder().code(200).build());
    WebhookDeliverer deliverer = deliverer(loopbackAllowed());

    DeliveryResult first = deliverer.deliver(DESTINATION, alert(), new OutboxKey(7, null));
    clock.advance(Duration.ofMinutes(1));
    DeliveryResult second =
        deliverer.deliver(DESTINATION, alert(), new OutboxKey(7, clock.instant()));

    assertInstanceOf(DeliveryResult.Failed.class, first);
    assertInstanceOf(DeliveryResult.Sent.class, second);
    RecordedRequest a = receiver.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest b = receiver.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("7", a.getHeaders().get("X-Watch287g-Event-Id"));
    assertEquals("7", b.getHeaders().get("X-Watch287g-Event-Id"));
    assertTrue(
        !a.getHeaders()
            .get("X-Watch287g-Timestamp")
            .equals(b.getHeaders().get("X-Watch287g-Timestamp")),
        "each attempt is signed at its own time");
  }

  @Test
  @DisplayName(
      "a receiver's answers are read as the worker needs them: 429 waits its Retry-After, 5xx"
          + " retries, 400 refuses the message, 410 and 401 pause the webhook")
  void answersAreClassified() {
    WebhookDeliverer deliverer = deliverer(loopbackAllowed());
    receiver.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").build());
    receiver.enqueue(new MockResponse.Builder().code(500).build());
    receiver.enqueue(new MockResponse.Builder().code(400).build());
    receiver.enqueue(new MockResponse.Builder().code(410).build());
    receiver.enqueue(new MockResponse.Builder().code(401).build());

    DeliveryResult limited = deliverer.deliver(DESTINATION, alert(), new OutboxKey(1, null));
    assertEquals(
        Duration.ofSeconds(7), assertInstanceOf(DeliveryResult.RetryAfter.class, limited).delay());
    assertInstanceOf(
        DeliveryResult.Failed.class,
        deliverer.deliver(DESTINATION, alert(), new OutboxKey(1, null)));
    assertInstanceOf(
        DeliveryResult.Rejected.class,
        deliverer.deliver(DESTINATION, alert(), new OutboxKey(1, null)));
    assertInstanceOf(
        DeliveryResult.Unavailable.class,
        deliverer.deliver(DESTINATION, alert(), new OutboxKey(1, null)));
    assertInstanceOf(
        DeliveryResult.Unavailable.class,
        deliverer.deliver(DESTINATION, alert(), new OutboxKey(1, null)));
  }

  @Test
  @DisplayName("a redirect is never followed, even to a public address: the webhook is paused")
  void redirectsAreNotFollowed() throws Exception {
    receiver.enqueue(
        new MockResponse.Builder()
            .code(307)
            .setHeader("Location", receiver.url("/elsewhere").toString())
            .build());

    DeliveryResult result =
        deliverer(loopbackAllowed()).deliver(DESTINATION, alert(), new OutboxKey(3, null));

    assertTrue(
        assertInstanceOf(DeliveryResult.Unavailable.class, result).reason().contains("redirect"));
    assertEquals(1, receiver.getRequestCount(), "only the first request was made");
  }

  @Test
  @DisplayName(
      "on the real network rules, a webhook whose host resolves to a loopback address is refused"
          + " before anything is sent")
  void privateAddressesAreNeverPostedTo() {
    WebhookDeliverer deliverer =
        new WebhookDeliverer(
            webhooks,
            new WebhookDeliverer.Network(PublicAddress::isPublic, trust(), Dns.SYSTEM),
            clock,
            "test");
    // By name ("localhost") and by address ("127.0.0.1"): OkHttp looks up the one, not the other.
    for (String host : new String[] {"localhost", loopbackName()}) {
      webhooks.put(
          DESTINATION, URI.create("https://" + host + ":" + receiver.getPort() + "/hooks/287g"));

      DeliveryResult result = deliverer.deliver(DESTINATION, alert(), new OutboxKey(5, null));

      assertTrue(
          assertInstanceOf(DeliveryResult.Unavailable.class, result, host)
              .reason()
              .contains("not public"),
          result.describe());
    }
    assertEquals(0, receiver.getRequestCount(), "nothing reached the loopback receiver");
  }

  @Test
  @DisplayName("a removed webhook is paused, not posted to")
  void removedWebhooks() {
    webhooks.drop(DESTINATION);

    DeliveryResult result =
        deliverer(loopbackAllowed()).deliver(DESTINATION, alert(), new OutboxKey(9, null));

    assertInstanceOf(DeliveryResult.Unavailable.class, result);
    assertEquals(0, receiver.getRequestCount());
  }

  @Test
  @DisplayName("a receiver that never answers is given up on for this try, to be tried again")
  void silentReceiversTimeOut() {
    receiver.enqueue(
        new MockResponse.Builder()
            .code(200)
            .headersDelay(WebhookDeliverer.TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)
            .build());

    DeliveryResult result =
        deliverer(loopbackAllowed()).deliver(DESTINATION, alert(), new OutboxKey(2, null));

    assertInstanceOf(DeliveryResult.Failed.class, result);
  }

  WebhookDeliverer deliverer(WebhookDeliverer.Network network) {
    return new WebhookDeliverer(webhooks, network, clock, "test");
  }

  /** The test's receiver is on loopback: allowed here only, with the test's authority trusted. */
  static WebhookDeliverer.Network loopbackAllowed() {
    return new WebhookDeliverer.Network(InetAddress::isLoopbackAddress, trust(), Dns.SYSTEM);
  }

  static WebhookDeliverer.Tls trust() {
    HandshakeCertificates client =
        new HandshakeCertificates.Builder().addTrustedCertificate(LOCALHOST.certificate()).build();
    return new WebhookDeliverer.Tls(client.sslSocketFactory(), client.trustManager());
  }

  static String loopbackName() {
    return InetAddress.getLoopbackAddress().getHostAddress();
  }

  /** Hillsborough County's (NH) sheriff signing, as the composer writes it for a channel. */
  static AlertMessage alert() {
    Agreement harris =
        RealAgreements.find(
            "2025-05-19-participating.xlsx",
            UsState.NH,
            "Hillsborough County Sheriff's Office",
            Model.TFM);
    ChangeEvent event =
        new ChangeEvent(
            ChangeEvent.Type.NEW_AGREEMENT, ListKind.PARTICIPATING, harris, null, Set.of());
    return new AlertComposer(Gazetteer.bundled(), new ToolkitLoader().bundled())
        .compose(event, AgencyResolver.bundled().resolve(harris), Language.EN);
  }

  /** The webhooks port as a map: what the deliverer looks up before each send. */
  static final class InMemoryWebhooks implements Webhooks {
    final Map<ChannelRef, Webhook> byDestination = new ConcurrentHashMap<>();

    void put(ChannelRef destination, URI url) {
      byDestination.put(destination, new Webhook(destination, url, SECRET));
    }

    void drop(ChannelRef destination) {
      byDestination.remove(destination);
    }

    @Override
    public Optional<Webhook> ownedBy(ChannelRef owner) {
      return Optional.ofNullable(byDestination.get(Webhooks.mirrorOf(owner)));
    }

    @Override
    public Optional<Webhook> at(ChannelRef destination) {
      return Optional.ofNullable(byDestination.get(destination));
    }

    @Override
    public Webhook register(
        ChannelRef owner, URI url, String secret, Instant at, @Nullable String by) {
      Webhook webhook = new Webhook(Webhooks.mirrorOf(owner), url, secret);
      byDestination.put(webhook.destination(), webhook);
      return webhook;
    }

    @Override
    public boolean remove(ChannelRef owner) {
      return byDestination.remove(Webhooks.mirrorOf(owner)) != null;
    }
  }
}
