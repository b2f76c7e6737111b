package org.watch287g.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.UsState;

/**
 * Many alerts from one publication, as one digest instead of a flood: a title that counts them all,
 * where the whole list is, the alerts grouped by event type (in the type's enum order, so a new
 * type takes its place with no code here), by place then agency within a type, a line each with its
 * headline, model, date and MOA link; and one "what you can do" block for the whole digest. Split
 * into parts that each fit a platform's limits.
 *
 * <p>The caller gives the budget, since platforms differ: Slack allows 50 blocks and 3,000
 * characters a section; Discord 4,096 characters an embed description, 6,000 an embed and 25
 * fields; the console has no limit. The character budget counts {@link DigestPart#body()}, the
 * lines as plain text: a platform that adds markup to each line passes a budget that leaves room
 * for it. The item budget counts alert lines only.
 *
 * <p>Parts are filled in order, as full as the budget allows; the first also carries where the
 * whole list is and the "what you can do" block, kept to a quarter of the budget (links are dropped
 * from the end to fit). An item is never split across parts; an item longer than its room is cut,
 * with an ellipsis, from its headline so that its link stays whole. The first part pings the
 * channel's mention, once for the whole digest, when any of its alerts pings ({@link
 * AlertMessage#mention}); the other parts ping no one. Budgets under {@value #DECORATED} characters
 * (a caller's mistake, or a test's) get bare lines, no headings or blocks.
 *
 * <p>Deterministic: the same alerts give the same parts, whatever order they come in, which is what
 * lets a sender recompute a digest half sent and find its parts under the same numbers.
 */
public final class Digest {
  static final String ELLIPSIS = "…";

  /** The smallest character budget that has room for headings and the first part's blocks. */
  static final int DECORATED = 200;

  /** At most this many states are named in the pointer to the whole list. */
  static final int STATES_NAMED = 3;

  /**
   * The lines' order: event type, then state and place (so a county's agencies sit together), then
   * agency.
   */
  static final Comparator<AlertMessage> ORDER =
      Comparator.comparing(AlertMessage::type)
          .thenComparing(AlertMessage::state)
          .thenComparing(AlertMessage::place)
          .thenComparing(AlertMessage::agency)
          .thenComparing(AlertMessage::headline)
          .thenComparing(AlertMessage::model)
          .thenComparing(AlertMessage::date)
          .thenComparing(AlertMessage::moa);

