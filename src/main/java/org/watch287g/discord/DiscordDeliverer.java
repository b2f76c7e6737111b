package org.watch287g.discord;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.MiscUtil;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Deliverer;
import org.watch287g.alerts.DeliveryResult;
import org.watch287g.alerts.DigestPart;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Notice;
import org.watch287g.alerts.OutboxKey;
import org.watch287g.alerts.RateLimits;
import org.watch287g.alerts.Texts;

/**
 * Posts alerts to Discord channels ({@code POST /channels/{id}/messages}) and classifies what
 * Discord said.
 *
 * <p><b>Who paces rate limits: we do, not JDA.</b> Messages go out with {@code submit(false)},
 * which skips JDA's {@code RestRateLimiter} queue: a 429 comes back at once as a {@link
 * RateLimitedException} with Discord's {@code retry_after}, and becomes {@link
 * DeliveryResult.RetryAfter}. The {@link org.watch287g.alerts.DeliveryWorker} then holds that one
 * channel (its rows keep their order and are not lost) while other channels go on. Letting JDA
 * queue instead would block the platform's one delivery thread on one channel's bucket, and a
 * timeout there would race JDA's own retry into a duplicate; both pacing at once would wait twice.
 * Instead the worker paces its sends within {@link #RATE_LIMITS} (Discord's global and per-channel
 * limits, see {@link org.watch287g.alerts.Pacer}), so a fan-out to thousands of channels waits its
 * turn rather than drawing 429s; a 429 that still comes is the safety net above. Interaction
 * replies do use JDA's queue: they are JDA's own business and no outbox row waits on them.
 *
 * <p>Channels are found in the cache of their guild's shard (GUILD_CREATE fills it; the shard is
 * {@code (guild_id >> 22) % shards}): one the bot cannot see in a guild it is in was deleted or
 * hidden from it, and is {@link DeliveryResult.Unavailable}; before that shard is ready, or while a
 * guild is in an outage, nothing is known, so that is a transient {@link DeliveryResult.Failed} or
 * a wait. A guild whose shard another instance runs is a wait too: this instance has no cache of
 * it, and the row goes back to the outbox for a later try (any instance's).
 *
 * <p><b>No duplicate after a crash.</b> An outbox message carries a nonce made from its outbox row
 * ({@link #nonce}), the same in every attempt and after a restart, and JDA always sends {@code
 * enforce_nonce: true}: when the bot sends a message again whose first send Discord accepted (the
 * bot crashed, or the answer was lost) within Discord's window of a few minutes, Discord answers
 * with the message already posted instead of posting it again. The worker's lease (60 s) brings a
 * crashed send back well inside that window; after a longer outage a re-send posts again.
 */
final class DiscordDeliverer implements Deliverer {
  static final String PLATFORM = "discord";
  private static final Logger log = LoggerFactory.getLogger(DiscordDeliverer.class);

  /** Discord's errors that mean the channel cannot be reached until someone acts. */
  private static final Set<ErrorResponse> UNAVAILABLE =
      EnumSet.of(
          ErrorResponse.MISSING_ACCESS,
          ErrorResponse.MISSING_PERMISSIONS,
          ErrorResponse.UNKNOWN_CHANNEL,
          ErrorResponse.UNKNOWN_GUILD,
          ErrorResponse.ILLEGAL_OPERATION_ARCHIVED_THREAD,
          ErrorResponse.THREAD_LOCKED);

  /**
   * Discord's limits for bots: 50 requests per second across the bot, and 5 messages per 5 seconds
   * in one channel. JDA does not pace the global limit by itself, and {@code submit(false)} skips
   * its per-route buckets, so the delivery worker paces within these.
   */
  static final RateLimits RATE_LIMITS =
      new RateLimits(
          new RateLimits.Window(50, Duration.ofSeconds(1)),
          new RateLimits.Window(5, Duration.ofSeconds(5)));

  private final Supplier<@Nullable ShardManager> shards;
  private final BooleanSupplier tokenRefused;
  private final boolean shared;

  /** How long an alert waits before it is tried again while the gateway is not connected. */
  static final Duration NOT_CONNECTED_WAIT = Duration.ofSeconds(15);

  private final Duration timeout;
  private final DiscordRender render = new DiscordRender();
  private final InvalidRequests invalid;

