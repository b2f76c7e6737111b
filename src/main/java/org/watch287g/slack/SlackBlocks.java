package org.watch287g.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.util.ArrayList;
import java.util.List;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.DigestPart;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Mention;
import org.watch287g.alerts.Notice;
import org.watch287g.alerts.TextLimits;
import org.watch287g.commands.Attachment;
import org.watch287g.dataset.OfficialUrl;

/**
 * The core's messages as Block Kit, always within Slack's limits, which Slack enforces by refusing
 * the whole message ({@code invalid_blocks}): at most {@value #MAX_BLOCKS} blocks, {@value
 * #MAX_HEADER} characters in a header, {@value #MAX_SECTION} in a section, {@value #MAX_BUTTON} in
 * a button's label; and a plain-text fallback of at most {@value #MAX_TEXT} characters (Slack cuts
 * longer ones, and notifications only show the start anyway).
 *
 * <p>Every text from outside (ICE's names, people's commands) is escaped, blocks and fallback
 * alike, and only ICE's and DHS's own URLs become links to agreements. The one mention a message
 * may hold is the channel's chosen one ({@link #ping}), at the start of the fallback and of the
 * first section.
 *
 * <p>Pure: no I/O, so every limit is unit-tested.
 */
final class SlackBlocks {
  static final int MAX_BLOCKS = 50;
  static final int MAX_HEADER = 150;
  static final int MAX_SECTION = 3000;
  static final int MAX_BUTTON = 75;
  static final int MAX_TEXT = 4000;
  static final int MAX_URL = 3000;

  /**
   * What one digest message may carry, in the core's terms ({@link
   * org.watch287g.alerts.Digest#split}). 40 lines of about 200 characters stay far below the 50
   * blocks, and 6,000 characters leave room for the bullets and escapes added here while keeping
   * the message under the ~12,000 characters at which Slack refuses blocks as too long.
   */
  static final int DIGEST_ITEMS = 40;

  static final int DIGEST_CHARS = 6000;

  private SlackBlocks() {}

