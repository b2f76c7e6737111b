package org.watch287g.web;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Deliverer;
import org.watch287g.alerts.DeliveryResult;
import org.watch287g.alerts.DigestPart;
import org.watch287g.alerts.Notice;
import org.watch287g.alerts.OutboxKey;
import org.watch287g.alerts.RateLimits;
import org.watch287g.commands.PublicAddress;
import org.watch287g.commands.Webhooks;

/**
 * Posts alerts to webhooks: each one a JSON body ({@link WebhookPayload}) signed with the webhook's
 * secret ({@link WebhookSignature}), with the outbox row as its event id so that a receiver can
 * drop a retry it already has. Like every {@link Deliverer}, it never throws: the worker decides.
 *
 * <p>A webhook is a URL someone typed, so each send keeps the bot from being turned against its own
 * network: https only; the host's addresses are looked up for each send and every one must be
 * public ({@link PublicAddress}), and the connection goes only to those addresses (no second lookup
 * to be answered differently); no proxy from the environment; redirects are never followed. A
 * receiver gets {@link #TIMEOUT} to answer, and its answer's body is never read.
 *
 * <p>Its answer decides: 2xx sent; 429 and 408 wait (its {@code Retry-After}, else a minute); 5xx,
 * timeouts and broken connections are tried again with backoff; 400 and 422 refuse this message;
 * 401, 403, 404, 410, a redirect, a private address or a removed webhook pause the webhook (its
 * alerts held, the operator told) until it is registered again.
 */
public final class WebhookDeliverer implements Deliverer {

  /** A receiver that has not answered by then is treated as down, and tried again later. */
  static final Duration TIMEOUT = Duration.ofSeconds(15);

  /** Digests only past 100 alerts; then at most 50 lines to a request. */
  private static final DigestBudget BUDGET = new DigestBudget(50, 100_000);

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Duration DEFAULT_WAIT = Duration.ofMinutes(1);

  private final Webhooks webhooks;
  private final OkHttpClient http;
  private final Predicate<InetAddress> allowed;
  private final Dns dns;
  private final WebhookPayload payload = new WebhookPayload();
  private final Clock clock;
  private final String userAgent;

  /**
   * Where the deliverer may connect, and whom it trusts there.
   *
   * @param allowed the addresses it may post to: {@link PublicAddress#isPublic} in production
   * @param tls the certificates it trusts beyond the JDK's (a test's own authority); null for the
   *     JDK's alone
   * @param dns how host names are looked up: the system's in production
   */
  public record Network(Predicate<InetAddress> allowed, @Nullable Tls tls, Dns dns) {
    /** The public internet, trusted as the JDK trusts it. */
    public static Network internet() {
      return new Network(PublicAddress::isPublic, null, Dns.SYSTEM);
    }
  }

  /** A socket factory and the trust manager it was made with, as OkHttp takes them. */
  public record Tls(SSLSocketFactory sockets, X509TrustManager trust) {}

  public WebhookDeliverer(Webhooks webhooks, Network network, Clock clock, String version) {
    this.webhooks = webhooks;
    this.allowed = network.allowed();
    this.dns = network.dns();
    this.clock = clock;
    this.userAgent = "watch287g/" + version + " (webhook)";
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .proxy(Proxy.NO_PROXY)
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(false)
            .dns(this::publicAddresses)
            .connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
            .writeTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
            .callTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    Tls tls = network.tls();
    if (tls != null) {
      builder.sslSocketFactory(tls.sockets(), tls.trust());
    }
    this.http = builder.build();
  }

  @Override
  public String platform() {
    return Webhooks.PLATFORM;
  }

  @Override
  public DigestBudget digestBudget() {
    return BUDGET;
  }

  /** At most two requests a second to one webhook: a receiver is often a small server. */
  @Override
  public RateLimits rateLimits() {
    return new RateLimits(null, new RateLimits.Window(2, Duration.ofSeconds(1)));
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, AlertMessage alert) {
    return deliver(channel, alert, new OutboxKey(OutboxKey.NO_ROW, null));
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, DigestPart digest) {
    return deliver(channel, digest, new OutboxKey(OutboxKey.NO_ROW, null));
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, AlertMessage alert, OutboxKey key) {
    String id = eventId(key);
    return post(channel, id, payload.alert(id, alert));
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, DigestPart digest, OutboxKey key) {
    String id = eventId(key) + "-" + digest.number();
    return post(channel, id, payload.digest(id, digest));
  }

  /** Webhooks are destinations, not an operator's channel: notices go to the chat platforms. */
  @Override
  public DeliveryResult deliver(ChannelRef adminChannel, Notice notice) {
    return new DeliveryResult.Rejected("a webhook takes no operator notices");
  }

