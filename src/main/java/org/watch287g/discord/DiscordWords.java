package org.watch287g.discord;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.watch287g.alerts.Language;

/**
 * The words only Discord needs ({@code discord.*} in the {@code i18n/messages} bundles), in one
 * language. The core's words are already written out in the messages it hands over; these are the
 * command's descriptions and what the adapter itself says (missing permissions, a cut answer).
 */
final class DiscordWords {
  private static final String BUNDLE = "i18n.messages";

  private final Language language;
  private final ResourceBundle bundle;

  private DiscordWords(Language language) {
    this.language = language;
    // The no-fallback control: English must not turn Spanish on a machine whose locale is Spanish.
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            language.locale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static final DiscordWords EN = new DiscordWords(Language.EN);
  private static final DiscordWords ES = new DiscordWords(Language.ES);

  static DiscordWords of(Language language) {
    return language == Language.ES ? ES : EN;
  }

  /** A text of the bundle; every value is a MessageFormat pattern, arguments or not. */
  String text(String key, Object... args) {
    return new MessageFormat(bundle.getString(key), language.locale()).format(args);
  }

  /** "A", "A and B", "A, B and C", with this language's "and". */
  String joined(List<String> items) {
    if (items.size() <= 1) {
      return items.isEmpty() ? "" : items.get(0);
    }
    String allButLast = String.join(", ", items.subList(0, items.size() - 1));
    return text("place.and", allButLast, items.get(items.size() - 1));
  }

  Locale locale() {
    return language.locale();
  }
}
