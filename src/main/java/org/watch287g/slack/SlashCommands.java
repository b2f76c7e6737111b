package org.watch287g.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.conversations.ConversationsJoinResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Language;
import org.watch287g.commands.CommandParser;
import org.watch287g.commands.CommandService;
import org.watch287g.commands.Invoker;
import org.watch287g.commands.Reply;
import org.watch287g.commands.Verb;
import org.watch287g.config.SlackConfig.SubscribePermission;

/**
 * Answers {@code /287g}: maps Slack's payload to the core's {@link Invoker}, asks the core, and
 * renders its reply.
 *
 * <p>Slack gives a command three seconds. The core answers from local state in milliseconds, so
 * most replies go straight into the acknowledgement. Two things need Slack itself and may be slow:
 * asking {@code users.info} whether the user is an admin (permission {@code admins}) and joining
 * the channel after a subscription. Those commands are acknowledged at once and answered through
 * the {@code response_url}, from a small bounded pool.
 */
final class SlashCommands {
  static final String COMMAND = "/287g";
  private static final Logger log = LoggerFactory.getLogger(SlashCommands.class);

  private final CommandService commands;
  private final CommandParser parser = new CommandParser();
  private final SubscribePermission permission;
  private final MethodsClient methods;
  private final ExecutorService slow;
  private final BotUser bot;

  /** The bot's own user ID, known once {@code auth.test} answered; for the invite hint. */
  interface BotUser {
    Optional<String> id();
  }

  SlashCommands(
      CommandService commands,
      SubscribePermission permission,
      MethodsClient methods,
      ExecutorService slow,
      BotUser bot) {
    this.commands = commands;
    this.permission = permission;
    this.methods = methods;
    this.slow = slow;
    this.bot = bot;
  }

  Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
    SlashCommandPayload p = request.getPayload();
    String text = p.getText() == null ? "" : p.getText();
    ChannelRef channel;
    try {
      channel = new ChannelRef(SlackDeliverer.PLATFORM, p.getTeamId(), p.getChannelId());
    } catch (RuntimeException e) {
      log.warn("a /287g request without a usable team or channel ID");
      return ctx.ack(apology(Language.EN));
    }
    String user = p.getUserId() == null ? "" : p.getUserId();
    Optional<Verb> verb = verb(text, channel, user);
    boolean changes = verb.map(Verb::changesChannel).orElse(false);
    boolean needsSlack =
        changes
            && (permission.mode() == SubscribePermission.Mode.ADMINS
                || verb.get() == Verb.SUBSCRIBE);
    if (!needsSlack) {
      try {
        Invoker invoker = new Invoker(channel, user, allowedLocally(user));
        return ctx.ack(render(commands.respond(text, invoker), null));
      } catch (RuntimeException e) {
        log.error("cannot answer /287g in {}", channel, e);
        return ctx.ack(apology(commands.language(channel)));
      }
    }
    try {
      slow.execute(() -> answerLater(text, channel, user, verb.get(), ctx));
    } catch (RejectedExecutionException e) {
      return ctx.ack(plain(SlackWords.text(commands.language(channel), "slack.busy")));
    }
    return ctx.ack();
  }

  /** The verb the text names, to know whether the command changes the channel; empty if none. */
  private Optional<Verb> verb(String text, ChannelRef channel, String user) {
    CommandParser.Parsed parsed = parser.parse(text, new Invoker(channel, user, false));
    return parsed instanceof CommandParser.Ready r
        ? Optional.of(r.command().verb())
        : Optional.empty();
  }

  private void answerLater(
      String text, ChannelRef channel, String user, Verb verb, SlashCommandContext ctx) {
    SlashCommandResponse answer;
    try {
      Optional<Boolean> allowed = allowed(user);
      if (allowed.isEmpty()) {
        answer = plain(SlackWords.text(commands.language(channel), "slack.permissionUnknown"));
      } else {
        CommandService.Response response =
            commands.respond(text, new Invoker(channel, user, allowed.get()));
        String hint = null;
        if (verb == Verb.SUBSCRIBE
            && response.reply() instanceof Reply.Text t
            && !t.ephemeral()
            && !joined(channel)) {
          hint =
              SlackWords.text(
                  response.language(),
                  "slack.invite",
                  bot.id().map(id -> "<@" + id + ">").orElse("@watch287g"));
        }
        answer = render(response, hint);
      }
    } catch (RuntimeException e) {
      log.error("cannot answer /287g in {}", channel, e);
      answer = apology(commands.language(channel));
    }
    try {
      ctx.respond(answer);
    } catch (Exception e) {
      log.warn("cannot answer /287g in {} through its response_url: {}", channel, e.toString());
    }
  }

  /** Whether the user may change the channel, asking Slack if need be; empty if Slack failed. */
  private Optional<Boolean> allowed(String user) {
    if (permission.mode() != SubscribePermission.Mode.ADMINS) {
      return Optional.of(allowedLocally(user));
    }
    try {
      UsersInfoResponse r = methods.usersInfo(req -> req.user(user));
      User u = r.getUser();
      if (!r.isOk() || u == null) {
        log.warn("users.info refused for a /287g permission check: {}", r.getError());
        return Optional.empty();
      }
      return Optional.of(u.isAdmin() || u.isOwner() || u.isPrimaryOwner());
    } catch (Exception e) {
      log.warn("users.info failed for a /287g permission check: {}", e.toString());
      return Optional.empty();
    }
  }

  private boolean allowedLocally(String user) {
    return switch (permission.mode()) {
      case MEMBERS -> true;
      case USERS -> permission.users().stream().anyMatch(u -> u.equalsIgnoreCase(user));
      case ADMINS -> false;
    };
  }

  /**
   * Makes sure alerts can reach the channel: joins it (public channels, {@code channels:join}).
   * False when the bot could not, which for a private channel may still mean it is in already.
   */
  private boolean joined(ChannelRef channel) {
    try {
      ConversationsJoinResponse r =
          methods.conversationsJoin(req -> req.channel(channel.channel()));
      if (!r.isOk()) {
        log.info("cannot join {} after a subscription: {}", channel, r.getError());
      }
      return r.isOk();
    } catch (Exception e) {
      log.info("cannot join {} after a subscription: {}", channel, e.toString());
      return false;
    }
  }

  /** A reply as Slack's response: blocks, fallback, and who sees it. */
  static SlashCommandResponse render(CommandService.Response response, @Nullable String extra) {
    String text = response.plainText();
    if (extra != null) {
      text = text + "\n\n" + extra;
    }
    SlackMessage message = SlackBlocks.reply(text);
    return SlashCommandResponse.builder()
        .responseType(response.reply().ephemeral() ? "ephemeral" : "in_channel")
        .text(message.text())
        .blocks(message.blocks())
        .build();
  }

  private static SlashCommandResponse plain(String text) {
    SlackMessage message = SlackBlocks.reply(text);
    return SlashCommandResponse.builder()
        .responseType("ephemeral")
        .text(message.text())
        .blocks(message.blocks())
        .build();
  }

  private static SlashCommandResponse apology(Language language) {
    return plain(SlackWords.text(language, "reply.unexpected"));
  }
}
