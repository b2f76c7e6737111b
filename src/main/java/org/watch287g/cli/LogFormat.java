package org.watch287g.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the log is written: {@code text} (the default, for people) or {@code json} (one object per
 * line, for a log collector). Switched at start by replacing the encoder of the one stderr appender
 * that {@code logback.xml} sets up.
 */
enum LogFormat {
  TEXT,
  JSON;

  /** Applies this format to the running logback; does nothing for {@link #TEXT}. */
  void apply() {
    if (this == TEXT || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Appender<ILoggingEvent> appender =
        context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    if (!(appender instanceof ConsoleAppender<ILoggingEvent> console)) {
      return;
    }
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    // The message as a person reads it, not its pattern plus arguments; no logger-context noise.
    encoder.setWithFormattedMessage(true);
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithContext(false);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.start();
    console.stop();
    console.setEncoder(encoder);
    console.start();
  }
}
