package org.watch287g.discord;

import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.Deliverer;
import org.watch287g.alerts.DigestPart;
import org.watch287g.alerts.Mention;
import org.watch287g.alerts.Notice;
import org.watch287g.alerts.TextLimits;
import org.watch287g.alerts.Texts;
import org.watch287g.dataset.OfficialUrl;

/**
 * The core's messages as Discord messages, within Discord's limits: an alert as one embed (the
 * headline as its title, linked to the MOA; one field per detail; the toolkit links), a digest part
 * as one embed with a line per alert, a reply as embeds cut at line ends, an operator notice as
 * plain content. Pure: builds values, sends nothing.
 *
 * <p>Every text is cut before JDA sees it, because {@link EmbedBuilder} throws on a text over its
 * limit and Discord answers 400 to a message over its totals: a long agency name or an operator's
 * long toolkit title must shorten an alert, never lose it. No message may mention anyone but the
 * role a channel chose ({@code /287g mention}): names come from ICE's spreadsheets, and {@code
 * @everyone} in one must not ping a server. No text from
 * outside may format or link ({@link DiscordText}): the only links are the toolkit's, which the
 * operator chose, and ICE's and DHS's own addresses.
 */
final class DiscordRender {
  static final int CONTENT = Message.MAX_CONTENT_LENGTH; // 2000
  static final int TITLE = MessageEmbed.TITLE_MAX_LENGTH; // 256
  static final int DESCRIPTION = MessageEmbed.DESCRIPTION_MAX_LENGTH; // 4096
  static final int FIELDS = MessageEmbed.MAX_FIELD_AMOUNT; // 25
  static final int FIELD_VALUE = MessageEmbed.VALUE_MAX_LENGTH; // 1024
  static final int TOTAL = MessageEmbed.EMBED_MAX_LENGTH_BOT; // 6000, across a message's embeds
  static final int EMBEDS = Message.MAX_EMBED_COUNT; // 10

  /**
   * A digest part is one embed: its lines, each with a "- " bullet and a newline, in the
   * description. 20 lines of at most 3,600 characters leave room for the bullets and newlines (60)
   * under 4,096, and with a title of at most 256 stay under the 6,000 of a whole message.
   */
  static final Deliverer.DigestBudget DIGEST_BUDGET = new Deliverer.DigestBudget(20, 3_600);

