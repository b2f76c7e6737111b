package org.watch287g.commands;

import java.util.Objects;

/**
 * One command, read and ready to answer.
 *
 * @param verb what is asked
 * @param argument the text after the verb, trimmed ("harris tx", "es", "jem,tfm"); "" when none; at
 *     most {@link #MAX_ARGUMENT} characters
 * @param invoker who asked, and where
 * @param share whether the answer should be shown to the whole channel ({@code status harris tx
 *     share}) rather than only to the person who asked
 */
public record Command(Verb verb, String argument, Invoker invoker, boolean share) {
  /**
   * The longest argument read: the longest place text {@link org.watch287g.geo.CountyQuery} reads.
   */
  public static final int MAX_ARGUMENT = 200;

  /**
   * @throws IllegalArgumentException when the argument is longer than {@link #MAX_ARGUMENT}:
   *     platforms build commands through {@link CommandParser}, which answers such input with a
   *     reply instead
   */
  public Command {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(invoker, "invoker");
    argument = argument.strip();
    if (argument.length() > MAX_ARGUMENT) {
      throw new IllegalArgumentException("argument longer than " + MAX_ARGUMENT + " characters");
    }
  }

  /** The same command asked by {@code who}: once a platform knows what the person may do. */
  public Command by(Invoker who) {
    return new Command(verb, argument, who, share);
  }
}
