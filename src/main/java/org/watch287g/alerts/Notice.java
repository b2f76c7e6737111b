package org.watch287g.alerts;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.ListKind;

/**
 * A message for the operator, not for organizers: the source is failing, a publication was
 * quarantined, alerts could not be delivered. Sent to each platform's admin channel by {@link
 * AdminNotices}, which also keeps an outage from repeating it every poll.
 *
 * @param kind what happened
 * @param key what makes two notices the same one (one quarantined file, one channel's failures): a
 *     notice whose key was told recently is not told again
 * @param text the whole message, plain text, in the operator's language
 * @param channel the one channel the notice is about (a paused channel, alerts given up on), or
 *     null for the bot as a whole: a hosted bot tells a channel's own workspace about it, not only
 *     the operator
 */
public record Notice(Kind kind, String key, String text, @Nullable ChannelRef channel) {

  /** A notice about the bot as a whole, for the operator. */
  public Notice(Kind kind, String key, String text) {
    this(kind, key, text, null);
  }

  /** The things an operator is told about. */
  public enum Kind {
    /** ICE's page or files could not be read for several polls in a row. */
    SOURCE_FAILING,
    /** The source works again after a failure was told. */
    SOURCE_RECOVERED,
    /** A publication looked broken and was kept aside, neither diffed nor alerted. */
    PUBLICATION_QUARANTINED,
    /** A publication could not be read at all. */
    PUBLICATION_UNREADABLE,
    /** Alerts were given up on after too many failures or a refusal. */
    DEAD_LETTERED,
    /** A channel's alerts are held until someone fixes its access. */
    CHANNEL_PAUSED,
    /** A platform refuses the bot's token: every alert to it is held. */
    PLATFORM_PAUSED,
    /** The day's count of notices told to workspaces' own admins rather than to the operator. */
    WORKSPACES_SUMMARY
  }

  /** The operator's language: notices are written for whoever runs the bot. */
  private static final Texts TEXTS = Texts.of(Language.EN);

  /** ICE's page or files failed {@code polls} times in a row; {@code error} the last reason. */
  public static Notice sourceFailing(int polls, String error) {
    return new Notice(
        Kind.SOURCE_FAILING, "source", TEXTS.text("notice.SOURCE_FAILING", polls, error));
  }

  /** The source answers again after {@code polls} failed polls. */
  public static Notice sourceRecovered(int polls) {
    return new Notice(
        Kind.SOURCE_RECOVERED, "source-recovered", TEXTS.text("notice.SOURCE_RECOVERED", polls));
  }

  /**
   * A publication was set aside.
   *
   * @param readable false when it could not be parsed at all, true when it parsed but looked broken
   * @param file the file's name as linked
   * @param identity what identifies these bytes (their SHA-256), so the same file is told once
   */
  public static Notice setAside(
      ListKind list, boolean readable, String file, String identity, String reason) {
    Kind kind = readable ? Kind.PUBLICATION_QUARANTINED : Kind.PUBLICATION_UNREADABLE;
    return new Notice(
        kind,
        "publication:" + identity,
        TEXTS.text("notice." + kind.name(), TEXTS.text("notice.list." + list.id()), file, reason));
  }

  /** Several notices of one moment as one message, told or held back together. */
  public static Notice together(List<Notice> notices) {
    if (notices.isEmpty()) {
      throw new IllegalArgumentException("no notices to put together");
    }
    if (notices.size() == 1) {
      return notices.get(0);
    }
    return new Notice(
        notices.get(0).kind(),
        notices.stream().map(Notice::key).collect(Collectors.joining("+")),
        notices.stream().map(Notice::text).collect(Collectors.joining("\n\n")));
  }

  /** {@code count} alerts to {@code channel} were given up on. */
  public static Notice deadLettered(ChannelRef channel, int count, String reason) {
    return new Notice(
        Kind.DEAD_LETTERED,
        "dead:" + channel,
        TEXTS.text("notice.DEAD_LETTERED", count, describe(channel), reason),
        channel);
  }

  /** Alerts to {@code channel} are held until someone fixes the bot's access to it. */
  public static Notice channelPaused(ChannelRef channel, String reason) {
    return new Notice(
        Kind.CHANNEL_PAUSED,
        "paused:" + channel,
        TEXTS.text("notice.CHANNEL_PAUSED", describe(channel), reason),
        channel);
  }

  /**
   * What workspaces were told in the last day: {@code notices} notices to {@code workspaces}
   * workspaces, of which {@code paused} about paused channels and {@code dead} about alerts given
   * up on.
   */
  public static Notice workspacesSummary(int notices, int workspaces, int paused, int dead) {
    return new Notice(
        Kind.WORKSPACES_SUMMARY,
        "workspaces-summary",
        TEXTS.text("notice.WORKSPACES_SUMMARY", notices, workspaces, paused, dead));
  }

  /** The platform refuses the bot's token. */
  public static Notice platformPaused(String platform, String reason) {
    return new Notice(
        Kind.PLATFORM_PAUSED,
        "unauthorized:" + platform,
        TEXTS.text("notice.PLATFORM_PAUSED", platformName(platform), reason));
  }

  private static String describe(ChannelRef channel) {
    return platformName(channel.platform())
        + " channel "
        + channel.channel()
        + (channel.workspace().isEmpty() ? "" : " (" + channel.workspace() + ")");
  }

  private static String platformName(String platform) {
    return platform.isEmpty()
        ? platform
        : Character.toUpperCase(platform.charAt(0)) + platform.substring(1);
  }
}
