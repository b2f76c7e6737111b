package org.watch287g.commands;

import java.util.ArrayList;
import java.util.List;
import org.watch287g.alerts.Texts;

/**
 * Replies as plain text: the console's rendering and the platforms' fallback. A status is written
 * by {@link StatusText}.
 */
final class PlainText {

  private PlainText() {}

  static String render(Reply reply, Texts words) {
    List<String> lines = new ArrayList<>();
    if (reply instanceof Reply.Text t) {
      t.lines().forEach(p -> lines.add(p.in(words)));
    } else if (reply instanceof Reply.StatusReply s) {
      StatusText.render(s, words, lines);
    } else if (reply instanceof Reply.MapReply m) {
      MapWords.render(m, words, lines);
    } else if (reply instanceof Reply.DidYouMean d) {
      lines.add(d.question().in(words));
      for (Place p : d.choices()) {
        lines.add(words.text("reply.choice", p.label(words), d.verb().word() + " " + p.code()));
      }
      d.hints().forEach(h -> lines.add(h.in(words)));
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
}
