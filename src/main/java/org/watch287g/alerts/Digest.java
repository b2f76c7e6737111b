package org.watch287g.alerts;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Many alerts from one publication, as one digest instead of a flood: a title and a line per alert
 * (its headline and MOA link), split into parts that each fit a platform's limits.
 *
 * <p>The caller gives the budget, since platforms differ: Slack allows 50 blocks and 3,000
 * characters a section; Discord 4,096 characters an embed description, 6,000 an embed and 25
 * fields; the console has no limit. The character budget counts {@link DigestPart#body()}, the
 * lines as plain text: a platform that adds markup to each line passes a budget that leaves room
 * for it.
 *
 * <p>Parts are filled in order, as full as the budget allows. An item is never split across parts;
 * an item longer than the whole character budget is cut to fit, with an ellipsis, from its headline
 * so that its link stays whole.
 */
public final class Digest {
  static final String ELLIPSIS = "…";

  /**
   * The digest of these alerts, in as many parts as it takes; every alert is in it, in order.
   *
   * @param alerts the alerts, all in {@code language}; none gives no parts
   * @param maxItemsPerPart at least 1
   * @param maxCharsPerPart at least 2, room for one character and an ellipsis
   * @throws IllegalArgumentException on a budget under the minimum, or an alert in another language
   */
  public List<DigestPart> split(
      List<AlertMessage> alerts, Language language, int maxItemsPerPart, int maxCharsPerPart) {
    return split(alerts, language, maxItemsPerPart, maxCharsPerPart, Integer.MAX_VALUE);
  }

  /**
   * The digest of these alerts in at most {@code maxParts} parts. When they do not fit, the last
   * part ends with a line saying how many were left out and how to see them ({@link
   * DigestPart#more()}), counted in its budget like any item; the alerts left out are the last
   * ones.
   *
   * @param maxParts at least 1
   */
  public List<DigestPart> split(
      List<AlertMessage> alerts,
      Language language,
      int maxItemsPerPart,
      int maxCharsPerPart,
      int maxParts) {
    checkBudget(maxItemsPerPart, maxCharsPerPart, maxParts);
    Texts texts = Texts.of(language);
    List<String> lines = new ArrayList<>();
    for (AlertMessage alert : alerts) {
      if (alert.language() != language) {
        throw new IllegalArgumentException(
            "a " + language.code() + " digest given a " + alert.language().code() + " alert");
      }
      lines.add(line(alert, texts, maxCharsPerPart));
    }
    Budget budget = new Budget(maxItemsPerPart, maxCharsPerPart);
    List<List<String>> groups = budget.fill(lines);
    @Nullable String more = null;
    if (groups.size() > maxParts) {
      groups = new ArrayList<>(groups.subList(0, maxParts - 1));
      int included = groups.stream().mapToInt(List::size).sum();
      Capped last = budget.fillCapped(lines.subList(included, lines.size()), texts);
      groups.add(last.lines());
      more = last.more();
    }
    return parts(groups, more, alerts.size(), texts);
  }

  private static void checkBudget(int maxItems, int maxChars, int maxParts) {
    if (maxItems < 1 || maxChars < 2 || maxParts < 1) {
      throw new IllegalArgumentException(
          "a digest needs at least 1 item, 2 characters and 1 part per budget, not "
              + maxItems
              + ", "
              + maxChars
              + " and "
              + maxParts);
    }
  }

  /** An alert's line, cut to the budget from its headline so that the link stays whole. */
  static String line(AlertMessage alert, Texts texts, int maxChars) {
    String line = texts.text("digest.item", alert.headline(), alert.moa());
    if (line.length() <= maxChars) {
      return line;
    }
    int frame = line.length() - alert.headline().length();
    int room = maxChars - frame - ELLIPSIS.length();
    if (room >= 1) {
      return texts.text(
          "digest.item", TextLimits.prefix(alert.headline(), room) + ELLIPSIS, alert.moa());
    }
    // Even the link does not fit: a budget this small is a caller's mistake, but stay within it.
    return TextLimits.prefix(line, maxChars - ELLIPSIS.length()) + ELLIPSIS;
  }

  private static List<DigestPart> parts(
      List<List<String>> groups, @Nullable String more, int total, Texts texts) {
    String title = texts.text("digest.title", total);
    List<DigestPart> parts = new ArrayList<>();
    int first = 0;
    for (int i = 0; i < groups.size(); i++) {
      List<Integer> carried = new ArrayList<>();
      for (int k = 0; k < groups.get(i).size(); k++) {
        carried.add(first + k);
      }
      first += groups.get(i).size();
      boolean last = i == groups.size() - 1;
      String numbered =
          groups.size() == 1 ? title : texts.text("digest.part", title, i + 1, groups.size());
      parts.add(
          new DigestPart(
              texts.language(),
              numbered,
              groups.get(i),
              last ? more : null,
              i + 1,
              groups.size(),
              carried));
    }
    return parts;
  }

  /** The last part of a capped digest: the lines that fit, and the line counting the rest. */
  private record Capped(List<String> lines, String more) {}

  /** How many items and characters one part may hold. */
  private record Budget(int maxItems, int maxChars) {

    /** Greedy: each part takes lines until the next would break the budget. */
    List<List<String>> fill(List<String> lines) {
      List<List<String>> groups = new ArrayList<>();
      List<String> group = new ArrayList<>();
      int chars = 0;
      for (String line : lines) {
        if (!group.isEmpty() && !fits(group.size() + 1, chars + 1 + line.length())) {
          groups.add(group);
          group = new ArrayList<>();
          chars = 0;
        }
        chars += (group.isEmpty() ? 0 : 1) + line.length();
        group.add(line);
      }
      if (!group.isEmpty()) {
        groups.add(group);
      }
      return groups;
    }

    /**
     * As many lines as fit together with the "and N more" line, which names the lines left out and
     * so shortens as lines are added: checking each candidate with its own count is exact.
     */
    Capped fillCapped(List<String> lines, Texts texts) {
      List<String> taken = new ArrayList<>();
      int chars = 0;
      for (String line : lines) {
        int withLine = chars + (taken.isEmpty() ? 0 : 1) + line.length();
        String more = moreLine(lines.size() - taken.size() - 1, texts);
        if (!fits(taken.size() + 2, withLine + 1 + more.length())) {
          break;
        }
        taken.add(line);
        chars = withLine;
      }
      return new Capped(taken, moreLine(lines.size() - taken.size(), texts));
    }

    private String moreLine(int leftOut, Texts texts) {
      String more = texts.text("digest.more", leftOut);
      return more.length() <= maxChars
          ? more
          : TextLimits.prefix(more, maxChars - ELLIPSIS.length()) + ELLIPSIS;
    }

    private boolean fits(int items, int chars) {
      return items <= maxItems && chars <= maxChars;
    }
  }
}
