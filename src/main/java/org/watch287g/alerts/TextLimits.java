package org.watch287g.alerts;

/**
 * Cutting text to a platform's limits without breaking it: never between the two halves of a
 * surrogate pair (an emoji, some CJK), which platforms reject or show as garbage. One place for
 * every adapter, since Slack and Discord count the same way (UTF-16 code units).
 */
public final class TextLimits {
  /** What a cut leaves at the end, so the reader knows text is missing. */
  public static final String ELLIPSIS = "…";

  private TextLimits() {}

  /** The first {@code length} characters, one fewer if the last would split a surrogate pair. */
  public static String prefix(String text, int length) {
    int end = Math.min(length, text.length());
    if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /** At most {@code max} characters, ending with an ellipsis when cut. */
  public static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return prefix(text, Math.max(0, max - ELLIPSIS.length())) + ELLIPSIS;
  }
}
