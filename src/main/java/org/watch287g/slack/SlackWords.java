package org.watch287g.slack;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.watch287g.alerts.Language;

/**
 * The few words Slack adds around the core's messages (button labels, the invite hint), from the
 * same {@code i18n/messages} bundles as the rest of the bot so that translators find them in one
 * place. Read without the machine-locale fallback, as the core does, so English stays English on a
 * Spanish machine.
 */
final class SlackWords {
  private SlackWords() {}

  static String text(Language language, String key, Object... arguments) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "i18n.messages",
            language.locale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new MessageFormat(bundle.getString(key), language.locale()).format(arguments);
  }
}