  /**
   * The digest of these alerts, in as many parts as it takes; every alert is in it.
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
   * DigestPart#more()}), counted in its budget like any item; the alerts left out are the last ones
   * in the digest's order.
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
    for (AlertMessage alert : alerts) {
      if (alert.language() != language) {
        throw new IllegalArgumentException(
            "a " + language.code() + " digest given a " + alert.language().code() + " alert");
      }
    }
    if (alerts.isEmpty()) {
      return List.of();
    }
    Texts texts = Texts.of(language);
    boolean decorated = maxCharsPerPart >= DECORATED;
    int quarter = maxCharsPerPart / 4;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < alerts.size(); i++) {
      order.add(i);
    }
    // A stable sort: alerts equal in every text keep the order they came in.
    order.sort(Comparator.comparing(alerts::get, ORDER));
    Map<ChangeEvent.Type, String> headings =
        decorated ? headings(alerts, texts, quarter) : Map.of();
    int lineRoom = decorated ? maxCharsPerPart - 2 * quarter - 2 : maxCharsPerPart;
    List<Entry> entries = new ArrayList<>();
    for (int index : order) {
      AlertMessage alert = alerts.get(index);
      entries.add(new Entry(index, decorated ? alert.type() : null, line(alert, texts, lineRoom)));
    }
    Lead lead = decorated ? lead(alerts, order, texts, quarter) : new Lead(null, null, 0);
    Budget budget = new Budget(maxItemsPerPart, maxCharsPerPart, headings);
    List<Draft> drafts = budget.fill(entries, lead.chars());
    @Nullable String more = null;
    if (drafts.size() > maxParts) {
      drafts = new ArrayList<>(drafts.subList(0, maxParts - 1));
      int included = drafts.stream().mapToInt(d -> d.carried.size()).sum();
      int reserved = drafts.isEmpty() ? lead.chars() : 0;
      Draft last = budget.fillCapped(entries.subList(included, entries.size()), reserved, texts);
      drafts.add(last);
      more = last.more;
    }
    return parts(drafts, more, lead, alerts.size(), texts, mention(alerts));
  }

  /** Who the digest pings: the mention of its alerts that ping (one channel's, so one token). */
  private static String mention(List<AlertMessage> alerts) {
    for (AlertMessage alert : alerts) {
      if (!alert.mention().isEmpty()) {
        return alert.mention();
      }
    }
    return Mention.NONE;
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

  /**
   * An alert's line: headline, model, date, MOA; cut to the budget from its headline so that the
   * link stays whole.
   */
  static String line(AlertMessage alert, Texts texts, int maxChars) {
    String line = item(texts, alert, alert.headline());
    if (line.length() <= maxChars) {
      return line;
    }
    int frame = line.length() - alert.headline().length();
    int room = maxChars - frame - ELLIPSIS.length();
    if (room >= 1) {
      return item(texts, alert, TextLimits.prefix(alert.headline(), room) + ELLIPSIS);
    }
    // Even the link does not fit: a budget this small is a caller's mistake, but stay within it.
    return TextLimits.prefix(line, maxChars - ELLIPSIS.length()) + ELLIPSIS;
  }

  private static String item(Texts texts, AlertMessage alert, String headline) {
    return texts.text("digest.item", headline, alert.model(), alert.date(), alert.moa());
  }

  /** Each type's heading, with how many of the digest's alerts are of it. */
  private static Map<ChangeEvent.Type, String> headings(
      List<AlertMessage> alerts, Texts texts, int max) {
    Map<ChangeEvent.Type, Integer> counts = new EnumMap<>(ChangeEvent.Type.class);
    for (AlertMessage alert : alerts) {
      counts.merge(alert.type(), 1, Integer::sum);
    }
    Map<ChangeEvent.Type, String> headings = new EnumMap<>(ChangeEvent.Type.class);
    counts.forEach(
        (type, n) -> headings.put(type, TextLimits.shorten(heading(type, n, texts), max)));
    return headings;
  }

  private static String heading(ChangeEvent.Type type, int count, Texts texts) {
    try {
      return texts.text("digest.group." + type.name(), count);
    } catch (MissingResourceException e) {
      // A type whose words are not written yet still gets a heading; MessageBundlesTest asks for
      // the words.
      return type.name() + " (" + count + ")";
    }
  }

  /**
   * What the first part carries besides lines: where the whole list is, and the "what you can do"
   * block, together within {@code max} characters.
   */
  private static Lead lead(List<AlertMessage> alerts, List<Integer> order, Texts texts, int max) {
    Map<UsState, Integer> states = new LinkedHashMap<>();
    Map<String, AlertMessage.Link> links = new LinkedHashMap<>();
    for (int index : order) {
      AlertMessage alert = alerts.get(index);
      states.merge(alert.state(), 1, Integer::sum);
      for (AlertMessage.Link link : alert.links()) {
        links.putIfAbsent(link.url(), link);
      }
    }
    String whole = whole(states, texts);
    if (whole.length() + 1 > max) {
      return new Lead(null, null, 0);
    }
    AlertMessage first = alerts.get(order.get(0));
    String label = first.labels().whatYouCanDo();
    // Every alert of one digest goes to one channel, so they share its note; it is never cut.
    String note = first.note();
    List<AlertMessage.Link> kept = new ArrayList<>(links.values());
    while (!kept.isEmpty() || !note.isEmpty()) {
      DigestPart.Actions actions = new DigestPart.Actions(label, note, kept);
      int chars = whole.length() + 1;
      for (String line : actions.plainLines()) {
        chars += line.length() + 1;
      }
      if (chars <= max) {
        return new Lead(whole, actions, chars);
      }
      if (kept.isEmpty()) {
        break;
      }
      kept.remove(kept.size() - 1);
    }
    return new Lead(whole, null, whole.length() + 1);
  }

  /** "The whole list, any time: /287g status TX", naming the states with most alerts first. */
  private static String whole(Map<UsState, Integer> states, Texts texts) {
    if (states.size() > STATES_NAMED) {
      return texts.text("digest.wholeAny");
    }
    List<String> commands =
        states.entrySet().stream()
            .sorted(
                Map.Entry.<UsState, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(e -> e.getKey().code()))
            .map(e -> "/287g status " + e.getKey().code())
            .toList();
    return texts.text("digest.whole", texts.joined(commands));
  }

  private static List<DigestPart> parts(
      List<Draft> drafts,
      @Nullable String more,
      Lead lead,
      int total,
      Texts texts,
      String mention) {
    String title = texts.text("digest.title", total);
    List<DigestPart> parts = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      boolean first = i == 0;
      boolean last = i == drafts.size() - 1;
      String numbered =
          drafts.size() == 1 ? title : texts.text("digest.part", title, i + 1, drafts.size());
      Draft d = drafts.get(i);
      parts.add(
          new DigestPart(
              texts.language(),
              numbered,
              first ? lead.whole() : null,
              d.sections(),
              last ? more : null,
              first ? lead.actions() : null,
              i + 1,
              drafts.size(),
              d.carried,
              first ? mention : Mention.NONE));
    }
    return parts;
  }

