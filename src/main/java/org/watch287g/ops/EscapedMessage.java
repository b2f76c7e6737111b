package org.watch287g.ops;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.jspecify.annotations.Nullable;

/**
 * The log's {@code %msg}, with line breaks and other control characters escaped (a line break
 * becomes backslash-n, other controls backslash-u and their code), so that text from outside (an
 * agency name, a page title, a request) can never start a line of its own that reads as a genuine
 * log entry, nor recolour a terminal (issue 12). Registered in {@code logback.xml}; every log line
 * goes through it.
 */
public final class EscapedMessage extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return escape(super.convert(event));
  }

  /**
   * {@code text} on one line: control, line- and paragraph-separator and bidi characters escaped.
   */
  public static String escape(String text) {
    @Nullable StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escaped = escaped(c);
      if (escaped != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (escaped != null) {
          out.append(escaped);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  private static @Nullable String escaped(char c) {
    if (c == '\n') {
      return "\\n";
    }
    if (c == '\r') {
      return "\\r";
    }
    if (c == '\t') {
      return null; // harmless on one line, and stack traces are indented with it
    }
    boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
    boolean separator = c == '\u2028' || c == '\u2029';
    boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    return control || separator || bidi ? String.format("\\u%04x", (int) c) : null;
  }
}