  /** An alert: the headline as header, its labelled details, the model, links, a context line. */
  static SlackMessage alert(AlertMessage alert) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(TextLimits.shorten(alert.headline(), MAX_HEADER)))));
    StringBuilder details = new StringBuilder();
    for (AlertMessage.Field f : alert.fields()) {
      String url = f.url();
      String value = url != null && officialUrl(url) ? link(url, f.value()) : escape(f.value());
      details.append('*').append(escape(f.label())).append(":* ").append(value).append('\n');
    }
    String ping = ping(alert.mention());
    addSections(blocks, ping + details.toString().strip());
    addSections(blocks, escape(alert.modelExplainer()));
    List<BlockElement> buttons = new ArrayList<>();
    String moaUrl = alert.moaUrl();
    if (moaUrl != null && officialUrl(moaUrl)) {
      buttons.add(linkButton("moa", words(alert.language(), "slack.button.moa"), moaUrl));
    }
    String addendum = alert.addendumUrl();
    if (addendum != null && officialUrl(addendum)) {
      buttons.add(
          linkButton("addendum", words(alert.language(), "slack.button.addendum"), addendum));
    }
    if (!buttons.isEmpty()) {
      blocks.add(actions(a -> a.elements(buttons)));
    }
    if (alert.hasActions()) {
      StringBuilder links = new StringBuilder("*").append(escape(alert.labels().whatYouCanDo()));
      links.append("*");
      if (!alert.note().isEmpty()) {
        // The channel's own words first: its managers' next step matters most to its members.
        links.append("\n• ").append(escape(alert.note()));
      }
      for (AlertMessage.Link l : alert.links()) {
        links.append("\n• ");
        links.append(usableUrl(l.url()) ? link(l.url(), l.title()) : escape(l.title()));
      }
      addSections(blocks, links.toString());
    }
    String note = words(alert.language(), "slack.alert.context");
    blocks.add(context(c -> c.elements(List.of(markdownText(escape(note))))));
    return new SlackMessage(pinging(ping, alert.plainText()), capped(blocks));
  }

  /**
   * A digest part: its title as header; on the first part where the whole list is, as a context
   * line; each event type's heading in bold over its lines as bullets, in as few sections as fit;
   * then, on the first part, the "what you can do" links.
   */
  static SlackMessage digest(DigestPart part) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(TextLimits.shorten(part.title(), MAX_HEADER)))));
    String whole = part.whole();
    if (whole != null) {
      blocks.add(context(c -> c.elements(List.of(markdownText(escape(whole))))));
    }
    List<String> items = new ArrayList<>();
    for (DigestPart.Section section : part.sections()) {
      String heading = section.heading();
      if (heading != null) {
        items.add("*" + escape(heading) + "*");
      }
      for (String line : section.lines()) {
        items.add("• " + escape(line));
      }
    }
    String more = part.more();
    if (more != null) {
      items.add("_" + escape(more) + "_");
    }
    String ping = ping(part.mention());
    addSections(blocks, ping + String.join("\n", items));
    DigestPart.Actions actions = part.actions();
    if (actions != null) {
      StringBuilder links = new StringBuilder("*").append(escape(actions.label())).append("*");
      if (!actions.note().isEmpty()) {
        links.append("\n• ").append(escape(actions.note()));
      }
      for (AlertMessage.Link l : actions.links()) {
        links.append("\n• ");
        links.append(usableUrl(l.url()) ? link(l.url(), l.title()) : escape(l.title()));
      }
      addSections(blocks, links.toString());
    }
    return new SlackMessage(pinging(ping, part.plainText()), capped(blocks));
  }

  /**
   * The mention a channel chose ({@code /287g mention}) as Slack's markup, with a space after it:
   * {@code <!subteam^S0123ABCD> } or {@code <!here> }; empty for none. This adapter writes it from
   * a token the core checked, so it is the one mention a message may hold: everything from outside
   * is still escaped.
   */
  static String ping(String mention) {
    if (mention.equals(Mention.HERE)) {
      return "<!here> ";
    }
    return Mention.subteam(mention).map(id -> "<!subteam^" + id + "> ").orElse("");
  }

  /** The fallback, escaped, after the mention: notifications show its start. */
  private static String pinging(String ping, String plainText) {
    return ping + fallback(plainText, MAX_TEXT - ping.length());
  }

  /** An operator notice: a bold title, then the text. */
  static SlackMessage notice(Notice notice) {
    String title = words(Language.EN, "slack.notice.title");
    List<LayoutBlock> blocks = new ArrayList<>();
    addSections(blocks, "*" + escape(title) + "*\n" + escape(notice.text()));
    return new SlackMessage(fallback(title + ": " + notice.text()), capped(blocks));
  }

  /**
   * A command's reply, already plain text in its language (the core renders it): the lines in
   * sections, with extra lines the adapter adds (such as the invite hint) after them.
   */
  static SlackMessage reply(String plainText) {
    List<LayoutBlock> blocks = new ArrayList<>();
    addSections(blocks, escape(plainText.strip()));
    return new SlackMessage(fallback(plainText), capped(blocks));
  }

  /**
   * A reply followed, after a blank line, by mrkdwn this adapter wrote itself from its own words
   * (such as the invite hint with the bot's mention), which is not escaped: nothing from outside
   * may be in it.
   */
  static SlackMessage reply(String plainText, String ownMrkdwn) {
    List<LayoutBlock> blocks = new ArrayList<>();
    addSections(blocks, escape(plainText.strip()) + "\n\n" + ownMrkdwn);
    String own = "\n\n" + ownMrkdwn;
    String text =
        own.length() >= MAX_TEXT
            ? fallback(plainText)
            : fallback(plainText, MAX_TEXT - own.length()) + own;
    return new SlackMessage(text, capped(blocks));
  }

  /**
   * The most characters of a file shown inline: with the reply's own text this keeps a message well
   * under the ~12,000 characters at which Slack refuses blocks, and within {@link #MAX_BLOCKS}.
   */
  static final int INLINE_FILE = 7_000;

  /**
   * A file in a command's reply. A slash command's response (its acknowledgement or response_url)
   * cannot carry a file, and uploading one (files.getUploadURLExternal, then
   * files.completeUploadExternal) needs the files:write scope and the channel's membership, which
   * this bot does not ask for yet. So the file's first lines are shown as code blocks, and this
   * note says how many of how many, and where the whole file is.
   */
  static String inlineFileNote(Attachment file, Language language) {
    List<String> lines = inlineLines(file);
    int total = (int) file.content().lines().count();
    return words(language, "slack.file.inline", file.fileName(), lines.size(), total);
  }

  /** Adds the first lines of a file as code blocks: whole lines, at most {@link #INLINE_FILE}. */
  static void addInlineFile(List<LayoutBlock> blocks, Attachment file) {
    StringBuilder chunk = new StringBuilder();
    for (String line : inlineLines(file)) {
      String piece = TextLimits.shorten(escape(line), MAX_SECTION - 8);
      if (chunk.length() > 0 && chunk.length() + 1 + piece.length() > MAX_SECTION - 8) {
        addSection(blocks, "```" + chunk + "```");
        chunk.setLength(0);
      }
      chunk.append(chunk.length() == 0 ? "" : "\n").append(piece);
    }
    if (chunk.length() > 0) {
      addSection(blocks, "```" + chunk + "```");
    }
  }

  private static List<String> inlineLines(Attachment file) {
    List<String> kept = new ArrayList<>();
    int size = 0;
    for (String line : file.content().lines().toList()) {
      size += line.length() + 1;
      if (size > INLINE_FILE) {
        break;
      }
      kept.add(line);
    }
    return kept;
  }

  /**
   * Adds mrkdwn as sections of at most {@link #MAX_SECTION} characters, breaking between lines
   * where it can (a line longer than a whole section is cut). Empty text adds nothing.
   */
  static void addSections(List<LayoutBlock> blocks, String mrkdwn) {
    if (mrkdwn.isBlank()) {
      return;
    }
    StringBuilder chunk = new StringBuilder();
    for (String line : mrkdwn.split("\n", -1)) {
      String piece = line.length() > MAX_SECTION ? TextLimits.shorten(line, MAX_SECTION) : line;
      if (chunk.length() > 0 && chunk.length() + 1 + piece.length() > MAX_SECTION) {
        addSection(blocks, chunk.toString());
        chunk.setLength(0);
      }
      if (chunk.length() > 0) {
        chunk.append('\n');
      }
      chunk.append(piece);
    }
    addSection(blocks, chunk.toString());
  }

  private static void addSection(List<LayoutBlock> blocks, String text) {
    // Slack refuses a section whose text is empty or only whitespace.
    if (!text.isBlank()) {
      blocks.add(section(s -> s.text(markdownText(text))));
    }
  }

  /**
   * At most {@link #MAX_BLOCKS} blocks: a reply too long for them loses its end, and the last block
   * kept becomes a note that says so; the full text remains in the fallback.
   */
  private static List<LayoutBlock> capped(List<LayoutBlock> blocks) {
    if (blocks.size() <= MAX_BLOCKS) {
      return blocks;
    }
    List<LayoutBlock> kept = new ArrayList<>(blocks.subList(0, MAX_BLOCKS - 1));
    kept.add(context(c -> c.elements(List.of(markdownText(TextLimits.ELLIPSIS)))));
    return kept;
  }

  private static BlockElement linkButton(String id, String label, String url) {
    return button(
        b ->
            b.actionId("link-" + id)
                .text(plainText(TextLimits.shorten(label, MAX_BUTTON)))
                .url(url));
  }

  /** A mrkdwn link; the label loses the characters that would end it early. */
  static String link(String url, String label) {
    return "<" + url.replace(">", "%3E").replace("|", "%7C") + "|" + escape(label) + ">";
  }

  /**
   * The plain-text fallback as Slack reads it: {@code text} is mrkdwn too (notifications and
   * clients without blocks show it), so it is escaped as the blocks are, or an agency named {@code
   * <!channel>} would ping a channel and {@code <https://...|label>} would be a masked link. Cut to
   * {@value #MAX_TEXT} characters counted after escaping, so an escape is never cut in half.
   */
  static String fallback(String plainText) {
    return fallback(plainText, MAX_TEXT);
  }

  private static String fallback(String plainText, int max) {
    String plain = plainText.strip();
    int room = max;
    String text = escape(TextLimits.shorten(plain, room));
    while (text.length() > max) {
      room -= text.length() - max;
      text = escape(TextLimits.shorten(plain, room));
    }
    return text;
  }

  /**
   * Whether a link from ICE's spreadsheet (an MOA or addendum) may be a link: only to ICE's or
   * DHS's own hosts ({@link OfficialUrl}), so that a cell pointing at a look-alike host never
   * becomes a "Read the agreement" button; such a value is shown as escaped text instead.
   */
  static boolean officialUrl(String url) {
    return usableUrl(url) && OfficialUrl.isOfficial(url);
  }

  /** Only http(s) links go into blocks: Slack refuses a button with any other URL. */
  static boolean usableUrl(String url) {
    return (url.startsWith("https://") || url.startsWith("http://")) && url.length() <= MAX_URL;
  }

  /**
   * Slack's three control characters in mrkdwn, escaped as Slack asks, so that an agency called "A
   * & B" or text with {@code <!channel>} in it shows as typed and pings no one.
   */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String words(Language language, String key, Object... arguments) {
    return SlackWords.text(language, key, arguments);
  }
}
