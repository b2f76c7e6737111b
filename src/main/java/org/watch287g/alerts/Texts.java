package org.watch287g.alerts;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.watch287g.dataset.UsState;

/**
 * One language's words, from the {@code i18n/messages} bundles (UTF-8 properties): the one place
 * every part of the bot (alerts, replies, the platforms) reads its text from.
 *
 * <p>Every value is a {@link MessageFormat} pattern, so that an apostrophe is always written the
 * same way ({@code ''}) whether or not the text takes arguments. All bundles are read when this
 * class loads, so a missing or malformed file fails the first alert of the process rather than a
 * later one.
 */
public final class Texts {
  static final String BUNDLE = "i18n.messages";

  private static final Map<Language, Texts> ALL = new EnumMap<>(Language.class);

  static {
    for (Language language : Language.values()) {
      ALL.put(language, new Texts(language));
    }
  }

  private final Language language;
  private final ResourceBundle bundle;
  private final DateTimeFormatter dates;

  /**
   * Each key's pattern, parsed once: parsing was most of the memory a {@code status} answer
   * allocated. A {@link MessageFormat} is not safe to share between threads (its number and date
   * formats are not), so each use formats with a copy.
   */
  private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

  private Texts(Language language) {
    this.language = language;
    this.bundle = bundle(language);
    this.dates = DateTimeFormatter.ofPattern(text("format.date"), language.locale());
  }

  /** The words of this language. */
  public static Texts of(Language language) {
    // Every language is loaded in the static block above.
    return Objects.requireNonNull(ALL.get(language));
  }

  /**
   * The bundle of one language, never another's: without the no-fallback control, asking for
   * English on a JVM whose default locale is Spanish returns the Spanish bundle, because {@code
   * getBundle} tries the default locale before the base file.
   */
  static ResourceBundle bundle(Language language) {
    return ResourceBundle.getBundle(
        BUNDLE,
        language.locale(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public Language language() {
    return language;
  }

  /**
   * The text of {@code key} with its placeholders filled.
   *
   * @throws java.util.MissingResourceException when no bundle of the language has the key
   */
  public String text(String key, Object... arguments) {
    MessageFormat parsed =
        formats.computeIfAbsent(
            key, k -> new MessageFormat(bundle.getString(k), language.locale()));
    return ((MessageFormat) parsed.clone()).format(arguments);
  }

  /** A date as this language writes it: "May 8, 2025", "8 de mayo de 2025". */
  public String date(LocalDate date) {
    return dates.format(date);
  }

  /** A state's name in this language: "New York", "Nueva York". */
  public String state(UsState state) {
    return text("state." + state.code());
  }

  /** "A", "A and B", "A, B and C", with this language's "and". */
  public String joined(List<String> items) {
    if (items.size() <= 1) {
      return items.isEmpty() ? "" : items.get(0);
    }
    String allButLast = String.join(", ", items.subList(0, items.size() - 1));
    return text("place.and", allButLast, items.get(items.size() - 1));
  }
}