  /**
   * @param shards the shard manager, or null while there is none (not started, or closed)
   * @param tokenRefused whether Discord refused the token when the bot logged in
   * @param timeout how long one post may take before it counts as failed (and is cancelled)
   * @param shared whether other instances may run shards of this bot ({@link
   *     ShardOwnership#shared()})
   */
  DiscordDeliverer(
      Supplier<@Nullable ShardManager> shards,
      BooleanSupplier tokenRefused,
      Duration timeout,
      boolean shared) {
    this(shards, tokenRefused, timeout, shared, new InvalidRequests());
  }

  DiscordDeliverer(
      Supplier<@Nullable ShardManager> shards,
      BooleanSupplier tokenRefused,
      Duration timeout,
      boolean shared,
      InvalidRequests invalid) {
    this.shards = shards;
    this.tokenRefused = tokenRefused;
    this.shared = shared;
    this.timeout = timeout;
    this.invalid = invalid;
  }

  /** Discord's 401, 403 and 429 answers to the bot's posts in the last ten minutes. */
  int invalidRequests() {
    return invalid.count();
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public RateLimits rateLimits() {
    return RATE_LIMITS;
  }

  /**
   * Whether this instance runs the shard of the channel's server (started, if not yet connected:
   * its alerts wait for it). While logged out, alone it reaches every channel (an alert tried then
   * waits for the login); sharing the shards with other instances, none, since any may be
   * another's. A channel naming no server (an admin channel) is looked for in every shard run here.
   */
  @Override
  public boolean reaches(ChannelRef channel) {
    ShardManager manager = shards.get();
    if (manager == null) {
      return !shared;
    }
    long guild = guildOf(channel);
    return guild == 0
        || manager.getShardById(MiscUtil.getShardForGuild(guild, manager.getShardsTotal())) != null;
  }

  @Override
  public DigestBudget digestBudget() {
    return DiscordRender.DIGEST_BUDGET;
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, AlertMessage alert) {
    return post(channel, render.alert(alert), null);
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, DigestPart digest) {
    return post(channel, render.digest(digest), null);
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, AlertMessage alert, OutboxKey key) {
    return post(channel, render.alert(alert), nonce(key));
  }

  @Override
  public DeliveryResult deliver(ChannelRef channel, DigestPart digest, OutboxKey key) {
    return post(channel, render.digest(digest), nonce(key));
  }

  /** The operator's notice, in English: the operator's language is not known per channel. */
  @Override
  public DeliveryResult deliver(ChannelRef adminChannel, Notice notice) {
    return post(adminChannel, render.notice(notice, Texts.of(Language.EN)), null);
  }

  /**
   * The nonce of an outbox message: its first row, which no other message of this database has, in
   * base 36 after a prefix that keeps it apart from JDA's own (random decimal) nonces; at most 19
   * characters, within Discord's 25.
   */
  static String nonce(OutboxKey key) {
    return "w287g-" + Long.toString(key.row(), 36);
  }

  /**
   * @param nonce the message's nonce, or null for JDA's random one (a notice: no outbox row)
   */
  private DeliveryResult post(
      ChannelRef channel, MessageCreateData message, @Nullable String nonce) {
    ShardManager manager = shards.get();
    if (tokenRefused.getAsBoolean()) {
      return new DeliveryResult.Unauthorized("Discord refused the bot token at login");
    }
    if (manager == null) {
      // Not a failed attempt: the alert waits in the outbox while the bot logs in, however long
      // the network is out.
      return new DeliveryResult.RetryAfter(
          NOT_CONNECTED_WAIT, "not connected to the Discord gateway yet");
    }
    long guild = guildOf(channel);
    JDA client;
    if (guild != 0) {
      int shard = MiscUtil.getShardForGuild(guild, manager.getShardsTotal());
      client = manager.getShardById(shard);
      if (client == null) {
        return new DeliveryResult.RetryAfter(
            NOT_CONNECTED_WAIT,
            "Discord shard " + shard + ", this server's, is not run by this instance now");
      }
    } else {
      // An admin channel names no guild: the shard whose cache has it.
      GuildMessageChannel found =
          manager.getChannelById(GuildMessageChannel.class, channel.channel());
      client =
          found != null ? found.getJDA() : manager.getShards().stream().findFirst().orElse(null);
      if (client == null) {
        return new DeliveryResult.RetryAfter(
            NOT_CONNECTED_WAIT, "not connected to the Discord gateway yet");
      }
    }
    if (client.getStatus() == JDA.Status.FAILED_TO_LOGIN) {
      return new DeliveryResult.Unauthorized("Discord refused the bot token at login");
    }
    if (client.getStatus() != JDA.Status.CONNECTED) {
      // Not a failed attempt: the alert waits in the outbox while JDA reconnects.
      return new DeliveryResult.RetryAfter(
          NOT_CONNECTED_WAIT, "not connected to the Discord gateway yet");
    }
    Duration hold = invalid.holdFor();
    if (!hold.isZero()) {
      // Not a failed attempt: the bot is slowing down before Discord bans its address.
      return new DeliveryResult.RetryAfter(
          hold,
          "Discord refused "
              + invalid.count()
              + " requests in 10 minutes (it bans at "
              + InvalidRequests.BAN
              + "): posts held");
    }
    GuildMessageChannel target =
        client.getChannelById(GuildMessageChannel.class, channel.channel());
    if (target == null) {
      return missing(client, guild);
    }
    CompletableFuture<Message> sent = target.sendMessage(message).setNonce(nonce).submit(false);
    try {
      sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new DeliveryResult.Sent();
    } catch (TimeoutException e) {
      sent.cancel(false);
      return new DeliveryResult.Failed(
          "Discord did not answer within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sent.cancel(false);
      return new DeliveryResult.Failed("interrupted while posting");
    } catch (ExecutionException e) {
      Throwable failure = e.getCause() == null ? e : e.getCause();
      if (invalid(failure)) {
        invalid.record();
      }
      return classify(failure);
    }
  }

  /** A channel not in the cache: gone for good if its guild is known, unknown otherwise. */
  private static DeliveryResult missing(JDA client, long guild) {
    if (guild != 0 && client.isUnavailable(guild)) {
      return new DeliveryResult.Failed("the Discord server is in an outage");
    }
    Guild known = guild == 0 ? null : client.getGuildById(guild);
    if (guild != 0 && known == null) {
      return new DeliveryResult.Unavailable("the bot is no longer in this Discord server");
    }
    return new DeliveryResult.Unavailable(
        "the bot cannot see this channel (deleted, or View Channel taken away)");
  }

  /** The channel's guild, from its workspace; 0 for none (an admin channel). */
  private static long guildOf(ChannelRef channel) {
    try {
      return Long.parseUnsignedLong(channel.workspace());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Whether Discord counts this answer towards its ban on invalid requests (401, 403, 429). */
  static boolean invalid(Throwable failure) {
    if (failure instanceof RateLimitedException) {
      return true;
    }
    if (failure instanceof ErrorResponseException e) {
      int status = e.getResponse().code;
      return status == 401 || status == 403 || status == 429;
    }
    return false;
  }

  /** What a failed post means; see the class comment. */
  static DeliveryResult classify(Throwable failure) {
    if (failure instanceof RateLimitedException r) {
      return new DeliveryResult.RetryAfter(
          Duration.ofMillis(Math.max(0, r.getRetryAfter())), "Discord rate limit");
    }
    if (failure instanceof ErrorResponseException e) {
      int status = e.getResponse().code;
      // Discord's own message often starts with the status already ("401: Unauthorized").
      String meaning = e.getMeaning();
      String why =
          (meaning.startsWith(status + ":") ? "" : status + " ")
              + meaning
              + " ("
              + e.getErrorCode()
              + ")";
      if (status == 401) {
        return new DeliveryResult.Unauthorized("Discord refuses the bot token: " + why);
      }
      if (UNAVAILABLE.contains(e.getErrorResponse()) || status == 403 || status == 404) {
        return new DeliveryResult.Unavailable(why);
      }
      if (status == 429) {
        return new DeliveryResult.RetryAfter(
            Duration.ofMillis(Math.max(0, e.getResponse().retryAfter)), "Discord rate limit");
      }
      if (status >= 400 && status < 500) {
        return new DeliveryResult.Rejected(why);
      }
      return new DeliveryResult.Failed(why);
    }
    log.debug("posting to Discord failed", failure);
    String message = failure.getMessage();
    return new DeliveryResult.Failed(
        failure.getClass().getSimpleName() + (message == null ? "" : ": " + message));
  }
}
