package org.watch287g.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsJoinResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
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
import org.watch287g.alerts.RateLimits;

/**
 * Posts alerts, digest parts and notices with {@code chat.postMessage}, and classifies what Slack
 * answers into the core's {@link DeliveryResult}s; the core decides what happens next.
 *
 * <p>Slack answers most refusals with HTTP 200 and {@code ok:false} plus an error code, and rate
 * limits with HTTP 429 and {@code Retry-After}, which the SDK's synchronous client turns into a
 * {@link SlackApiException} without retrying. A bot that is not in a public channel joins it once
 * ({@code channels:join}) and sends again. Never throws.
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

  private final MethodsClient methods;
  private final RateLimits rateLimits;

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
    this.methods = methods;
    this.rateLimits = rateLimits;
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
    String waiting = notSignedIn.get();
    if (waiting != null) {
      // Not a failed attempt: the alert waits in the outbox however long the network is out.
      return new DeliveryResult.RetryAfter(WAIT_FOR_SIGN_IN, waiting);
    }
    Answer first = post(channel, message);
    if (!(first instanceof Refused r && r.error().equals("not_in_channel"))) {
      return first.result();
    }
    // Public channels can be joined without an invitation (channels:join); private ones cannot.
    Answer joined = join(channel.channel());
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
    return post(channel, message).result();
  }

  private Answer post(ChannelRef channel, SlackMessage message) {
    try {
      ChatPostMessageResponse r =
          methods.chatPostMessage(
              req ->
                  req.channel(channel.channel())
                      .text(message.text())
                      .blocks(message.blocks())
                      .unfurlLinks(false)
                      .unfurlMedia(false));
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

  private Answer join(String channel) {
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
