package org.watch287g.slack;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watch287g.alerts.Mention;
import org.watch287g.commands.Verb;

/**
 * A slash command's text as Slack sends it, turned into what the person typed, for the core.
 *
 * <p>The app's manifest asks Slack to escape the command ({@code should_escape: true}), because
 * that is the only way to learn which user group a person picked: Slack then sends {@code
 * <!subteam^S0123ABCD|@rapid-response>} where the person saw {@code @rapid-response}. It also sends
 * {@code &}, {@code <} and {@code >} as entities, links as {@code <https://...>}, people as {@code
 * <@U123|name>} and channels as {@code <#C123|name>}. Place names, notes and numbers are read back
 * to their plain words here; the argument of {@code mention} becomes a {@link Mention} token when
 * it is one ({@code subteam:S0123ABCD}, {@code here}), and otherwise the words the person saw
 * ({@code @everyone}, {@code @rapid-response} when Slack knew no such group), which the core
 * refuses with what to write.
 */
final class SlackInput {
  private static final Pattern COMMAND =
      Pattern.compile("^(\\s*(?:/?287g\\s+)?)(\\S+)(?:\\s+(.*))?$", Pattern.DOTALL);
  private static final Pattern LINK = Pattern.compile("<(https?://[^|>\\s]+)(?:\\|[^>]*)?>");
  private static final Pattern SUBTEAM = Pattern.compile("<!subteam\\^([A-Z0-9]+)(?:\\|[^>]*)?>");
  private static final Pattern HERE =
      Pattern.compile("<!here(?:\\|[^>]*)?>|@?here", Pattern.CASE_INSENSITIVE);

  /** Any other special mention, a person or a channel: {@code <!channel>}, {@code <@U1|ana>}. */
  private static final Pattern OTHER = Pattern.compile("<([!@#])([^|>]*)(?:\\|([^>]*))?>");

  private SlackInput() {}

  /** The text the core reads for what Slack sent. */
  static String read(String slackText) {
    Matcher m = COMMAND.matcher(slackText);
    if (!m.matches() || m.group(3) == null) {
      return plain(slackText);
    }
    Optional<Verb> verb = Verb.parse(m.group(2));
    if (verb.isEmpty() || verb.get() != Verb.MENTION) {
      return plain(slackText);
    }
    return m.group(1) + m.group(2) + " " + mention(m.group(3).strip());
  }

  /**
   * The argument of {@code mention}: a token for a user group Slack recognised or for here, else
   * what the person saw.
   */
  static String mention(String argument) {
    Matcher group = SUBTEAM.matcher(argument);
    if (group.matches()) {
      return "subteam:" + group.group(1);
    }
    if (HERE.matcher(argument).matches()) {
      return Mention.HERE;
    }
    return plain(argument);
  }

  /** Slack's escapes read back: links to their address, mentions to their label, entities. */
  static String plain(String text) {
    String out = LINK.matcher(text).replaceAll(r -> Matcher.quoteReplacement(r.group(1)));
    out =
        OTHER
            .matcher(out)
            .replaceAll(
                r -> {
                  String label = r.group(3);
                  String sigil = r.group(1).equals("#") ? "#" : "@";
                  String name =
                      label != null && !label.isEmpty()
                          ? label
                          : r.group(2).replaceFirst("^subteam\\^", "");
                  return Matcher.quoteReplacement(name.startsWith(sigil) ? name : sigil + name);
                });
    // &amp; last, so that "&amp;lt;" (someone typing "&lt;") stays "&lt;".
    return out.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
