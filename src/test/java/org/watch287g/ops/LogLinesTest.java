package org.watch287g.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The product's own logback.xml, fed text from outside. */
class LogLinesTest {
  static final String FORGED =
      "Harris County\n06:55:22.504 ERROR SlackPlatform - Slack refused the bot token\r\u001b[31m";

  /** Logs with the product's configuration, returning what reached stderr. */
  static String logged(java.util.function.Consumer<Logger> write) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogLinesTest.class.getResource("/logback.xml"));
      write.accept(context.getLogger("org.watch287g.source.SourceClient"));
    } finally {
      context.stop();
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("a name with a line break and a fake timestamp stays inside its own log line")
  void aForgedLineStaysOnItsLine() throws Exception {
    String log = logged(l -> l.warn("cannot place {}", FORGED));

    List<String> lines = log.lines().toList();
    assertEquals(1, lines.size(), log);
    assertTrue(lines.get(0).contains("Harris County\\n06:55:22.504 ERROR"), log);
    assertTrue(lines.get(0).contains("\\r\\u001b[31m"), log);
  }

  @Test
  @DisplayName("an exception whose message carries a fake log line shows it indented")
  void anExceptionMessageCannotStartALine() throws Exception {
    String log = logged(l -> l.error("cannot read a workbook", new IllegalStateException(FORGED)));

    assertTrue(log.lines().noneMatch(l -> l.startsWith("06:55:22.504")), log);
    assertTrue(log.contains("\tat org.watch287g.ops.LogLinesTest"), "stack frames as usual");
  }
}
