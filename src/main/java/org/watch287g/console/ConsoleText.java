package org.watch287g.console;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.watch287g.alerts.AlertMessage;
import org.watch287g.alerts.DigestPart;

/**
 * Alerts and digest parts as blocks of text for a terminal: the headline first, then the details
 * indented under it with their labels in one column, long sentences wrapped to {@link #WIDTH}.
 *
 * <pre>
 * Hillsborough County Sheriff's Office signed a 287(g) agreement with ICE (Hillsborough County, NH)
 *   Agency           Hillsborough County Sheriff's Office
 *   Where            Hillsborough County, NH
 *   Signed           May 16, 2025
 *   Agreement (MOA)  ICE says the link is pending
 *   Model            Task Force Model (TFM)
 *                    Local officers question and arrest people for immigration violations
 *                    during their everyday policing, on the street, under ICE's supervision.
 *   What you can do
 *     - Ending 287(g): A Toolkit for Local Organizers (ILRC)
 *       https://www.ilrc.org/resources/ending-287g-toolkit-local-organizers
 * </pre>
 *
 * <p>Every block ends with a newline; separating blocks is the printer's business. Details wrap at
 * spaces only, so a URL is never broken; headlines are not wrapped at all, so that each alert's
 * first line can be searched and copied whole. An alert that pings the channel's mention says so on
 * its second line: "(pings here)".
 */
final class ConsoleText {
  /** Wrapped text stays within this many columns, a terminal's classic width less a margin. */
  static final int WIDTH = 96;

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final String INDENT = "  ";
  private static final String GAP = "  ";

  /** An alert as a block: headline, labelled details, the model explained, the toolkit links. */
  String render(AlertMessage alert) {
    List<AlertMessage.Field> fields = alert.fields();
    int labelWidth = 0;
    for (AlertMessage.Field f : fields) {
      labelWidth = Math.max(labelWidth, f.label().length());
    }
    String hanging = " ".repeat(INDENT.length() + labelWidth + GAP.length());
    StringBuilder out = new StringBuilder(alert.headline()).append('\n');
    pings(out, alert.mention());
    int room = WIDTH - hanging.length();
    for (AlertMessage.Field f : fields) {
      List<String> lines = wrap(f.value(), room);
      out.append(INDENT).append(pad(f.label(), labelWidth)).append(GAP).append(lines.get(0));
      out.append('\n');
      for (String line : lines.subList(1, lines.size())) {
        out.append(hanging).append(line).append('\n');
      }
    }
    // The explainer hangs under the model, the last field.
    for (String line : wrap(alert.modelExplainer(), room)) {
      out.append(hanging).append(line).append('\n');
    }
    if (alert.hasActions()) {
      out.append(INDENT).append(alert.labels().whatYouCanDo()).append('\n');
      if (!alert.note().isEmpty()) {
        out.append(INDENT).append(INDENT).append("- ").append(alert.note()).append('\n');
      }
      for (AlertMessage.Link link : alert.links()) {
        out.append(INDENT).append(INDENT).append("- ").append(link.title()).append('\n');
        out.append(INDENT).append(INDENT).append("  ").append(link.url()).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * A digest part as a block: its title, where the whole list is, each event type's heading over
   * its bulleted lines, "and N more", then the "what you can do" links.
   */
  String render(DigestPart part) {
    StringBuilder out = new StringBuilder(part.title()).append('\n');
    pings(out, part.mention());
    String whole = part.whole();
    if (whole != null) {
      out.append(INDENT).append(whole).append('\n');
    }
    for (DigestPart.Section section : part.sections()) {
      String heading = section.heading();
      if (heading != null) {
        out.append(INDENT).append(heading).append('\n');
      }
      for (String line : section.lines()) {
        out.append(INDENT).append("- ").append(line).append('\n');
      }
    }
    String more = part.more();
    if (more != null) {
      out.append(INDENT).append(more).append('\n');
    }
    DigestPart.Actions actions = part.actions();
    if (actions != null) {
      out.append(INDENT).append(actions.label()).append('\n');
      if (!actions.note().isEmpty()) {
        out.append(INDENT).append(INDENT).append("- ").append(actions.note()).append('\n');
      }
      for (AlertMessage.Link link : actions.links()) {
        out.append(INDENT).append(INDENT).append("- ").append(link.title()).append('\n');
        out.append(INDENT).append(INDENT).append("  ").append(link.url()).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Who the message pings ({@code /287g mention}), under its first line: "(pings here)". A terminal
   * pings no one, but the line shows what a channel would get.
   */
  private static void pings(StringBuilder out, String mention) {
    if (!mention.isEmpty()) {
      out.append(INDENT).append("(pings ").append(mention).append(")\n");
    }
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  /**
   * Words into lines of at most {@code width} characters; a word longer than that (a URL) gets a
   * line of its own rather than being broken. Always at least one line, empty for empty text.
   */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : SPACES.split(text.strip(), -1)) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
