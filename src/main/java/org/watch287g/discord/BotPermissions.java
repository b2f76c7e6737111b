package org.watch287g.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * The permissions the bot needs, and nothing more: to see a channel, post in it (or in its threads)
 * and show embeds. It reads no message history (interactions bring what it needs), manages nothing,
 * and needs no privileged intent.
 */
final class BotPermissions {
  /** What the invite asks for. */
  static final Set<Permission> INVITE =
      EnumSet.of(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_SEND_IN_THREADS,
          Permission.MESSAGE_EMBED_LINKS);

  /** The scopes of the invite: the bot user, and its slash command. */
  static final String SCOPES = "bot applications.commands";

  private BotPermissions() {}

  /** The URL a server admin opens to add the bot with exactly these scopes and permissions. */
  static String inviteUrl(String applicationId) {
    return "https://discord.com/oauth2/authorize?client_id="
        + applicationId
        + "&scope="
        + SCOPES.replace(" ", "%20")
        + "&permissions="
        + Permission.getRaw(INVITE);
  }

  /**
   * What the bot lacks to post alerts in a channel, in the order a person would fix them: in a
   * thread, sending means Send Messages in Threads.
   */
  static List<Permission> missing(Member self, GuildChannel channel) {
    Permission send =
        channel.getType().isThread() ? Permission.MESSAGE_SEND_IN_THREADS : Permission.MESSAGE_SEND;
    List<Permission> missing = new ArrayList<>();
    for (Permission p : List.of(Permission.VIEW_CHANNEL, send, Permission.MESSAGE_EMBED_LINKS)) {
      if (!self.hasPermission(channel, p)) {
        missing.add(p);
      }
    }
    return missing;
  }
}
