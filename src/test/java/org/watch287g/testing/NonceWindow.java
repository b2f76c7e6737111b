package org.watch287g.testing;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Discord's nonce rule for Create Message, for the fakes: a message whose body has {@code
 * enforce_nonce: true} and a nonce the same bot used within the last {@code window} is not posted
 * again; Discord answers with the message it already created. Discord documents the window only as
 * "the past few minutes". Thread-safe.
 */
public final class NonceWindow {
  /** JSON or a multipart body's {@code payload_json}: both carry the fields as JSON text. */
  private static final Pattern NONCE = Pattern.compile("\"nonce\"\\s*:\\s*\"([^\"]{1,25})\"");

  private static final Pattern ENFORCED = Pattern.compile("\"enforce_nonce\"\\s*:\\s*true");

  /** How long Discord remembers a nonce when a test does not say: "a few minutes". */
  public static final Duration DEFAULT = Duration.ofMinutes(3);

  private final long windowNanos;
  private final Map<String, Seen> seen = new LinkedHashMap<>();
  private int replays;

  private record Seen(String messageId, long atNanos) {}

  public NonceWindow(Duration window) {
    this.windowNanos = window.toNanos();
  }

  /** The enforced nonce of a Create Message body, or null when it has none or does not enforce. */
  public static @Nullable String enforcedNonce(String body) {
    if (!ENFORCED.matcher(body).find()) {
      return null;
    }
    Matcher m = NONCE.matcher(body);
    return m.find() ? m.group(1) : null;
  }

  /**
   * The message already created with this body's nonce within the window, or null: then the caller
   * creates one and calls {@link #created}.
   */
  public synchronized @Nullable String existing(String body) {
    String nonce = enforcedNonce(body);
    if (nonce == null) {
      return null;
    }
    long now = System.nanoTime();
    for (Iterator<Seen> old = seen.values().iterator(); old.hasNext(); ) {
      if (now - old.next().atNanos() <= windowNanos) {
        break; // oldest first: the rest are younger
      }
      old.remove();
    }
    Seen before = seen.get(nonce);
    if (before == null) {
      return null;
    }
    replays++;
    return before.messageId();
  }

  /** Remembers the message created for this body's nonce, if it enforced one. */
  public synchronized void created(String body, String messageId) {
    String nonce = enforcedNonce(body);
    if (nonce != null) {
      seen.put(nonce, new Seen(messageId, System.nanoTime()));
    }
  }

  /** How many sends were answered with the message already created. */
  public synchronized int replays() {
    return replays;
  }
}
