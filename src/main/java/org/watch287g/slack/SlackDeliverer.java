package org.watch287g.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsJoinResponse;
import com.slack.api.model.Message;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Deliverer;
import org.watch287g.alerts.DeliveryResult;
import org.watch287g.alerts.DigestPart;
import org.watch287g.alerts.Notice;
import org.watch287g.alerts.OutboxKey;
import org.watch287g.alerts.Pacer;
import org.watch287g.alerts.RateLimits;

/**
 * Posts alerts, digest parts and notices with {@code chat.postMessage}, and classifies what Slack
 * answers into the core's {@link DeliveryResult}s; the core decides what happens next.
 *
 * <p>Slack answers most refusals with HTTP 200 and {@code ok:false} plus an error code, and rate
 * limits with HTTP 429 and {@code Retry-After}, which the SDK's synchronous client turns into a
 * {@link SlackApiException} without retrying. A bot that is not in a public channel joins it once
 * ({@code channels:join}) and sends again. Never throws.
 *
 * <p><b>After a crash.</b> {@code chat.postMessage} has no idempotency key, so each outbox message
 * carries metadata naming its row ({@link #EVENT_TYPE}, {@code outbox_row}). A message in doubt
 * (its earlier send was never answered: see {@link OutboxKey}) is first looked for in its channel
 * with {@code conversations.history} and {@code include_all_metadata}: found, it counts as sent;
 * not found, it is sent. Looking needs the {@code channels:history} scope (and {@code
 * groups:history} for private channels) and is limited to {@code historyPerMinute} calls (Slack
 * allows apps outside its Marketplace one a minute): a message waits its turn to be looked for
 * ({@link DeliveryResult.Unconfirmed}). Without the scope, or with looking turned off, it is sent
 * again and counted ({@link #resentUnchecked}): at most as many as were in flight at the crash.
 */
public final class SlackDeliverer implements Deliverer {
  public static final String PLATFORM = "slack";
  private static final Logger log = LoggerFactory.getLogger(SlackDeliverer.class);

  /** Used when a 429 comes without a readable Retry-After: Slack's own per-channel pace. */
  static final Duration DEFAULT_RETRY = Duration.ofSeconds(1);

  /** The channel cannot be reached until someone acts in Slack. */
  private static final Set<String> UNAVAILABLE =
      Set.of(
          "channel_not_found",
          "is_archived",
          "restricted_action",
          "restricted_action_read_only_channel",
          "restricted_action_non_threadable_channel",
          "restricted_action_thread_only_channel",
          "missing_scope",
          "not_in_channel",
          "ekm_access_denied",
          "team_access_not_granted",
          "access_denied");

  /** Slack refuses the bot itself. */
  private static final Set<String> UNAUTHORIZED =
      Set.of(
          "invalid_auth",
          "token_revoked",
          "token_expired",
          "account_inactive",
          "not_authed",
          "org_login_required");

  /** This message will never be accepted as it is. */
  private static final Set<String> REJECTED =
      Set.of(
          "msg_too_long",
          "msg_blocks_too_long",
          "invalid_blocks",
          "invalid_blocks_format",
          "no_text",
          "too_many_attachments",
          "invalid_arguments",
          "invalid_form_data",
          "invalid_json",
          "json_not_object");

  /**
   * Slack's pace for {@code chat.postMessage}: one message per second per channel ("short bursts
   * allowed", which we do not count on). Slack documents no fixed global figure for posting.
   */
  public static final RateLimits RATE_LIMITS =
      new RateLimits(null, new RateLimits.Window(1, Duration.ofSeconds(1)));

  /** The metadata event type of every outbox message the bot posts. */
  public static final String EVENT_TYPE = "watch287g_alert";

  /** The metadata payload's key for the outbox row, as text (JSON numbers lose 64-bit ids). */
  static final String ROW = "outbox_row";

  /** How far around the unanswered send's start a posted message may be stamped. */
  static final Duration HISTORY_BEFORE = Duration.ofSeconds(10);

  static final Duration HISTORY_AFTER = Duration.ofMinutes(2);

  /** How long a message in doubt waits when Slack's history cannot be read right now. */
  static final Duration LOOK_AGAIN = Duration.ofSeconds(30);

  private final WorkspaceClients clients;
  private final RateLimits rateLimits;

  /**
   * What to do with a workspace whose token Slack refuses for good, when each workspace has its own
   * (forget it, as if it had uninstalled); null with one workspace's token, which the core pauses.
   */
  private final @Nullable Consumer<String> tokenRefused;

  /** Paces looks at history, per workspace; empty when the operator turned looking off. */
  private final Map<String, Pacer> history = new ConcurrentHashMap<>();

  private final boolean looking;

