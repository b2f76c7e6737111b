package org.watch287g.commands;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the URL a webhook is registered with, refusing what could never be sent to safely: only
 * {@code https}, with a host name or a public address, no user name or password in it, no fragment,
 * at most {@link #MAX_LENGTH} characters. Names that only mean something inside a network ({@code
 * localhost}, {@code .local}, {@code .internal}, a name without a dot) are refused here; every
 * other name is resolved, and its addresses checked by {@link PublicAddress}, before each send.
 */
public final class WebhookUrl {

  /** Longer is not a webhook a person typed or pasted. */
  public static final int MAX_LENGTH = 2000;

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");
  private static final Pattern LEADING_ZERO = Pattern.compile("(^|\\.)0\\d");
  private static final Pattern HOST_NAME =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

  /** Why a URL was refused; each has a reply text {@code reply.webhook.<key>}. */
  public enum Problem {
    MALFORMED("malformed"),
    NOT_HTTPS("https"),
    CREDENTIALS("credentials"),
    PRIVATE("private");

    private final String key;

    Problem(String key) {
      this.key = key;
    }

    /** The reply's bundle key. */
    public String key() {
      return "reply.webhook." + key;
    }
  }

  /** What reading a URL gave: the URL, or why not. */
  public sealed interface Reading {}

  /** A URL a webhook may be registered with. */
  public record Accepted(URI url) implements Reading {}

  /** A refused URL. */
  public record Refused(Problem problem) implements Reading {}

  private WebhookUrl() {}

  /** Reads a URL as typed (angle brackets Slack adds around links are taken off). */
  public static Reading read(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
      // Slack sends a pasted link as <https://...> or <https://...|label>.
      trimmed = trimmed.substring(1, trimmed.length() - 1);
      int bar = trimmed.indexOf('|');
      trimmed = bar < 0 ? trimmed : trimmed.substring(0, bar);
    }
    if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
      return new Refused(Problem.MALFORMED);
    }
    URI url;
    try {
      url = new URI(trimmed);
    } catch (URISyntaxException e) {
      return new Refused(Problem.MALFORMED);
    }
    if (url.getScheme() == null || !url.getScheme().equalsIgnoreCase("https")) {
      return new Refused(url.getScheme() == null ? Problem.MALFORMED : Problem.NOT_HTTPS);
    }
    if (url.getRawUserInfo() != null) {
      return new Refused(Problem.CREDENTIALS);
    }
    String host = url.getHost();
    // URI reads no host in an authority whose last label is a number ("127.1", "0x7f.1", forms
    // some resolvers take for addresses): those are refused here as malformed.
    if (host == null || url.getRawFragment() != null || url.isOpaque()) {
      return new Refused(Problem.MALFORMED);
    }
    host = host.toLowerCase(Locale.ROOT);
    if (NUMERIC.matcher(host).matches()
        && (!IPV4.matcher(host).matches() || LEADING_ZERO.matcher(host).find())) {
      // 0177.0.0.1 is 177.0.0.1 to Java and 127.0.0.1 to C's inet_aton: never guess which.
      return new Refused(Problem.PRIVATE);
    }
    if (host.startsWith("[") || IPV4.matcher(host).matches()) {
      return literalIsPublic(host) ? new Accepted(url) : new Refused(Problem.PRIVATE);
    }
    if (!HOST_NAME.matcher(host).matches()) {
      // Also refuses the forms some resolvers read as numbers (0x7f.1, 2130706433).
      return new Refused(host.contains(".") ? Problem.MALFORMED : Problem.PRIVATE);
    }
    if (host.equals("localhost")
        || host.endsWith(".localhost")
        || host.endsWith(".local")
        || host.endsWith(".internal")
        || host.endsWith(".lan")
        || host.endsWith(".home.arpa")) {
      return new Refused(Problem.PRIVATE);
    }
    return new Accepted(url);
  }

  /** Whether a host that is an address literal is public: parsed, never looked up. */
  private static boolean literalIsPublic(String host) {
    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    try {
      return PublicAddress.isPublic(InetAddress.getByName(literal));
    } catch (UnknownHostException | IllegalArgumentException e) {
      return false;
    }
  }
}
