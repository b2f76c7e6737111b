package org.watch287g.commands;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.watch287g.alerts.AlertComposer;
import org.watch287g.alerts.Texts;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Agreement;

/**
 * Replies as plain text: the console's rendering and the platforms' fallback. A status of a whole
 * state can list hundreds of agreements, so each section shows at most {@link #ROWS} and says how
 * many more there are; {@code status --json} has them all.
 */
final class PlainText {
  static final int ROWS = 40;

  private PlainText() {}

  static String render(Reply reply, Texts words) {
    List<String> lines = new ArrayList<>();
    if (reply instanceof Reply.Text t) {
      t.lines().forEach(p -> lines.add(p.in(words)));
    } else if (reply instanceof Reply.StatusReply s) {
      status(s, words, lines);
    } else if (reply instanceof Reply.DidYouMean d) {
      lines.add(d.question().in(words));
      for (Place p : d.choices()) {
        lines.add(words.text("reply.choice", p.label(words), d.verb().word() + " " + p.code()));
      }
    } else if (reply instanceof Reply.Refused r) {
      lines.add(r.reason().in(words));
    } else if (reply instanceof Reply.Invalid i) {
      invalid(i, words, lines);
    } else if (reply instanceof Reply.Help h) {
      help(h, words, lines);
    }
    return String.join("\n", lines);
  }

  private static void invalid(Reply.Invalid invalid, Texts words, List<String> lines) {
    lines.add(invalid.problem().in(words));
    Verb usage = invalid.usage();
    if (usage != null) {
      lines.add(words.text("reply.usage", words.text(usage.key("usage"))));
      lines.add(words.text("reply.example", words.text(usage.key("example"))));
    }
  }

  private static void help(Reply.Help help, Texts words, List<String> lines) {
    lines.add(words.text("reply.help.title"));
    for (Verb v : help.verbs()) {
      lines.add("");
      lines.add("  /287g " + words.text(v.key("usage")));
      lines.add("      " + words.text(v.key("help")));
      lines.add("      " + words.text("reply.example", words.text(v.key("example"))));
    }
    lines.add("");
    lines.add(words.text("reply.help.places"));
    lines.add(words.text("reply.help.permissions"));
  }

  private static void status(Reply.StatusReply reply, Texts words, List<String> lines) {
    Status s = reply.status();
    reply.notes().forEach(n -> lines.add(n.in(words)));
    lines.add(words.text("reply.status.title", s.place().label(words)));
    section(s.agreements(), s.agreementsAsOf(), "agreements", words, lines);
    section(s.pending(), s.pendingAsOf(), "pending", words, lines);
    if (s.recent().isEmpty()) {
      lines.add(words.text("reply.status.recent.none"));
    } else {
      lines.add(words.text("reply.status.recent"));
      for (Status.Change c : s.recent()) {
        lines.add(
            "  - " + words.text("reply.status.change", words.date(c.detected()), change(c, words)));
      }
    }
  }

  private static void section(
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
    lines.add(words.text("reply.status." + name, entries.size(), words.date(asOf)));
    for (Status.Entry e : entries.subList(0, Math.min(ROWS, entries.size()))) {
      lines.add("  - " + entry(e, name.equals("pending"), words));
    }
    if (entries.size() > ROWS) {
      lines.add("  " + words.text("reply.status.more", entries.size() - ROWS));
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

  private static String moa(Agreement a, Texts words) {
    String url = a.moaUrl();
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