  private final int historyPerMinute;

  /** False once Slack said the app lacks the history scope: then messages in doubt are resent. */
  private volatile boolean historyScope = true;

  private final AtomicInteger foundInHistory = new AtomicInteger();
  private final AtomicInteger resentAfterLooking = new AtomicInteger();
  private final AtomicInteger resentUnchecked = new AtomicInteger();

  /** How long an alert waits before it is tried again while the bot is not signed in yet. */
  static final Duration WAIT_FOR_SIGN_IN = Duration.ofSeconds(15);

  private volatile Supplier<@Nullable String> notSignedIn = () -> null;

  /**
   * @param methods a client carrying the bot token, pointed at the configured Web API
   */
  public SlackDeliverer(MethodsClient methods) {
    this(methods, RATE_LIMITS);
  }

  /**
   * @param rateLimits the pace to keep, {@link #RATE_LIMITS} but for tests and benchmarks
   */
  public SlackDeliverer(MethodsClient methods, RateLimits rateLimits) {
    this(methods, rateLimits, 1);
  }

  /**
   * @param historyPerMinute looks at a channel's history a minute to settle a message in doubt; 0
   *     never to look
   */
  public SlackDeliverer(MethodsClient methods, RateLimits rateLimits, int historyPerMinute) {
    this(team -> methods, rateLimits, historyPerMinute, null);
  }

  /**
   * @param clients each workspace's client, carrying its own token; null for a workspace not
   *     installed (its alerts are rejected)
   * @param tokenRefused with a token per workspace, what to do with a workspace whose token Slack
   *     refuses for good (its alert is then rejected, not the whole platform paused); null with one
   *     token
   */
  SlackDeliverer(
      WorkspaceClients clients,
      RateLimits rateLimits,
      int historyPerMinute,
      @Nullable Consumer<String> tokenRefused) {
    this.clients = clients;
    this.rateLimits = rateLimits;
    this.historyPerMinute = historyPerMinute;
    this.looking = historyPerMinute > 0;
    this.tokenRefused = tokenRefused;
  }

  /** The pace of history looks in one workspace: Slack counts them per app and workspace. */
  private Pacer historyPacer(String team) {
    return history.computeIfAbsent(
        team,
        t ->
            new Pacer(
                new RateLimits(
                    new RateLimits.Window(historyPerMinute, Duration.ofMinutes(1)), null)));
  }

  /** Messages in doubt found already posted (not sent again), since start. */
  public int foundInHistory() {
    return foundInHistory.get();
  }

  /** Messages in doubt looked for, not found, and sent (not a duplicate), since start. */
  public int resentAfterLooking() {
    return resentAfterLooking.get();
  }

  /**
   * Messages in doubt sent again without looking (no history scope, or looking turned off): each
   * may be a duplicate. Since start.
   */
  public int resentUnchecked() {
    return resentUnchecked.get();
  }