  private static final String BULLET = "- ";
  private static final Pattern HTTP = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);

  /** Colours by what happened: an agreement coming is red, one going green, the rest grey. */
  private static final Color COMING = new Color(0xC0392B);

  private static final Color REQUESTED = new Color(0xE67E22);
  private static final Color GOING = new Color(0x27AE60);
  private static final Color OTHER = new Color(0x7F8C8D);

  /** An alert: one embed. */
  MessageCreateData alert(AlertMessage alert) {
    EmbedBuilder embed =
        new EmbedBuilder()
            .setColor(colour(alert))
            .setTitle(TextLimits.shorten(alert.headline(), TITLE));
    String moaUrl = alert.moaUrl();
    if (moaUrl != null && official(moaUrl)) {
      embed.setUrl(moaUrl);
    }
    List<AlertMessage.Field> fields = alert.fields();
    for (int i = 0; i < fields.size(); i++) {
      AlertMessage.Field f = fields.get(i);
      // A field's URL comes from ICE's spreadsheet (the MOA, the addendum): linked only if ICE's.
      String url = f.url();
      String value = value(f.value(), url != null && official(url) ? url : null);
      if (i == fields.size() - 1) {
        // The model is the last field; what it lets officers do belongs right under its name.
        value = value + "\n" + escape(alert.modelExplainer());
      }
      embed.addField(TextLimits.shorten(f.label(), TITLE), cutField(value), false);
    }
    List<String> links = new ArrayList<>();
    if (!alert.note().isEmpty()) {
      // The channel's own words first: its managers' next step matters most to its members.
      links.add(BULLET + escape(alert.note()));
    }
    for (AlertMessage.Link link : alert.links()) {
      links.add(BULLET + value(link.title(), link.url()));
    }
    for (String chunk : pack(links, FIELD_VALUE)) {
      if (embed.getFields().size() < FIELDS) {
        embed.addField(TextLimits.shorten(alert.labels().whatYouCanDo(), TITLE), chunk, false);
      }
    }
    return message(List.of(fitTotal(embed)), alert.mention());
  }

  /**
   * A digest part: one embed, its title and in the description where the whole list is (first
   * part), each event type's heading in bold over one bulleted line per alert, and the "what you
   * can do" links (first part).
   */
  MessageCreateData digest(DigestPart part) {
    List<String> items = new ArrayList<>();
    String whole = part.whole();
    if (whole != null) {
      items.add("*" + escape(whole) + "*");
    }
    for (DigestPart.Section section : part.sections()) {
      String heading = section.heading();
      if (heading != null) {
        items.add("**" + escape(heading) + "**");
      }
      for (String line : section.lines()) {
        items.add(BULLET + DiscordText.escapeKeepingOfficialLinks(line));
      }
    }
    String more = part.more();
    if (more != null) {
      items.add(DiscordText.escapeKeepingOfficialLinks(more));
    }
    DigestPart.Actions actions = part.actions();
    if (actions != null) {
      items.add("**" + escape(actions.label()) + "**");
      if (!actions.note().isEmpty()) {
        items.add(BULLET + escape(actions.note()));
      }
      for (AlertMessage.Link link : actions.links()) {
        items.add(BULLET + value(link.title(), link.url()));
      }
    }
    EmbedBuilder embed =
        new EmbedBuilder()
            .setColor(OTHER)
            .setTitle(TextLimits.shorten(part.title(), TITLE))
            .setDescription(TextLimits.shorten(String.join("\n", items), DESCRIPTION));
    return message(List.of(fitTotal(embed)), part.mention());
  }

  /** An operator notice: plain content, as it is plain text. */
  MessageCreateData notice(Notice notice, Texts words) {
    String text =
        "⚠ "
            + words.text("discord.notice")
            + "\n"
            + DiscordText.escapeKeepingOfficialLinks(notice.text());
    return new MessageCreateBuilder()
        .setContent(TextLimits.shorten(text, CONTENT))
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .build();
  }

  /**
   * A reply's plain text as embeds: lines packed into descriptions of at most 4,096 characters, at
   * most 10 embeds and 6,000 characters in all. What does not fit is counted in a last line (a
   * whole state's status can list hundreds of agreements).
   */
  List<MessageEmbed> reply(String plainText, Texts words) {
    List<String> lines = List.of(plainText.split("\n", -1));
    // Room kept for the line that counts what was cut, in either language.
    int reserve = 160;
    List<StringBuilder> bodies = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    bodies.add(body);
    int total = 0;
    int shown = 0;
    for (String raw : lines) {
      String line =
          TextLimits.shorten(DiscordText.escapeKeepingOfficialLinks(raw), DESCRIPTION - reserve);
      int add = (body.length() == 0 ? 0 : 1) + line.length();
      if (total + add > TOTAL - reserve) {
        break;
      }
      if (body.length() + add > DESCRIPTION - reserve) {
        if (bodies.size() == EMBEDS) {
          break;
        }
        body = new StringBuilder();
        bodies.add(body);
        add = line.length();
      }
      body.append(body.length() == 0 ? "" : "\n").append(line);
      total += add;
      shown++;
    }
    if (shown < lines.size()) {
      body.append('\n').append(words.text("discord.cut", lines.size() - shown));
    }
    List<MessageEmbed> embeds = new ArrayList<>();
    for (StringBuilder b : bodies) {
      String text = b.length() == 0 ? TextLimits.ELLIPSIS : b.toString();
      embeds.add(new EmbedBuilder().setColor(OTHER).setDescription(text).build());
    }
    return embeds;
  }

  /**
   * A message of embeds that pings the channel's role, if it chose one ({@code /287g mention}): the
   * role's mention as the content (embeds never ping), and {@code allowed_mentions} that names that
   * role alone and parses nothing, so no other mention in the message can ping, whatever it holds.
   */
  private static MessageCreateData message(List<MessageEmbed> embeds, String mention) {
    MessageCreateBuilder message =
        new MessageCreateBuilder()
            .setEmbeds(embeds)
            .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
    Mention.role(mention)
        .ifPresent(id -> message.setContent("<@&" + id + ">").mentionRoles(List.of(id)));
    return message.build();
  }

  /** Drops fields from the end until the embed is within the 6,000 characters of a message. */
  private static MessageEmbed fitTotal(EmbedBuilder embed) {
    while (embed.length() > TOTAL && !embed.getFields().isEmpty()) {
      embed.getFields().remove(embed.getFields().size() - 1);
    }
    return embed.build();
  }

  /** Lines joined by newlines into chunks of at most {@code max} characters; a long line is cut. */
  static List<String> pack(List<String> lines, int max) {
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (String raw : lines) {
      String line = TextLimits.shorten(raw, max);
      if (chunk.length() > 0 && chunk.length() + 1 + line.length() > max) {
        chunks.add(chunk.toString());
        chunk.setLength(0);
      }
      chunk.append(chunk.length() == 0 ? "" : "\n").append(line);
    }
    if (chunk.length() > 0) {
      chunks.add(chunk.toString());
    }
    return chunks;
  }

  /** A value, as a masked link when it has a URL other than itself. */
  private static String value(String text, @Nullable String url) {
    if (url == null || !linkable(url)) {
      return escape(text);
    }
    if (text.equals(url)) {
      return url;
    }
    return "[" + escape(text) + "](" + url + ")";
  }

  /** A field's value cut to 1,024; a masked link too long to keep whole loses its mask. */
  private static String cutField(String value) {
    return TextLimits.shorten(value, FIELD_VALUE);
  }

  private static boolean linkable(String url) {
    return url.length() <= MessageEmbed.URL_MAX_LENGTH && HTTP.matcher(url).matches();
  }

  /** Whether a URL from ICE's spreadsheet may be a link: ICE's or DHS's own, within limits. */
  private static boolean official(String url) {
    return linkable(url) && OfficialUrl.isOfficial(url);
  }

  private static String escape(String text) {
    return DiscordText.escape(text);
  }

  private static Color colour(AlertMessage alert) {
    return switch (alert.type()) {
      case NEW_AGREEMENT, PENDING_SIGNED, MODEL_CHANGED, RENEWED -> COMING;
      case NEW_PENDING -> REQUESTED;
      case TERMINATED, PENDING_WITHDRAWN -> GOING;
      default -> OTHER;
    };
  }
}
