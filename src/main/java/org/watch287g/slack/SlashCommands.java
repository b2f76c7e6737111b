package org.watch287g.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.RequestConfigurator;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import com.slack.api.methods.response.conversations.ConversationsJoinResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.TextLimits;
import org.watch287g.commands.Attachment;
import org.watch287g.commands.CommandParser;
import org.watch287g.commands.CommandService;
import org.watch287g.commands.Invoker;
import org.watch287g.commands.MapImage;
import org.watch287g.commands.Place;
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
  private final WorkspaceClients clients;
  private final ExecutorService slow;
  private final BotUser bot;
  private final ResponseUrls responseUrls;

  /** The bot's own user ID, known once {@code auth.test} answered; for the invite hint. */
  interface BotUser {
    Optional<String> id();
  }

  SlashCommands(
      CommandService commands,
      SubscribePermission permission,
      WorkspaceClients clients,
      ExecutorService slow,
      BotUser bot,
      ResponseUrls responseUrls) {
    this.commands = commands;
    this.permission = permission;
    this.clients = clients;
    this.slow = slow;
    this.bot = bot;
    this.responseUrls = responseUrls;
  }

  Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
    SlashCommandPayload p = request.getPayload();
    // Escaped by Slack (the manifest's should_escape), so that a user group comes with its ID.
    String text = SlackInput.read(p.getText() == null ? "" : p.getText());
    ChannelRef channel;
    try {
      channel = new ChannelRef(SlackDeliverer.PLATFORM, p.getTeamId(), p.getChannelId());
    } catch (RuntimeException e) {
      log.warn("a /287g request without a usable team or channel ID");
      return ctx.ack(toSlash(apology(Language.EN)));
    }
    String user = p.getUserId() == null ? "" : p.getUserId();
    CommandParser.Parsed parsed = parser.parse(text, new Invoker(channel, user, false));
    Optional<Verb> verb = verb(parsed);
    boolean changes = verb.map(Verb::changesChannel).orElse(false);
    boolean needsSlack =
        changes
            && (permission.mode() == SubscribePermission.Mode.ADMINS
                || verb.get() == Verb.SUBSCRIBE
                // A test posts to Slack, which may take longer than the acknowledgement's 3 s.
                || verb.get() == Verb.TEST);
    if (!needsSlack) {
      try {
        Invoker invoker = new Invoker(channel, user, allowedLocally(user));
        CommandService.Response response = commands.respond(parsed, invoker);
        Optional<Attachment> file = response.reply().attachment();
        if (response.reply() instanceof Reply.MapReply
            && responseUrls.allowed(p.getResponseUrl())) {
          try {
            // Drawn and uploaded off Slack's 3 s: the text answer goes now.
            slow.execute(() -> upload(channel, response, r -> ctx.respond(toSlash(r))));
            return ctx.ack(toSlash(render(response, null, FileShown.ATTACHING)));
          } catch (RejectedExecutionException e) {
            // busy: the text answer alone, as below
          }
        }
        if (file.isPresent() && responseUrls.allowed(p.getResponseUrl())) {
          try {
            slow.execute(() -> attach(file.get(), channel, response, r -> ctx.respond(toSlash(r))));
            return ctx.ack(toSlash(render(response, null, FileShown.ATTACHING)));
          } catch (RejectedExecutionException e) {
            // busy: the start of the file, inline, as below
          }
        }
        return ctx.ack(toSlash(render(response, null)));
      } catch (RuntimeException e) {
        log.error("cannot answer /287g in {}", channel, e);
        return ctx.ack(toSlash(apology(commands.language(channel))));
      }
    }
    if (!responseUrls.allowed(p.getResponseUrl())) {
      log.warn("not answering /287g in {}: its response_url is not Slack's", channel);
      return ctx.ack(toSlash(apology(commands.language(channel))));
    }
    try {
      slow.execute(() -> answerLater(parsed, channel, user, r -> ctx.respond(toSlash(r))));
    } catch (RejectedExecutionException e) {
      return ctx.ack(toSlash(plain(SlackWords.text(commands.language(channel), "slack.busy"))));
    }
    return ctx.ack();
  }

  /**
   * Uploads a reply's file (a CSV) to the channel with Slack's external upload (the SDK's {@code
   * files.uploadV2}: {@code files.getUploadURLExternal}, the bytes, {@code
   * files.completeUploadExternal}). That needs the {@code files:write} scope and the bot in the
   * channel; when Slack refuses, the person gets the start of the file inline, and why.
   */
  private void attach(
      Attachment file, ChannelRef channel, CommandService.Response response, Sender sender) {
    Optional<String> refused =
        uploadRefused(
            channel,
            u ->
                u.channel(channel.channel())
                    .filename(file.fileName())
                    .title(file.fileName())
                    .content(file.content()));
    if (refused.isEmpty()) {
      return;
    }
    String why = refused.get();
    log.warn("cannot attach {} in {}: {}", file.fileName(), channel, why);
    try {
      sender.send(render(response, SlackWords.text(response.language(), "slack.file.failed", why)));
    } catch (Exception e) {
      log.warn("cannot answer /287g in {} through its response_url: {}", channel, e.toString());
    }
  }

  /**
   * Draws a map and uploads it to the channel with Slack's external upload, with its alt text. When
   * Slack refuses (no {@code files:write}, not in the channel, too large), the person gets the text
   * answer again with one sentence saying why.
   */
  private void upload(ChannelRef channel, CommandService.Response response, Sender sender) {
    String name = ((Reply.MapReply) response.reply()).fileName();
    Optional<String> refused;
    try {
      MapImage image = response.reply().image(response.language()).orElseThrow();
      refused =
          uploadRefused(
              channel,
              u ->
                  u.channel(channel.channel())
                      .filename(image.fileName())
                      .title(((Reply.MapReply) response.reply()).title(response.language()))
                      .altTxt(image.altText())
                      .fileData(image.png()));
    } catch (RuntimeException e) {
      refused = Optional.of(e.getClass().getSimpleName());
    }
    if (refused.isEmpty()) {
      return;
    }
    String why = refused.get();
    log.warn("cannot attach {} in {}: {}", name, channel, why);
    try {
      sender.send(render(response, SlackWords.text(response.language(), "slack.map.failed", why)));
    } catch (Exception e) {
      log.warn("cannot answer /287g in {} through its response_url: {}", channel, e.toString());
    }
  }

  /**
   * Uploads a file with Slack's external upload; empty when Slack took it, else why not (Slack's
   * error code, e.g. {@code missing_scope}, or the exception's class). Never throws.
   */
  private Optional<String> uploadRefused(
      ChannelRef channel,
      RequestConfigurator<FilesUploadV2Request.FilesUploadV2RequestBuilder> file) {
    try {
      FilesUploadV2Response r = methods(channel).filesUploadV2(file);
      if (r.isOk()) {
        return Optional.empty();
      }
      return Optional.of(r.getError() == null ? "refused" : r.getError());
    } catch (SlackFilesUploadV2Exception e) {
      // The SDK throws with Slack's answers to each step; the first refusal says why.
      return Optional.of(refusal(e));
    } catch (Exception e) {
      return Optional.of(e.getClass().getSimpleName());
    }
  }

  /** Slack's error code for the step of an upload that failed, e.g. {@code missing_scope}. */
  private static String refusal(SlackFilesUploadV2Exception e) {
    for (FilesGetUploadURLExternalResponse r : e.getGetURLResponses()) {
      if (!r.isOk() && r.getError() != null) {
        return r.getError();
      }
    }
    FilesCompleteUploadExternalResponse complete = e.getCompleteResponse();
    if (complete != null && !complete.isOk() && complete.getError() != null) {
      return complete.getError();
    }
    return "upload_failed";
  }

  /** The verb read, to know whether the command changes the channel; empty if none. */
  private static Optional<Verb> verb(CommandParser.Parsed parsed) {
    return parsed instanceof CommandParser.Ready r
        ? Optional.of(r.command().verb())
        : Optional.empty();
  }

  /** Where a later answer goes: a slash command's or a button's response_url. */
  private interface Sender {
    void send(Rendered answer) throws Exception;
  }

  /**
   * A click on a "did you mean" button: runs the command the button carries ({@code subscribe
   * 48201}) as if typed by whoever clicked, and answers through the response_url. Acknowledged at
   * once, since Slack wants every interaction acknowledged within three seconds.
   */
  Response choose(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload p = request.getPayload();
    if (p.getActions() == null
        || p.getActions().isEmpty()
        || p.getTeam() == null
        || p.getChannel() == null
        || p.getUser() == null) {
      return ctx.ack();
    }
    String text = p.getActions().get(0).getValue() == null ? "" : p.getActions().get(0).getValue();
    // A map asked from a status comes as a new message: the status it came from stays.
    boolean keep = MAP_BUTTON.equals(p.getActions().get(0).getActionId());
    ChannelRef channel;
    try {
      channel =
          new ChannelRef(SlackDeliverer.PLATFORM, p.getTeam().getId(), p.getChannel().getId());
    } catch (RuntimeException e) {
      log.warn("a /287g choice without a usable team or channel ID");
      return ctx.ack();
    }
    String user = p.getUser().getId() == null ? "" : p.getUser().getId();
    if (!responseUrls.allowed(p.getResponseUrl())) {
      log.warn("not answering a /287g choice in {}: its response_url is not Slack's", channel);
      return ctx.ack();
    }
    try {
      CommandParser.Parsed parsed = parser.parse(text, new Invoker(channel, user, false));
      slow.execute(() -> answerLater(parsed, channel, user, r -> ctx.respond(toAction(r, keep))));
    } catch (RejectedExecutionException e) {
      log.warn("too many /287g requests at once; a choice in {} was dropped", channel);
    }
    return ctx.ack();
  }

  /** Answers through the response_url, asking Slack first who may manage the channel if needed. */
  private void answerLater(
      CommandParser.Parsed parsed, ChannelRef channel, String user, Sender sender) {
    Optional<Verb> verb = verb(parsed);
    Rendered answer;
    try {
      // Only a command that changes the channel needs to know (and may need to ask Slack).
      boolean changes = verb.map(Verb::changesChannel).orElse(false);
      Optional<Boolean> allowed =
          changes ? allowed(channel, user) : Optional.of(allowedLocally(user));
      if (allowed.isEmpty()) {
        answer = plain(SlackWords.text(commands.language(channel), "slack.permissionUnknown"));
      } else {
        CommandService.Response response =
            commands.respond(parsed, new Invoker(channel, user, allowed.get()));
        String hint = null;
        if (verb.orElse(Verb.HELP) == Verb.SUBSCRIBE
            && response.reply() instanceof Reply.Text t
            && !t.ephemeral()
            && !joined(channel)) {
          hint =
              SlackWords.text(
                  response.language(),
                  "slack.invite",
                  bot.id().map(id -> "<@" + id + ">").orElse("@watch287g"));
        }
        if (response.reply() instanceof Reply.MapReply) {
          sendOrLog(channel, sender, render(response, hint, FileShown.ATTACHING));
          upload(channel, response, sender);
          return;
        }
        answer = render(response, hint);
      }
    } catch (RuntimeException e) {
      log.error("cannot answer /287g in {}", channel, e);
      answer = apology(commands.language(channel));
    }
    try {
      sender.send(answer);
    } catch (Exception e) {
      log.warn("cannot answer /287g in {} through its response_url: {}", channel, e.toString());
    }
  }

  private static void sendOrLog(ChannelRef channel, Sender sender, Rendered answer) {
    try {
      sender.send(answer);
    } catch (Exception e) {
      log.warn("cannot answer /287g in {} through its response_url: {}", channel, e.toString());
    }
  }

  /** Whether the user may change the channel, asking Slack if need be; empty if Slack failed. */
  private Optional<Boolean> allowed(ChannelRef channel, String user) {
    if (permission.mode() != SubscribePermission.Mode.ADMINS) {
      return Optional.of(allowedLocally(user));
    }
    try {
      UsersInfoResponse r = methods(channel).usersInfo(req -> req.user(user));
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
          methods(channel).conversationsJoin(req -> req.channel(channel.channel()));
      if (!r.isOk()) {
        log.info("cannot join {} after a subscription: {}", channel, r.getError());
      }
      return r.isOk();
    } catch (Exception e) {
      log.info("cannot join {} after a subscription: {}", channel, e.toString());
      return false;
    }
  }

  /**
   * The client of the channel's workspace, with its own token.
   *
   * @throws IllegalStateException when the workspace has not installed the app (callers turn every
   *     exception into an answer or a log line)
   */
  private MethodsClient methods(ChannelRef channel) {
    MethodsClient methods = clients.forTeam(channel.workspace());
    if (methods == null) {
      throw new IllegalStateException("workspace " + channel.workspace() + " is not installed");
    }
    return methods;
  }

  /** An answer ready to send either way: who sees it, the fallback text and the blocks. */
  record Rendered(boolean ephemeral, String text, List<LayoutBlock> blocks) {}

  /**
   * A reply in Slack's terms. "Did you mean" replies get a button per choice (at most {@link
   * #MAX_CHOICES}) that runs the command for that place; the text keeps the commands to copy.
   *
   * @param extra mrkdwn this adapter wrote (the invite hint, with the bot's mention), shown after
   *     the reply and not escaped, unlike the reply; null for none
   */
  static Rendered render(CommandService.Response response, @Nullable String extra) {
    return render(response, extra, FileShown.INLINE);
  }

  /** How a reply's file is shown: being attached to the channel, or its start inline. */
  enum FileShown {
    ATTACHING,
    INLINE
  }

  static Rendered render(
      CommandService.Response response, @Nullable String extra, FileShown shown) {
    String text = response.plainText();
    Optional<Attachment> attached = response.reply().attachment();
    if (response.reply() instanceof Reply.MapReply m && shown == FileShown.ATTACHING) {
      text =
          text + "\n\n" + SlackWords.text(response.language(), "slack.map.attaching", m.fileName());
    }
    if (attached.isPresent() && shown == FileShown.ATTACHING) {
      text =
          text
              + "\n\n"
              + SlackWords.text(
                  response.language(), "slack.file.attaching", attached.get().fileName());
    }
    Optional<Attachment> file = shown == FileShown.INLINE ? attached : Optional.empty();
    if (file.isPresent()) {
      text = text + "\n\n" + SlackBlocks.inlineFileNote(file.get(), response.language());
    }
    // The reply is escaped; the adapter's own mrkdwn (the invite hint) follows it unescaped.
    SlackMessage message = extra == null ? SlackBlocks.reply(text) : SlackBlocks.reply(text, extra);
    List<LayoutBlock> blocks = new ArrayList<>(message.blocks());
    if (file.isPresent()) {
      SlackBlocks.addInlineFile(blocks, file.get());
    }
    if (response.reply() instanceof Reply.DidYouMean d
        && !d.choices().isEmpty()
        && blocks.size() < SlackBlocks.MAX_BLOCKS) {
      List<BlockElement> buttons = new ArrayList<>();
      List<Place> choices = d.choices();
      for (int i = 0; i < Math.min(MAX_CHOICES, choices.size()); i++) {
        Place place = choices.get(i);
        String label = TextLimits.shorten(place.label(response.language()), SlackBlocks.MAX_BUTTON);
        String value = d.verb().word() + " " + place.code();
        String id = CHOICE + i;
        buttons.add(button(b -> b.actionId(id).text(plainText(label)).value(value)));
      }
      blocks.add(actions(a -> a.elements(buttons)));
    }
    Optional<String> map = response.reply().mapCommand();
    if (map.isPresent() && blocks.size() < SlackBlocks.MAX_BLOCKS) {
      String label = SlackWords.text(response.language(), "slack.map.button");
      blocks.add(
          actions(
              a ->
                  a.elements(
                      List.of(
                          button(
                              b ->
                                  b.actionId(MAP_BUTTON)
                                      .text(plainText(label))
                                      .value(map.get()))))));
    }
    return new Rendered(response.reply().ephemeral(), message.text(), blocks);
  }

  /** The action ID of a status's "Show the map" button, whose value is {@code map <code>}. */
  static final String MAP_BUTTON = "show-map";

  /** Buttons a "did you mean" reply offers; Slack allows 25 in one actions block. */
  static final int MAX_CHOICES = 10;

  /** The action ID prefix of those buttons. */
  static final String CHOICE = "choose-";

  static SlashCommandResponse toSlash(Rendered r) {
    return SlashCommandResponse.builder()
        .responseType(r.ephemeral() ? "ephemeral" : "in_channel")
        .text(r.text())
        .blocks(r.blocks())
        .build();
  }

  /**
   * A private answer replaces the message whose button was clicked; one for the whole channel (a
   * subscription confirmed) is posted as a new message, since Slack cannot turn a private message
   * into a public one.
   */
  static ActionResponse toAction(Rendered r) {
    return toAction(r, false);
  }

  /**
   * @param keepOriginal whether the clicked message stays (a map asked from a status)
   */
  static ActionResponse toAction(Rendered r, boolean keepOriginal) {
    return ActionResponse.builder()
        .responseType(r.ephemeral() ? "ephemeral" : "in_channel")
        .replaceOriginal(r.ephemeral() && !keepOriginal)
        .text(r.text())
        .blocks(r.blocks())
        .build();
  }

  private static Rendered plain(String text) {
    SlackMessage message = SlackBlocks.reply(text);
    return new Rendered(true, message.text(), message.blocks());
  }

  private static Rendered apology(Language language) {
    return plain(SlackWords.text(language, "reply.unexpected"));
  }
}