  /**
   * The outbox row: the same on every retry and after a restart, never another message's. A message
   * with no row (a test alert) gets a one-off id.
   */
  private String eventId(OutboxKey key) {
    return key.row() == OutboxKey.NO_ROW ? "test-" + clock.millis() : Long.toString(key.row());
  }

  private DeliveryResult post(ChannelRef channel, String id, byte[] body) {
    Optional<Webhooks.Webhook> found = webhooks.at(channel);
    if (found.isEmpty()) {
      return new DeliveryResult.Unavailable("the webhook was removed");
    }
    Webhooks.Webhook webhook = found.get();
    HttpUrl url = HttpUrl.parse(webhook.url().toString());
    if (url == null || !url.isHttps()) {
      return new DeliveryResult.Unavailable("the webhook's URL is not https");
    }
    Optional<String> literal = refusedLiteral(webhook.url());
    if (literal.isPresent()) {
      return new DeliveryResult.Unavailable(literal.get());
    }
    long now = clock.instant().getEpochSecond();
    Request request =
        new Request.Builder()
            .url(url)
            .header("User-Agent", userAgent)
            .header(WebhookSignature.EVENT_ID, id)
            .header(WebhookSignature.TIMESTAMP, Long.toString(now))
            .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(webhook.secret(), now, body))
            .post(RequestBody.create(body, JSON))
            .build();
    try (Response response = http.newCall(request).execute()) {
      return classify(response);
    } catch (RefusedAddress e) {
      return new DeliveryResult.Unavailable(RefusedAddress.WHY);
    } catch (InterruptedIOException e) {
      return new DeliveryResult.Failed(
          "the webhook did not answer in " + TIMEOUT.toSeconds() + " s");
    } catch (IOException e) {
      return new DeliveryResult.Failed("cannot reach the webhook: " + e.getClass().getSimpleName());
    } catch (RuntimeException e) {
      // OkHttp's own refusals (a header it will not send, a closed client): never thrown at the
      // worker, and never retried as if the receiver were down.
      return new DeliveryResult.Rejected("cannot send: " + e.getClass().getSimpleName());
    }
  }

  private static DeliveryResult classify(Response response) {
    int code = response.code();
    if (code >= 200 && code < 300) {
      return new DeliveryResult.Sent();
    }
    if (code == 429 || code == 408) {
      return new DeliveryResult.RetryAfter(retryAfter(response), "the webhook answered " + code);
    }
    if (code >= 500) {
      return new DeliveryResult.Failed("the webhook answered " + code);
    }
    if (code >= 300 && code < 400) {
      return new DeliveryResult.Unavailable(
          "the webhook answered " + code + ", a redirect: webhooks are not redirected");
    }
    if (code == 400 || code == 422) {
      return new DeliveryResult.Rejected("the webhook answered " + code);
    }
    return new DeliveryResult.Unavailable("the webhook answered " + code);
  }

  private static Duration retryAfter(Response response) {
    String header = response.header("Retry-After");
    if (header != null) {
      try {
        long seconds = Long.parseLong(header.trim());
        if (seconds >= 0 && seconds <= 3600) {
          return Duration.ofSeconds(seconds);
        }
      } catch (NumberFormatException e) {
        // An HTTP date, or nonsense: the default wait.
      }
    }
    return DEFAULT_WAIT;
  }

  /**
   * A URL whose host is an address is connected to as it is, without a lookup (OkHttp asks no
   * {@link Dns} for it), so the address is checked here.
   */
  private Optional<String> refusedLiteral(URI url) {
    String host = url.getHost();
    if (host == null) {
      return Optional.of("the webhook's URL has no host");
    }
    boolean literal =
        host.startsWith("[") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    if (!literal) {
      return Optional.empty();
    }
    try {
      InetAddress address = InetAddress.getByName(host.replace("[", "").replace("]", ""));
      return allowed.test(address)
          ? Optional.empty()
          : Optional.of("the webhook's address is not public: it is never posted to");
    } catch (UnknownHostException e) {
      return Optional.of("the webhook's address cannot be read");
    }
  }

  /**
   * The host's addresses, looked up once for this connection, all of them public: a name that also
   * answers with a private address (a rebinding trick) is refused whole.
   */
  private List<InetAddress> publicAddresses(String host) throws UnknownHostException {
    List<InetAddress> addresses = dns.lookup(host);
    for (InetAddress address : addresses) {
      if (!allowed.test(address)) {
        throw new RefusedAddress();
      }
    }
    return addresses;
  }

  /** A lookup that found a private address: the send is refused, not tried again. */
  private static final class RefusedAddress extends UnknownHostException {
    private static final long serialVersionUID = 1L;
    static final String WHY =
        "the webhook's host resolves to an address that is not public: it is never posted to";

    RefusedAddress() {
      super(WHY);
    }
  }
}
