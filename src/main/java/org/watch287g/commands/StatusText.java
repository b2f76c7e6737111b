package org.watch287g.commands;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.AlertComposer;
import org.watch287g.alerts.Texts;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.OfficialUrl;
import org.watch287g.dataset.UsState;

/**
 * A {@link Reply.StatusReply} as plain text, answering the question asked:
 *
 * <ul>
 *   <li>a county: its own agencies (sheriff, police of places in it, other local bodies), the
 *       state's statewide agencies as one line that says how to list them, its pending requests
 *       (the same way) and its latest changes;
 *   <li>a state: a summary (agreements by model, counties covered, the latest signed), its pending
 *       requests, the counties with the most agreements, its statewide agencies as one line, how to
 *       get the whole list as CSV, and its latest changes;
 *   <li>{@code status FL statewide}: the statewide agencies, listed;
 *   <li>{@code status TX csv}: what the attached file holds.
 * </ul>
 */
final class StatusText {
  /** The most agreements or requests of one section listed. */
  static final int ROWS = 40;

  /** The most pending requests of a whole state listed (the CSV has them all). */
  static final int STATE_PENDING = 10;

  /** How many counties a state's summary ranks. */
  static final int TOP_COUNTIES = 10;

  private StatusText() {}

  static void render(Reply.StatusReply reply, Texts words, List<String> lines) {
    Status s = reply.status();
    reply.notes().forEach(n -> lines.add(n.in(words)));
    switch (reply.view()) {
      case STATEWIDE -> statewide(s, words, lines);
      case CSV -> csv(s, words, lines);
      case PLACE -> {
        if (s.place().county() == null) {
          state(s, words, lines);
        } else {
          county(s, words, lines);
        }
      }
    }
  }

  private static void county(Status s, Texts words, List<String> lines) {
    lines.add(words.text("reply.status.title", s.place().label(words)));
    section(s, s.agreements(), s.agreementsAsOf(), "agreements", words, lines);
    section(s, s.pending(), s.pendingAsOf(), "pending", words, lines);
    recent(s, words, lines);
  }

  /** One list of a county: its own entries, then the statewide ones as one line. */
  private static void section(
      Status s,
      List<Status.Entry> entries,
      @Nullable LocalDate asOf,
      String name,
      Texts words,
      List<String> lines) {
    if (asOf == null) {
      lines.add(words.text("reply.status." + name + ".unread"));
      return;
    }
    if (entries.isEmpty()) {
      lines.add(words.text("reply.status." + name + ".none", words.date(asOf)));
      return;
    }
    List<Status.Entry> local = Status.local(entries);
    lines.add(words.text("reply.status." + name + ".local", local.size(), words.date(asOf)));
    list(local, name.equals("pending"), s.place().code(), words, lines);
    statewideLine(Status.statewide(entries), name, s.place().state(), words, lines);
  }

  private static void list(
      List<Status.Entry> entries, boolean requests, String code, Texts words, List<String> lines) {
    for (Status.Entry e : entries.subList(0, Math.min(ROWS, entries.size()))) {
      lines.add("  - " + entry(e, requests, words));
    }
    if (entries.size() > ROWS) {
      lines.add("  " + words.text("reply.status.moreCsv", entries.size() - ROWS, code));
    }
  }

  /** "and 12 Florida state agencies, e.g. ...: /287g status FL statewide"; nothing for none. */
  private static void statewideLine(
      List<Status.Entry> statewide, String name, UsState state, Texts words, List<String> lines) {
    if (statewide.isEmpty()) {
      return;
    }
    lines.add(
        "  "
            + words.text(
                "reply.status.statewide." + name,
                statewide.size(),
                words.state(state),
                example(statewide).agreement().agency(),
                state.code()));
  }

  /** The statewide agency people know best: a highway patrol or state police when there is one. */
  private static Status.Entry example(List<Status.Entry> statewide) {
    for (String known :
        List.of("highway patrol", "state police", "state patrol", "public safety")) {
      for (Status.Entry e : statewide) {
        if (e.agreement().agency().toLowerCase(Locale.ROOT).contains(known)) {
          return e;
        }
      }
    }
    return statewide.get(0);
  }

  private static void state(Status s, Texts words, List<String> lines) {
    UsState state = s.place().state();
    lines.add(words.text("reply.status.title", s.place().label(words)));
    LocalDate asOf = s.agreementsAsOf();
    if (asOf == null) {
      lines.add(words.text("reply.status.agreements.unread"));
    } else if (s.agreements().isEmpty()) {
      lines.add(words.text("reply.status.agreements.none", words.date(asOf)));
    } else {
      lines.add(words.text("reply.status.agreements", s.agreements().size(), words.date(asOf)));
      summary(s, words, lines);
    }
    LocalDate pendingAsOf = s.pendingAsOf();
    if (pendingAsOf == null) {
      lines.add(words.text("reply.status.pending.unread"));
    } else if (s.pending().isEmpty()) {
      lines.add(words.text("reply.status.pending.none", words.date(pendingAsOf)));
    } else {
      lines.add(words.text("reply.status.pending", s.pending().size(), words.date(pendingAsOf)));
      for (Status.Entry e : s.pending().subList(0, Math.min(STATE_PENDING, s.pending().size()))) {
        lines.add("  - " + entry(e, true, words));
      }
      if (s.pending().size() > STATE_PENDING) {
        lines.add(
            "  "
                + words.text(
                    "reply.status.moreCsv", s.pending().size() - STATE_PENDING, state.code()));
      }
    }
    List<Status.CountyCount> top = s.countiesByAgreements();
    if (!top.isEmpty()) {
      lines.add(words.text("reply.status.topCounties"));
      for (Status.CountyCount c : top.subList(0, Math.min(TOP_COUNTIES, top.size()))) {
        lines.add("  - " + words.text("reply.status.countyCount", c.county(), c.agreements()));
      }
    }
    statewideLine(Status.statewide(s.agreements()), "agreements", state, words, lines);
    if (!s.agreements().isEmpty() || !s.pending().isEmpty()) {
      lines.add(words.text("reply.status.csvHint", state.code()));
    }
    recent(s, words, lines);
  }