  /** One alert's place in the digest: its position in the caller's list, its type, its line. */
  private record Entry(int index, ChangeEvent.@Nullable Type type, String line) {}

  /** The first part's extras and the characters they take (their lines and newlines). */
  private record Lead(@Nullable String whole, DigestPart.@Nullable Actions actions, int chars) {}

  /** A part being filled. */
  private static final class Draft {
    final List<String> headings = new ArrayList<>();
    final List<List<String>> lines = new ArrayList<>();
    final List<Integer> carried = new ArrayList<>();
    int items;

    /** Characters so far, counting a newline after every line (the last one's is not sent). */
    int chars;

    ChangeEvent.@Nullable Type current;
    boolean started;
    @Nullable String more;

    Draft(int reserved) {
      this.chars = reserved;
    }

    List<DigestPart.Section> sections() {
      List<DigestPart.Section> sections = new ArrayList<>();
      for (int i = 0; i < headings.size(); i++) {
        String heading = headings.get(i);
        // Undecorated parts have one section and no heading.
        sections.add(new DigestPart.Section(heading.isEmpty() ? null : heading, lines.get(i)));
      }
      return sections;
    }
  }

  /** How many items and characters one part may hold, and the headings that open sections. */
  private record Budget(int maxItems, int maxChars, Map<ChangeEvent.Type, String> headings) {

    /** Greedy: each part takes entries until the next would break the budget. */
    List<Draft> fill(List<Entry> entries, int reserved) {
      List<Draft> drafts = new ArrayList<>();
      Draft draft = new Draft(reserved);
      for (Entry entry : entries) {
        if (!draft.carried.isEmpty() && !fits(draft, entry, 0, 0)) {
          drafts.add(draft);
          draft = new Draft(0);
        }
        add(draft, entry);
      }
      drafts.add(draft);
      return drafts;
    }

    /**
     * As many entries as fit together with the "and N more" line, which names the entries left out
     * and so shortens as entries are added: checking each candidate with its own count is exact.
     * The alerts left out are carried too: the "more" line stands for them.
     */
    Draft fillCapped(List<Entry> entries, int reserved, Texts texts) {
      Draft draft = new Draft(reserved);
      int taken = 0;
      for (Entry entry : entries) {
        String more = moreLine(entries.size() - taken - 1, texts);
        if (!fits(draft, entry, 1 + more.length(), 1)) {
          break;
        }
        add(draft, entry);
        taken++;
      }
      for (Entry left : entries.subList(taken, entries.size())) {
        draft.carried.add(left.index());
      }
      draft.more = moreLine(entries.size() - taken, texts);
      return draft;
    }

    private int cost(Draft draft, Entry entry) {
      int cost = entry.line().length() + 1;
      ChangeEvent.Type type = entry.type();
      if (type != null && (!draft.started || type != draft.current)) {
        cost += Objects.requireNonNull(headings.get(type)).length() + 1;
      }
      return cost;
    }

    private boolean fits(Draft draft, Entry entry, int extraChars, int extraItems) {
      return draft.items + 1 + extraItems <= maxItems
          && draft.chars + cost(draft, entry) + extraChars - 1 <= maxChars;
    }

    private void add(Draft draft, Entry entry) {
      draft.chars += cost(draft, entry);
      ChangeEvent.Type type = entry.type();
      if (!draft.started || type != draft.current) {
        draft.headings.add(type == null ? "" : Objects.requireNonNull(headings.get(type)));
        draft.lines.add(new ArrayList<>());
        draft.current = type;
        draft.started = true;
      }
      draft.lines.get(draft.lines.size() - 1).add(entry.line());
      draft.carried.add(entry.index());
      draft.items++;
    }

    private String moreLine(int leftOut, Texts texts) {
      String more = texts.text("digest.more", leftOut);
      return more.length() <= maxChars
          ? more
          : TextLimits.prefix(more, maxChars - ELLIPSIS.length()) + ELLIPSIS;
    }
  }
}
