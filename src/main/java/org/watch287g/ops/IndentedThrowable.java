package org.watch287g.ops;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log's {@code %ex}: a stack trace as usual, except that every line after its first starts with
 * white space. An exception's message may quote outside text with line breaks in it (a cell, a
 * response); indented, such a line can never pass for a log entry of its own (issue 12).
 */
public final class IndentedThrowable extends ThrowableProxyConverter {
  @Override
  public String convert(ILoggingEvent event) {
    String trace = super.convert(event);
    if (trace.isEmpty()) {
      return trace;
    }
    StringBuilder out = new StringBuilder(trace.length() + 64);
    String[] lines = trace.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (i > 0) {
        out.append(System.lineSeparator());
        if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
          out.append("  ");
        }
      }
      out.append(EscapedMessage.escape(line));
    }
    return out.toString();
  }
}
