package org.watch287g.alerts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watch287g.changes.ChangeEvent;

/**
 * Who a channel's alerts ping ({@code /287g mention}), as a token every platform stores the same
 * way: {@code ""} for no one, {@code here} (Slack's {@code @here}; the console's "pings here"), a
 * Slack user group {@code subteam:S0123ABCD}, or a Discord role {@code role:123456789012345678}.
 * How a token is written in a message (and which mentions a platform may then send) is each
 * adapter's business; the core only stores tokens valid for the channel's platform.
 */
public final class Mention {
  /** No one is pinged. */
  public static final String NONE = "";

  /** Those in the channel who are online (Slack's {@code @here}). */
  public static final String HERE = "here";

  private static final Pattern ANY = Pattern.compile("here|subteam:[A-Z0-9]{6,20}|role:\\d{15,21}");
  private static final Pattern SUBTEAM = Pattern.compile("subteam:([A-Z0-9]{6,20})");
  private static final Pattern ROLE = Pattern.compile("role:(\\d{15,21})");

  private Mention() {}

  /**
   * Whether an event of this type pings the channel's mention: the events that call for action
   * (something new, or a request that became an agreement), never endings or corrections. The one
   * list of them: a new event type is added here, in one line, or it does not ping.
   */
  public static boolean pings(ChangeEvent.Type type) {
    return switch (type) {
      case NEW_AGREEMENT, NEW_PENDING, PENDING_SIGNED, MODEL_CHANGED -> true;
      case TERMINATED, PENDING_WITHDRAWN, RENEWED, DETAILS_CHANGED, RENAMED -> false;
    };
  }

  /** Whether this is a token of any platform, or {@link #NONE}. */
  public static boolean wellFormed(String token) {
    return token.isEmpty() || ANY.matcher(token).matches();
  }

  /**
   * Whether a channel of this platform may ping this token: Slack a user group or {@code here},
   * Discord a role, the console (and any other platform) {@code here}. {@link #NONE} is valid
   * everywhere.
   */
  public static boolean validFor(String platform, String token) {
    if (token.isEmpty()) {
      return true;
    }
    return switch (platform) {
      case "slack" -> token.equals(HERE) || SUBTEAM.matcher(token).matches();
      case "discord" -> ROLE.matcher(token).matches();
      default -> token.equals(HERE);
    };
  }

  /** The Slack user group's ID ({@code S0123ABCD}) of a {@code subteam:} token. */
  public static Optional<String> subteam(String token) {
    return group(SUBTEAM.matcher(token));
  }

  /** The Discord role's ID of a {@code role:} token. */
  public static Optional<String> role(String token) {
    return group(ROLE.matcher(token));
  }

  private static Optional<String> group(Matcher m) {
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
