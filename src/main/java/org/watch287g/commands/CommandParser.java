package org.watch287g.commands;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the text a person typed after {@code /287g} (or a whole console line, with or without
 * {@code /287g}) into a {@link Command}. Nothing is looked up here: whether a place exists is the
 * service's question. Never throws for any text.
 *
 * <p>The first word is the verb, in English or one of its Spanish aliases ({@link Verb#parse}); the
 * rest is the argument. {@code status <place> share} (or {@code compartir}) asks for an answer the
 * whole channel sees. No text at all is {@code help}.
 */
public final class CommandParser {
  /** The longest text read: an argument of {@link Command#MAX_ARGUMENT} after the longest verb. */
  public static final int MAX_TEXT = Command.MAX_ARGUMENT + 20;

  private static final Pattern SPACE = Pattern.compile("\\s+");
  private static final Pattern PREFIX =
      Pattern.compile("^/?287g(\\s+|$)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SHARE =
      Pattern.compile("\\s+(share|compartir)$", Pattern.CASE_INSENSITIVE);

  /** What some text came to. */
  public sealed interface Parsed permits Ready, Rejected {}

  /** A command to hand to {@link CommandService#handle}. */
  public record Ready(Command command) implements Parsed {}

  /** Text that is no command: the reply that says what to write instead. */
  public record Rejected(Reply reply) implements Parsed {}

  /** Reads some text typed by {@code invoker}. */
  public Parsed parse(String text, Invoker invoker) {
    if (text.length() > MAX_TEXT) {
      return tooLong();
    }
    String rest = PREFIX.matcher(text.strip()).replaceFirst("").strip();
    if (rest.isEmpty()) {
      return new Ready(new Command(Verb.HELP, "", invoker, false));
    }
    String[] parts = SPACE.split(rest, 2);
    Optional<Verb> verb = Verb.parse(parts[0]);
    if (verb.isEmpty()) {
      return new Rejected(new Reply.Invalid(Phrase.of("reply.unknownVerb", parts[0]), null));
    }
    String argument = parts.length > 1 ? parts[1].strip() : "";
    boolean share = false;
    if ((verb.get() == Verb.STATUS || verb.get() == Verb.MAP)
        && SHARE.matcher(" " + argument).find()) {
      share = true;
      argument = SHARE.matcher(" " + argument).replaceFirst("").strip();
    }
    if (argument.length() > Command.MAX_ARGUMENT) {
      return tooLong();
    }
    return new Ready(new Command(verb.get(), argument, invoker, share));
  }

  private static Rejected tooLong() {
    return new Rejected(new Reply.Invalid(Phrase.of("reply.tooLong", Command.MAX_ARGUMENT), null));
  }
}
