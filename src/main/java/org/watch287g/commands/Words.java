package org.watch287g.commands;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import org.watch287g.alerts.Language;
import org.watch287g.dataset.UsState;

/**
 * One language's words for replies, from the {@code i18n/messages} bundles: every value a {@link
 * MessageFormat} pattern, read without the machine-locale fallback (an English reply on a Spanish
 * machine stays English), loaded once.
 */
final class Words {
  private static final Map<Language, Words> ALL = new EnumMap<>(Language.class);

  static {
    for (Language language : Language.values()) {
      ALL.put(language, new Words(language));
    }
  }

  private final Language language;
  private final ResourceBundle bundle;
  private final DateTimeFormatter dates;

  private Words(Language language) {
    this.language = language;
    this.bundle =
        ResourceBundle.getBundle(
            "i18n.messages",
            language.locale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.dates = DateTimeFormatter.ofPattern(text("format.date"), language.locale());
  }

  static Words of(Language language) {
    // Every language is loaded by the static block.
    return Objects.requireNonNull(ALL.get(language));
  }

  Language language() {
    return language;
  }

  /**
   * The text of {@code key} with its placeholders filled.
   *
   * @throws java.util.MissingResourceException when the bundle lacks the key (a test reads every
   *     key the code uses in both languages)
   */
  String text(String key, Object... arguments) {
    return new MessageFormat(bundle.getString(key), language.locale()).format(arguments);
  }

  String date(LocalDate date) {
    return dates.format(date);
  }

  String state(UsState state) {
    return text("state." + state.code());
  }
}
