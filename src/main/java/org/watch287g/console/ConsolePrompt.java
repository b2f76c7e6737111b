package org.watch287g.console;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.watch287g.alerts.Texts;
import org.watch287g.commands.CommandService;
import org.watch287g.commands.Invoker;
import org.watch287g.commands.MapImage;

/**
 * The console's {@code /287g} prompt: each line read (with or without {@code /287g}) is answered by
 * the same {@link CommandService} the chat platforms use, as the console's one channel, whose
 * person may change everything. Blank lines are ignored; the prompt ends at the end of input.
 *
 * <p>Replies are printed under the same lock as {@link ConsoleDeliverer}'s alerts, so that an alert
 * arriving mid-reply is not interleaved with it.
 */
public final class ConsolePrompt implements Runnable {
  private final CommandService commands;
  private final InputStream in;
  private final PrintStream out;
  private final Charset charset;
  private final Path maps;

  public ConsolePrompt(CommandService commands, InputStream in, PrintStream out, Charset charset) {
    this(commands, in, out, charset, Path.of(System.getProperty("java.io.tmpdir"), "watch287g"));
  }

  /**
   * @param maps the directory where {@code map} writes its PNG files (made when needed)
   */
  public ConsolePrompt(
      CommandService commands, InputStream in, PrintStream out, Charset charset, Path maps) {
    this.commands = commands;
    this.in = in;
    this.out = out;
    this.charset = charset;
    this.maps = maps;
  }

  /** Answers lines until the input ends or cannot be read; never throws. */
  @Override
  public void run() {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          CommandService.Response response = commands.respond(line, Invoker.console());
          // A file (status TX csv) is printed after the reply's text.
          print(
              response.plainText()
                  + response.reply().attachment().map(a -> "\n\n" + a.content().strip()).orElse("")
                  + written(response));
        }
      }
    } catch (IOException e) {
      print("the console prompt stopped: " + e.getMessage());
    }
  }

  /**
   * Starts the prompt on a daemon thread (it must never keep the process alive) when the process
   * has a terminal; does nothing otherwise, so {@code run} with stdin closed or piped is unchanged.
   *
   * @return whether a prompt was started
   */
  public static boolean startIfTerminal(CommandService commands) {
    if (!stdinIsTerminal()) {
      return false;
    }
    Thread thread =
        new Thread(
            new ConsolePrompt(commands, System.in, System.out, Charset.defaultCharset()),
            "console-prompt");
    thread.setDaemon(true);
    thread.start();
    return true;
  }

  /**
   * Whether stdin and stdout are a terminal. Up to JDK 21 that is {@code System.console() != null};
   * from JDK 22 {@code System.console()} returns a console even for pipes, and {@code
   * Console.isTerminal()} (absent from the Java 17 API this is compiled against, hence the
   * reflection) tells.
   */
  @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() is asked where it exists
  static boolean stdinIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** A map's picture, written to a file: the sentence that says where; "" for other replies. */
  private String written(CommandService.Response response) {
    Optional<MapImage> image = response.reply().image(response.language());
    if (image.isEmpty()) {
      return "";
    }
    Texts words = Texts.of(response.language());
    try {
      Files.createDirectories(maps);
      Path file = maps.resolve(image.get().fileName());
      Files.write(file, image.get().png());
      return "\n" + words.text("map.written", file.toAbsolutePath());
    } catch (IOException | RuntimeException e) {
      return "\n" + words.text("console.map.failed", maps, e.toString());
    }
  }

  private void print(String text) {
    synchronized (out) {
      out.println(text);
      out.println();
      out.flush();
    }
  }
}
