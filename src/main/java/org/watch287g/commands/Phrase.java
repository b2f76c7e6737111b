package org.watch287g.commands;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.watch287g.alerts.Texts;

/**
 * A sentence not yet in a language: a bundle key and its arguments. Arguments that are phrases,
 * places or dates are themselves put into the reader's language when the sentence is written;
 * anything else is written as its {@code toString()} (agency names, links, numbers as text).
 *
 * @param key the bundle key
 * @param arguments the placeholders' values, in order
 */
public record Phrase(String key, List<Object> arguments) {
  public Phrase {
    Objects.requireNonNull(key, "key");
    arguments = List.copyOf(arguments);
  }

  public static Phrase of(String key, Object... arguments) {
    return new Phrase(key, Arrays.asList(arguments));
  }

  /** The sentence in a language. */
  String in(Texts words) {
    Object[] filled = new Object[arguments.size()];
    for (int i = 0; i < filled.length; i++) {
      filled[i] = fill(arguments.get(i), words);
    }
    return words.text(key, filled);
  }

  private static Object fill(Object argument, Texts words) {
    if (argument instanceof Phrase p) {
      return p.in(words);
    }
    if (argument instanceof Place p) {
      return p.label(words);
    }
    if (argument instanceof LocalDate d) {
      return words.date(d);
    }
    if (argument instanceof Integer || argument instanceof Long) {
      return argument;
    }
    return argument.toString();
  }
}
