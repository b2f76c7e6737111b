package org.watch287g.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message of a digest: a title, the alerts' lines grouped by event type, and on the first part
 * where the whole list is and what people can do; within the budget {@link Digest#split} was given.
 *
 * @param language the language of every text here
 * @param title e.g. "7 changes to ICE's 287(g) lists for the places this channel follows", with
 *     "(part 2 of 3)" when the digest takes several messages; the total is the whole digest's in
 *     every part
 * @param whole on the first part only: where the whole list is, e.g. "The whole list, any time:
 *     /287g status TX"; null on the others
 * @param sections the alerts' lines under their event type's heading, types in their enum order,
 *     lines by place then agency; a type that goes on into the next part repeats its heading there
 * @param more on the last part only, when the digest was capped: how many alerts it leaves out and
 *     where to see them; null otherwise
 * @param actions on the first part only: one "what you can do" block for the whole digest, the
 *     toolkit links suited to its event types and models; null on the others, or when none suits
 * @param number this part's number, from 1
 * @param count how many parts the digest has
 * @param alerts the positions, in the list given to {@link Digest#split}, of the alerts this part
 *     carries (what a sender marks as sent when the part is accepted); on a capped digest's last
 *     part, the alerts {@code more} counts too
 * @param mention on the first part only: who the digest pings, once, when any of its alerts pings
 *     ({@link AlertMessage#mention}); empty on the others and when none pings
 */
public record DigestPart(
    Language language,
    String title,
    @Nullable String whole,
    List<Section> sections,
    @Nullable String more,
    @Nullable Actions actions,
    int number,
    int count,
    List<Integer> alerts,
    String mention) {

  /** A part that pings no one. */
  public DigestPart(
      Language language,
      String title,
      @Nullable String whole,
      List<Section> sections,
      @Nullable String more,
      @Nullable Actions actions,
      int number,
      int count,
      List<Integer> alerts) {
    this(language, title, whole, sections, more, actions, number, count, alerts, Mention.NONE);
  }

  public DigestPart {
    Objects.requireNonNull(language, "language");
    if (!Mention.wellFormed(mention) || (number > 1 && !mention.isEmpty())) {
      throw new IllegalArgumentException("only a first part pings, a token: " + mention);
    }
    sections = List.copyOf(sections);
    alerts = List.copyOf(alerts);
    if (number < 1 || number > count) {
      throw new IllegalArgumentException("part " + number + " of " + count);
    }
  }

  /**
   * Alerts of one event type.
   *
   * @param heading e.g. "New agreements (86)": the type and how many of the digest's alerts are of
   *     it; null when the budget was too small for headings
   * @param lines one line per alert: its headline, model, date and MOA link (or why there is none)
   */
  public record Section(@Nullable String heading, List<String> lines) {
    public Section {
      lines = List.copyOf(lines);
    }
  }

  /**
   * The digest's "what you can do" block.
   *
   * @param label e.g. "What you can do"
   * @param links in the toolkit's order
   */
  public record Actions(String label, String note, List<AlertMessage.Link> links) {
    public Actions {
      links = List.copyOf(links);
    }

    /** The block as plain lines: the label, the channel's note, then "- title: url" per link. */
    public List<String> plainLines() {
      List<String> out = new ArrayList<>();
      out.add(label + ":");
      if (!note.isEmpty()) {
        out.add("- " + note);
      }
      for (AlertMessage.Link link : links) {
        out.add("- " + link.title() + ": " + link.url());
      }
      return out;
    }
  }

  /** Every alert line of this part, in order, without the headings. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (Section s : sections) {
      lines.addAll(s.lines());
    }
    return lines;
  }

  /**
   * What the character budget bounds, as plain text joined by {@code \n} (no trailing newline):
   * {@code whole}, each heading and its lines, {@code more}, then the actions' lines. The title is
   * not counted: platforms show it apart (a Slack header block, a Discord embed title), under
   * limits of their own.
   */
  public String body() {
    List<String> out = new ArrayList<>();
    if (whole != null) {
      out.add(whole);
    }
    for (Section s : sections) {
      String heading = s.heading();
      if (heading != null) {
        out.add(heading);
      }
      out.addAll(s.lines());
    }
    if (more != null) {
      out.add(more);
    }
    if (actions != null) {
      out.addAll(actions.plainLines());
    }
    return String.join("\n", out);
  }

  /**
   * How many items the item budget counted: the alert lines, and {@code more} if set (headings,
   * {@code whole} and the actions count in characters only).
   */
  public int itemCount() {
    return lines().size() + (more == null ? 0 : 1);
  }

  /** The title, then the body, each line ending with {@code \n}. */
  public String plainText() {
    return title + "\n" + body() + "\n";
  }
}
