package org.watch287g.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message of a digest: a title and one line per alert, within the budget {@link Digest#split}
 * was given.
 *
 * @param language the language of every text here
 * @param title e.g. "7 changes to ICE's 287(g) lists for the places this channel follows", with
 *     "(part 2 of 3)" when the digest takes several messages
 * @param lines one line per alert: its headline and its MOA link (or why there is none)
 * @param more on the last part only, when the digest was capped: how many alerts it leaves out and
 *     where to see them; null otherwise
 * @param number this part's number, from 1
 * @param count how many parts the digest has
 * @param alerts the positions, in the list given to {@link Digest#split}, of the alerts this part
 *     carries (what a sender marks as sent when the part is accepted)
 */
public record DigestPart(
    Language language,
    String title,
    List<String> lines,
    @Nullable String more,
    int number,
    int count,
    List<Integer> alerts) {

  public DigestPart {
    Objects.requireNonNull(language, "language");
    lines = List.copyOf(lines);
    alerts = List.copyOf(alerts);
    if (number < 1 || number > count) {
      throw new IllegalArgumentException("part " + number + " of " + count);
    }
  }

  /**
   * What the budget bounds: the lines, then {@code more} if set, joined by {@code \n} (no trailing
   * newline). The title is not counted: platforms show it apart (a Slack header block, a Discord
   * embed title), under limits of their own.
   */
  public String body() {
    return String.join("\n", items());
  }

  /** How many items the budget counted: the lines, and {@code more} if set. */
  public int itemCount() {
    return items().size();
  }

  /** The title, then the body, each line ending with {@code \n}. */
  public String plainText() {
    return title + "\n" + body() + "\n";
  }

  private List<String> items() {
    List<String> items = new ArrayList<>(lines);
    if (more != null) {
      items.add(more);
    }
    return items;
  }
}