  @Override
  public RateLimits rateLimits() {
    return rateLimits;
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public DigestBudget digestBudget() {
    return new DigestBudget(SlackBlocks.DIGEST_ITEMS, SlackBlocks.DIGEST_CHARS);
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, AlertMessage alert) {
    return send(channel, SlackBlocks.alert(alert));
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, DigestPart digest) {
    return send(channel, SlackBlocks.digest(digest));
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, AlertMessage alert, OutboxKey key) {
    return send(channel, SlackBlocks.alert(alert), key);
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, DigestPart digest, OutboxKey key) {
    return send(channel, SlackBlocks.digest(digest), key);
  }

  @Override
  public DeliveryResult deliver(ChannelRef adminChannel, Notice notice) {
    return send(adminChannel, SlackBlocks.notice(notice));
  }

  /**
   * Holds every post, without counting a failed attempt, while {@code waiting} names a reason: the
   * bot has not signed in yet because Slack cannot be reached.
   */
  void holdWhile(Supplier<@Nullable String> waiting) {
    this.notSignedIn = waiting;
  }

  private DeliveryResult send(ChannelRef channel, SlackMessage message) {
    return send(channel, message, null);
  }

  private DeliveryResult send(ChannelRef channel, SlackMessage message, @Nullable OutboxKey key) {
    String waiting = notSignedIn.get();
    if (waiting != null) {
      // Not a failed attempt: the alert waits in the outbox however long the network is out.
      return new DeliveryResult.RetryAfter(WAIT_FOR_SIGN_IN, waiting);
    }
    MethodsClient methods;
    try {
      methods = clients.forTeam(channel.workspace());
    } catch (RuntimeException e) {
      // The store could not be read, or a token could not be renewed: try again later.
      return new DeliveryResult.Failed("no token for the workspace yet: " + describe(e));
    }
    if (methods == null) {
      return new DeliveryResult.Rejected("the Slack workspace has not installed the app");
    }
    DeliveryResult result = send(methods, channel, message, key);
    Consumer<String> refused = tokenRefused;
    if (refused != null && result instanceof DeliveryResult.Unauthorized u) {
      // One workspace's token is dead (revoked, its workspace gone): that workspace's problem only.
      log.warn(
          "Slack refused workspace {}'s token ({}): forgetting the workspace",
          channel.workspace(),
          u.reason());
      refused.accept(channel.workspace());
      return new DeliveryResult.Rejected("the workspace's token was refused: " + u.reason());
    }
    return result;
  }

  private DeliveryResult send(
      MethodsClient methods, ChannelRef channel, SlackMessage message, @Nullable OutboxKey key) {
    if (key != null && key.inDoubt()) {
      DeliveryResult settled = settleDoubt(methods, channel, key);
      if (settled != null) {
        return settled;
      }
    }
    Answer first = post(methods, channel, message, key);
    if (!(first instanceof Refused r && r.error().equals("not_in_channel"))) {
      return first.result();
    }
    // Public channels can be joined without an invitation (channels:join); private ones cannot.
    Answer joined = join(methods, channel.channel());
    if (joined instanceof Refused j) {
      // A token problem found while joining is the bot's, not the channel's.
      return UNAUTHORIZED.contains(j.error())
          ? j.result()
          : new DeliveryResult.Unavailable("not_in_channel, and cannot join: " + j.error());
    }
    if (!(joined.result() instanceof DeliveryResult.Sent)) {
      return joined.result();
    }
    log.info("joined Slack channel {} to deliver its alerts", channel);
    return post(methods, channel, message, key).result();
  }

  /**
   * Looks for a message in doubt in its channel: {@link DeliveryResult.Sent} if it is there, {@link
   * DeliveryResult.Unconfirmed} to look later (the pace of looks, or Slack's answer, says wait),
   * null to send it.
   */
  private @Nullable DeliveryResult settleDoubt(
      MethodsClient methods, ChannelRef channel, OutboxKey key) {
    if (!looking || !historyScope) {
      int n = resentUnchecked.incrementAndGet();
      log.warn(
          "alert {} to Slack channel {} was in flight at a crash and is sent again without"
              + " looking whether it arrived ({}): it may show twice ({} so far)",
          key.row(),
          channel.channel(),
          !looking ? "slack.historyPerMinute is 0" : "the app lacks channels:history",
          n);
      return null;
    }
    Pacer.Slot slot = historyPacer(channel.workspace()).tryAcquire(channel);
    if (slot instanceof Pacer.PlatformBusy busy) {
      return new DeliveryResult.Unconfirmed(
          busy.retryIn(),
          "waiting to look in the channel's history (" + historyPerMinute + " a minute)");
    }
    Instant since = key.inDoubtSince();
    Instant from = (since == null ? Instant.now() : since).minus(HISTORY_BEFORE);
    try {
      ConversationsHistoryResponse r =
          methods.conversationsHistory(
              req ->
                  req.channel(channel.channel())
                      .oldest(ts(from))
                      .latest(ts(from.plus(HISTORY_BEFORE).plus(HISTORY_AFTER)))
                      .inclusive(true)
                      .limit(200)
                      .includeAllMetadata(true));
      if (!r.isOk()) {
        String error = errorOf(r.getError());
        if (error.equals("missing_scope") || error.equals("not_allowed_token_type")) {
          historyScope = false;
          log.warn(
              "Slack: the app cannot read channel history ({}): alerts in flight at a crash are"
                  + " sent again without looking, and may show twice; add channels:history"
                  + " (deploy/SLACK.md)",
              error);
          return settleDoubt(methods, channel, key);
        }
        if (error.equals("ratelimited")) {
          return new DeliveryResult.Unconfirmed(DEFAULT_RETRY, "history: " + error);
        }
        // channel_not_found, not_in_channel...: the post says what that means for the alert.
        resentUnchecked.incrementAndGet();
        return null;
      }
      List<Message> messages = r.getMessages() == null ? List.of() : r.getMessages();
      for (Message m : messages) {
        if (carries(m, key.row())) {
          foundInHistory.incrementAndGet();
          log.info(
              "alert {} was in flight at a crash and is already in Slack channel {}: not sent"
                  + " again",
              key.row(),
              channel.channel());
          return new DeliveryResult.Sent();
        }
      }
      resentAfterLooking.incrementAndGet();
      return null;
    } catch (SlackApiException e) {
      int code = e.getResponse().code();
      return new DeliveryResult.Unconfirmed(
          code == 429 ? retryAfter(e.getResponse().header("Retry-After")) : LOOK_AGAIN,
          "history: HTTP " + code);
    } catch (IOException | RuntimeException e) {
      return new DeliveryResult.Unconfirmed(LOOK_AGAIN, "history: " + describe(e));
    }
  }

  /** Whether a message from the history is the outbox row's. */
  private static boolean carries(Message m, long row) {
    Message.Metadata metadata = m.getMetadata();
    if (metadata == null || !EVENT_TYPE.equals(metadata.getEventType())) {
      return false;
    }
    Map<String, Object> payload = metadata.getEventPayload();
    return payload != null && Long.toString(row).equals(String.valueOf(payload.get(ROW)));
  }

  /** A Slack timestamp: seconds and microseconds. */
  static String ts(Instant at) {
    return String.format(Locale.ROOT, "%d.%06d", at.getEpochSecond(), at.getNano() / 1_000);
  }

  private Answer post(
      MethodsClient methods, ChannelRef channel, SlackMessage message, @Nullable OutboxKey key) {
    try {
      ChatPostMessageResponse r =
          methods.chatPostMessage(
              req -> {
                req.channel(channel.channel())
                    .text(message.text())
                    .blocks(message.blocks())
                    .unfurlLinks(false)
                    .unfurlMedia(false);
                if (key != null) {
                  // Names the row, so that a look at the channel's history after a crash finds it.
                  req.metadata(
                      new Message.Metadata(EVENT_TYPE, Map.of(ROW, Long.toString(key.row()))));
                }
                return req;
              });
      return r.isOk() ? new Done(new DeliveryResult.Sent()) : new Refused(errorOf(r.getError()));
    } catch (SlackApiException e) {
      return new Done(httpFailure(e));
    } catch (IOException e) {
      return new Done(new DeliveryResult.Failed("cannot reach Slack: " + describe(e)));
    } catch (RuntimeException e) {
      // The SDK throws unchecked for a malformed answer; the contract is to never throw.
      log.warn("unexpected failure posting to {}", channel, e);
      return new Done(new DeliveryResult.Failed("unexpected: " + describe(e)));
    }
  }

  private Answer join(MethodsClient methods, String channel) {
    try {
      ConversationsJoinResponse r = methods.conversationsJoin(req -> req.channel(channel));
      return r.isOk() ? new Done(new DeliveryResult.Sent()) : new Refused(errorOf(r.getError()));
    } catch (SlackApiException e) {
      return new Done(httpFailure(e));
    } catch (IOException e) {
      return new Done(new DeliveryResult.Failed("cannot reach Slack: " + describe(e)));
    } catch (RuntimeException e) {
      return new Done(new DeliveryResult.Failed("unexpected: " + describe(e)));
    }
  }

  private static String errorOf(@Nullable String error) {
    return error == null ? "unknown_error" : error;
  }

  /** A non-200 answer: 429 is a rate limit, anything else a transient failure. */
  static DeliveryResult httpFailure(SlackApiException e) {
    int code = e.getResponse().code();
    if (code == 429) {
      return new DeliveryResult.RetryAfter(
          retryAfter(e.getResponse().header("Retry-After")), "HTTP 429 from Slack");
    }
    return new DeliveryResult.Failed("HTTP " + code + " from Slack");
  }

  /** Slack sends whole seconds; anything unreadable falls back to {@link #DEFAULT_RETRY}. */
  static Duration retryAfter(@Nullable String header) {
    if (header == null) {
      return DEFAULT_RETRY;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_RETRY;
    } catch (NumberFormatException e) {
      return DEFAULT_RETRY;
    }
  }

  /** An {@code ok:false} error code as the core's result. */
  static DeliveryResult classify(String error) {
    if (UNAUTHORIZED.contains(error)) {
      return new DeliveryResult.Unauthorized(error);
    }
    if (UNAVAILABLE.contains(error)) {
      return new DeliveryResult.Unavailable(error);
    }
    if (REJECTED.contains(error)) {
      return new DeliveryResult.Rejected(error);
    }
    if (error.equals("ratelimited")) {
      return new DeliveryResult.RetryAfter(DEFAULT_RETRY, error);
    }
    // fatal_error, internal_error, service_unavailable, request_timeout, and codes Slack adds
    // later:
    // try again with backoff, which ends in the dead letters if it never works.
    return new DeliveryResult.Failed(error);
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** What one Web API call came to; {@code ok:false} is kept apart so that it can be acted on. */
  private sealed interface Answer {
    DeliveryResult result();
  }

  private record Done(DeliveryResult result) implements Answer {}

  /** An {@code ok:false} answer, classified only once it is final. */
  private record Refused(String error) implements Answer {
    @Override
    public DeliveryResult result() {
      return classify(error);
    }
  }
}