  /** Agreements by model, counties covered, agencies not placed, the latest signed. */
  private static void summary(Status s, Texts words, List<String> lines) {
    List<String> models = new ArrayList<>();
    for (Map.Entry<Model, Integer> m : s.agreementsByModel().entrySet()) {
      models.add(
          words.text(
              "reply.status.modelCount",
              words.text("model." + m.getKey().name() + ".title"),
              m.getValue()));
    }
    lines.add("  " + words.text("reply.status.byModel", String.join("; ", models)));
    lines.add(
        "  "
            + words.text(
                "reply.status.countiesCovered",
                s.countiesByAgreements().size(),
                s.countiesInState()));
    long unplaced = s.agreements().stream().filter(e -> e.reach() == Status.Reach.UNKNOWN).count();
    if (unplaced > 0) {
      lines.add("  " + words.text("reply.status.unplaced", unplaced));
    }
    Status.Entry latest = s.latestSigned();
    LocalDate signed = latest == null ? null : latest.agreement().signed();
    if (latest != null && signed != null) {
      lines.add(
          "  "
              + words.text(
                  "reply.status.latestSigned", words.date(signed), latest.agreement().agency()));
    }
  }

  private static void statewide(Status s, Texts words, List<String> lines) {
    UsState state = s.place().state();
    lines.add(words.text("reply.status.statewide.title", words.state(state)));
    List<Status.Entry> agreements = Status.statewide(s.agreements());
    List<Status.Entry> pending = Status.statewide(s.pending());
    LocalDate asOf = s.agreementsAsOf();
    if (asOf == null) {
      lines.add(words.text("reply.status.agreements.unread"));
    } else if (agreements.isEmpty()) {
      lines.add(words.text("reply.status.agreements.none", words.date(asOf)));
    } else {
      lines.add(words.text("reply.status.agreements", agreements.size(), words.date(asOf)));
      list(agreements, false, state.code(), words, lines);
    }
    LocalDate pendingAsOf = s.pendingAsOf();
    if (pendingAsOf != null && !pending.isEmpty()) {
      lines.add(words.text("reply.status.pending", pending.size(), words.date(pendingAsOf)));
      list(pending, true, state.code(), words, lines);
    }
  }

  private static void csv(Status s, Texts words, List<String> lines) {
    lines.add(words.text("reply.status.title", s.place().label(words)));
    lines.add(
        words.text(
            "reply.status.csv", StatusCsv.fileName(s), s.agreements().size(), s.pending().size()));
  }

  private static void recent(Status s, Texts words, List<String> lines) {
    if (s.recent().isEmpty()) {
      lines.add(words.text("reply.status.recent.none"));
      return;
    }
    lines.add(words.text("reply.status.recent"));
    for (Status.Change c : s.recent()) {
      lines.add(
          "  - " + words.text("reply.status.change", words.date(c.detected()), change(c, words)));
    }
  }

  private static String entry(Status.Entry e, boolean request, Texts words) {
    Agreement a = e.agreement();
    String model = words.text("model." + a.model().name() + ".title");
    String where = where(e.reach(), e.counties(), a, words);
    LocalDate signed = a.signed();
    if (request) {
      return words.text("reply.status.request", a.agency(), model, where);
    }
    String date = signed == null ? words.text("label.noDate") : words.date(signed);
    return words.text("reply.status.agreement", a.agency(), model, date, moa(a, words), where);
  }

  /**
   * The MOA's URL when it is ICE's or DHS's own (see {@link OfficialUrl}), or why there is none.
   */
  private static String moa(Agreement a, Texts words) {
    String url = OfficialUrl.orNull(a.moaUrl());
    if (url != null) {
      return url;
    }
    return words.text(a.moaPending() ? "label.moaPending" : "label.moaNone");
  }

  private static String change(Status.Change c, Texts words) {
    ChangeEvent e = c.event();
    String where = where(c.reach(), c.counties(), e.agreement(), words);
    String line = AlertComposer.headline(e, where, words);
    Agreement previous = e.previous();
    if (e.type() == ChangeEvent.Type.RENAMED && previous != null) {
      line += " " + words.text("reply.status.previously", previous.agency());
    }
    return line;
  }

  /** "Harris County, TX", "Texas, statewide", "Texas, county unknown". */
  private static String where(Status.Reach reach, List<String> counties, Agreement a, Texts words) {
    String state = words.state(a.state());
    return switch (reach) {
      case STATEWIDE -> words.text("place.statewide", state, a.state().code());
      case UNKNOWN -> words.text("place.unresolved", state, a.state().code());
      case COUNTIES -> words.joined(counties) + ", " + a.state().code();
    };
  }
}
