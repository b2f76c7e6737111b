package org.watch287g.discord;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.FileUpload;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.watch287g.alerts.ChannelRef;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.TextLimits;
import org.watch287g.alerts.Texts;
import org.watch287g.commands.CommandService;
import org.watch287g.commands.Invoker;
import org.watch287g.commands.MapImage;
import org.watch287g.commands.Reply;
import org.watch287g.commands.Verb;
import org.watch287g.geo.CountyQuery;

/**
 * JDA's events, turned into the core's calls. JDA calls this on the platform's event pool, never on
 * the gateway's read thread (see {@link DiscordPlatform}), so a slow answer cannot stall
 * heartbeats.
 *
 * <ul>
 *   <li>Ready: registers {@code /287g} by one bulk overwrite and logs the invite URL.
 *   <li>{@code /287g}: the subcommand and option become the core's text; the reply goes back as
 *       embeds, ephemeral unless the reply is for the channel. An answer not ready within {@link
 *       #DEFER_AFTER} is deferred first and sent as an edit, well inside Discord's 3 seconds.
 *   <li>Autocomplete: the gazetteer's completions, at most 25.
 *   <li>Leaving a guild: forgets what its channels followed.
 * </ul>
 */
final class InteractionListener extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(InteractionListener.class);

  /** Discord allows 3 s for the first response; past this, defer and answer by edit. */
  static final Duration DEFER_AFTER = Duration.ofMillis(1_500);

  /** Discord's limits on an autocomplete choice. */
  static final int MAX_CHOICES = 25;

  static final int MAX_CHOICE_TEXT = 100;

  /** Replies quote what people typed and what ICE wrote: neither may ping anyone. */
  private static final EnumSet<Message.MentionType> NO_MENTIONS =
      EnumSet.noneOf(Message.MentionType.class);

  private final CommandService commands;
  private final CountyQuery places;
  private final Consumer<String> forgetGuild;
  private final java.util.concurrent.atomic.AtomicBoolean registered =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final Executor work;
  private final DiscordRender render = new DiscordRender();

  /**
   * @param forgetGuild removes the subscriptions of a guild the bot has left (given its ID)
   * @param work where the core answers, so that a slow answer can be deferred while it runs
   */
  InteractionListener(
      CommandService commands, CountyQuery places, Consumer<String> forgetGuild, Executor work) {
    this.commands = commands;
    this.places = places;
    this.forgetGuild = forgetGuild;
    this.work = work;
  }

  @Override
  public void onReady(ReadyEvent event) {
    var jda = event.getJDA();
    log.info(
        "Discord: connected as {} (shard {}) in {} servers; invite the bot with {}",
        jda.getSelfUser().getName(),
        jda.getShardInfo().getShardString(),
        jda.getGuilds().size(),
        BotPermissions.inviteUrl(jda.getSelfUser().getApplicationId()));
    // The command is the application's, not a shard's: one bulk overwrite (PUT) per start, on the
    // first shard ready, idempotent, and no create loop against Discord's 200 creates per day.
    if (registered.getAndSet(true)) {
      return;
    }
    jda.updateCommands()
        .addCommands(SlashCommand.definition())
        .queue(
            done -> log.info("Discord: /{} registered", SlashCommand.NAME),
            failure -> {
              // The next shard ready (or reconnect's READY) tries again.
              registered.set(false);
              log.error("Discord: cannot register /{}: {}", SlashCommand.NAME, failure.toString());
            });
  }

  @Override
  public void onGuildLeave(GuildLeaveEvent event) {
    String guild = event.getGuild().getId();
    try {
      forgetGuild.accept(guild);
      log.info("Discord: left server {}; its channels' subscriptions are removed", guild);
    } catch (RuntimeException e) {
      log.error("Discord: left server {} but cannot remove its subscriptions", guild, e);
    }
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    if (!SlashCommand.NAME.equals(event.getName())) {
      return;
    }
    AutoCompleteQuery focused = event.getFocusedOption();
    List<Command.Choice> choices = new ArrayList<>();
    if ("county".equals(focused.getName())) {
      for (CountyQuery.Suggestion s : places.complete(focused.getValue(), MAX_CHOICES)) {
        choices.add(
            new Command.Choice(
                TextLimits.shorten(s.label(), MAX_CHOICE_TEXT),
                TextLimits.shorten(s.value(), MAX_CHOICE_TEXT)));
      }
    }
    event
        .replyChoices(choices)
        .queue(
            null,
            failure -> log.warn("Discord: autocomplete not answered: {}", failure.toString()));
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    if (!SlashCommand.NAME.equals(event.getName())) {
      return;
    }
    try {
      answer(event);
    } catch (RuntimeException e) {
      // Never a stack trace to the person: the log has it.
      log.error("Discord: cannot answer /{} {}", SlashCommand.NAME, event.getSubcommandName(), e);
      sayPrivately(event, Texts.of(Language.EN).text("reply.unexpected"));
    }
  }

  private void answer(SlashCommandInteractionEvent event) {
    Guild guild = event.getGuild();
    Member member = event.getMember();
    if (guild == null || member == null || !event.isFromAttachedGuild()) {
      sayPrivately(event, Texts.of(Language.EN).text("discord.guildOnly"));
      return;
    }
    GuildChannel channel = event.getGuildChannel();
    ChannelRef ref = new ChannelRef(DiscordDeliverer.PLATFORM, guild.getId(), channel.getId());
    // JDA computes this from the cached roles and the channel's overwrites, as Discord does for the
    // member's "permissions" in the interaction.
    boolean canManage = member.hasPermission(channel, Permission.MANAGE_CHANNEL);
    Invoker invoker = new Invoker(ref, member.getId(), canManage);
    Verb verb = SlashCommand.verb(event.getSubcommandName()).orElse(Verb.HELP);
    if (verb == Verb.SUBSCRIBE && canManage) {
      List<Permission> missing = BotPermissions.missing(guild.getSelfMember(), channel);
      if (!missing.isEmpty()) {
        sayPrivately(event, missingText(missing, commands.language(ref)));
        return;
      }
    }
    String value = option(event, verb);
    if (verb == Verb.MENTION && canManage) {
      OptionMapping picked = event.getOption("role");
      Role role = picked == null ? null : picked.getAsRole();
      if (role != null) {
        Optional<String> why = unmentionable(role, guild, channel, commands.language(ref));
        if (why.isPresent()) {
          sayPrivately(event, why.get());
          return;
        }
        value = "role:" + role.getId();
      }
    }
    String text = SlashCommand.text(verb, value, share(event));
    CompletableFuture<Answer> answer =
        CompletableFuture.supplyAsync(() -> answer(text, invoker), work);
    Answer response;
    try {
      response = answer.get(DEFER_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      deferThenEdit(event, verb, answer);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      deferThenEdit(event, verb, answer);
      return;
    } catch (ExecutionException e) {
      throw new IllegalStateException("the core failed to answer", e);
    }
    // A reply with a map answers with its text first, then adds the picture by an edit: if
    // Discord refuses the picture (too large, say), the text is there already, and says why.
    Answer first = response.image().isPresent() ? response.withoutImage(null) : response;
    event
        .replyEmbeds(embeds(first))
        .setEphemeral(response.response().reply().ephemeral())
        .setAllowedMentions(NO_MENTIONS)
        .setFiles(files(first))
        .queue(
            hook -> {
              if (response.image().isPresent()) {
                editIn(hook, response);
              }
            },
            failure -> log.warn("Discord: reply not sent: {}", failure.toString()));
  }

  /** Edits an answer to its full form (with its map); if refused, to its text and why. */
  private void editIn(InteractionHook hook, Answer answer) {
    hook.editOriginalEmbeds(embeds(answer))
        .setFiles(files(answer))
        .queue(
            null,
            f -> {
              log.warn("Discord: the map was not taken: {}", f.toString());
              if (answer.image().isPresent()) {
                hook.editOriginalEmbeds(embeds(answer.withoutImage(f.toString())))
                    .setFiles(files(answer.withoutImage(f.toString())))
                    .queue(null, g -> log.warn("Discord: reply not sent: {}", g.toString()));
              }
            });
  }

  /**
   * A reply, and the map it shows: the map of {@code map}, or for a status of a place, that place's
   * map (Discord shows it under the status; it is drawn once and then cached).
   *
   * @param refused why Discord refused the picture; null when it was not refused
   */
  record Answer(
      CommandService.Response response, Optional<MapImage> image, @Nullable String refused) {
    Answer withoutImage(@Nullable String why) {
      return new Answer(response, Optional.empty(), why);
    }
  }

  private Answer answer(String text, Invoker invoker) {
    CommandService.Response response = commands.respond(text, invoker);
    Reply reply = response.reply();
    Optional<MapImage> image = Optional.empty();
    try {
      image = reply.image(response.language());
      Optional<String> map = reply.mapCommand();
      if (image.isEmpty() && map.isPresent()) {
        image = commands.respond(map.get(), invoker).reply().image(response.language());
      }
    } catch (RuntimeException e) {
      // The text answer goes without its picture.
      log.error("Discord: cannot draw the map for /{} {}", SlashCommand.NAME, text, e);
    }
    return new Answer(response, image, null);
  }

  /**
   * The reply's file as an attachment (the CSV of {@code status TX csv}) and its map's PNG, with
   * the map's alt text as the attachment's description; none for most.
   */
  private static List<FileUpload> files(Answer answer) {
    List<FileUpload> files = new ArrayList<>();
    answer
        .response()
        .reply()
        .attachment()
        .ifPresent(a -> files.add(upload(a.bytes(), a.fileName())));
    answer
        .image()
        .ifPresent(i -> files.add(upload(i.png(), i.fileName()).setDescription(i.altText())));
    return files;
  }

  /**
   * An upload that streams {@code data} (a cached map's PNG, shared by every reply that shows it)
   * each time JDA sends it. {@code FileUpload.fromData(byte[])} would copy it into a buffer per
   * reply, and JDA's uploads have finalizers: each copy (about 150 KB for a map) outlived its reply
   * by a garbage collection and the finalizer thread's turn, and 50 people asking at once left some
   * 40 MB of them waiting, more than the bot's whole heap at -Xmx64m.
   */
  private static FileUpload upload(byte[] data, String name) {
    return FileUpload.fromStreamSupplier(name, () -> new ByteArrayInputStream(data));
  }

  /**
   * A slow answer: acknowledge now, answer by editing. Whether the answer will be for the channel
   * is not known yet, so the deferral guesses from the verb: changes are confirmed to the channel.
   */
  private void deferThenEdit(
      SlashCommandInteractionEvent event, Verb verb, CompletableFuture<Answer> answer) {
    // A test's answer is for the manager who asked: the sample alert itself is the channel's.
    event.deferReply(!verb.changesChannel() || verb == Verb.TEST).queue();
    var unused =
        answer.whenComplete(
            (response, failure) -> {
              if (failure != null) {
                log.error("Discord: cannot answer /{} {}", SlashCommand.NAME, verb.word(), failure);
              }
              if (response != null) {
                editIn(event.getHook(), response);
                return;
              }
              event
                  .getHook()
                  .editOriginalEmbeds(
                      render.reply(
                          Texts.of(Language.EN).text("reply.unexpected"), Texts.of(Language.EN)))
                  .queue(null, f -> log.warn("Discord: deferred reply not sent: {}", f.toString()));
            });
  }

  /**
   * The reply as embeds. A refusal says which Discord permission "manage this channel" means, since
   * the core's words are the same on every platform.
   */
  private List<MessageEmbed> embeds(Answer answer) {
    CommandService.Response response = answer.response();
    Texts words = Texts.of(response.language());
    String text = response.plainText();
    if (response.reply() instanceof Reply.Refused) {
      text = text + "\n" + words.text("discord.refused");
    }
    String refused = answer.refused();
    if (refused != null) {
      text = text + "\n\n" + words.text("discord.map.failed", TextLimits.shorten(refused, 200));
    }
    List<MessageEmbed> embeds = new ArrayList<>(render.reply(text, words));
    Optional<MapImage> image = answer.image();
    if (image.isPresent() && embeds.size() < Message.MAX_EMBED_COUNT) {
      // The picture is the message's attachment, shown in an embed of its own.
      embeds.add(
          new EmbedBuilder()
              .setImage("attachment://" + image.get().fileName())
              .setColor(embeds.isEmpty() ? null : embeds.get(0).getColor())
              .build());
    }
    return embeds;
  }

  private void sayPrivately(SlashCommandInteractionEvent event, String text) {
    if (event.isAcknowledged()) {
      return;
    }
    event
        .replyEmbeds(render.reply(text, Texts.of(Language.EN)))
        .setEphemeral(true)
        .setAllowedMentions(NO_MENTIONS)
        .queue(null, failure -> log.warn("Discord: reply not sent: {}", failure.toString()));
  }

  /**
   * Why alerts could not ping this role, in the channel's language; empty when they can. Not
   * {@code @everyone} (a whole server is never pinged), and a role the bot may mention here: one
   * set to be mentionable by anyone, or any role when the bot has Mention @everyone in the channel.
   */
  static Optional<String> unmentionable(
      Role role, Guild guild, GuildChannel channel, Language language) {
    Texts words = Texts.of(language);
    if (role.isPublicRole() || role.getId().equals(guild.getId())) {
      return Optional.of(words.text("discord.mention.everyone"));
    }
    if (!role.isMentionable()
        && !guild.getSelfMember().hasPermission(channel, Permission.MESSAGE_MENTION_EVERYONE)) {
      return Optional.of(words.text("discord.mention.notMentionable", role.getName()));
    }
    return Optional.empty();
  }

  static String missingText(List<Permission> missing, Language language) {
    Texts words = Texts.of(language);
    List<String> names = new ArrayList<>();
    for (Permission p : missing) {
      names.add(words.text("discord.permission." + p.name()));
    }
    return words.text("discord.missing", words.joined(names));
  }

  private static @Nullable String option(SlashCommandInteractionEvent event, Verb verb) {
    Optional<String> name = verb.option();
    if (name.isEmpty()) {
      return null;
    }
    OptionMapping value = event.getOption(name.get());
    return value == null ? null : value.getAsString();
  }

  private static boolean share(SlashCommandInteractionEvent event) {
    OptionMapping share = event.getOption(SlashCommand.SHARE);
    return share != null && share.getAsBoolean();
  }
}
