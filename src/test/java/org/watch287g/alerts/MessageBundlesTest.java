package org.watch287g.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.changes.ChangeEvent;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;

/**
 * The bundles themselves, read as files: a key missing from the Spanish file would otherwise show
 * English to Spanish readers without anyone noticing, since a bundle falls back to the base file.
 */
class MessageBundlesTest {
  private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

  static Properties read(String file) {
    Properties p = new Properties();
    try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + file);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      p.load(reader);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return p;
  }

  static final Properties ENGLISH = read("messages.properties");
  static final Properties SPANISH = read("messages_es.properties");

  @Test
  @DisplayName("the Spanish bundle has every key of the English one, and no other")
  void spanishHasEveryEnglishKey() {
    Set<String> missing = new TreeSet<>(ENGLISH.stringPropertyNames());
    missing.removeAll(SPANISH.stringPropertyNames());
    Set<String> extra = new TreeSet<>(SPANISH.stringPropertyNames());
    extra.removeAll(ENGLISH.stringPropertyNames());

    assertEquals(Set.of(), missing, "keys missing from messages_es.properties");
    assertEquals(Set.of(), extra, "keys only in messages_es.properties");
  }

  @Test
  @DisplayName("every event type, model and state has its words")
  void everyTypeModelAndStateHasWords() {
    List<String> needed = new ArrayList<>();
    for (ChangeEvent.Type t : ChangeEvent.Type.values()) {
      needed.add("event." + t.name());
      needed.add("digest.group." + t.name());
    }
    for (Model m : Model.values()) {
      needed.add("model." + m.name());
      needed.add("model." + m.name() + ".title");
    }
    for (UsState s : UsState.values()) {
      needed.add("state." + s.code());
    }
    for (String key : needed) {
      assertTrue(ENGLISH.containsKey(key), key);
    }
  }

  @Test
  @DisplayName("the English state names are the ones the rest of the bot uses")
  void englishStateNamesMatch() {
    for (UsState s : UsState.values()) {
      assertEquals(s.title(), ENGLISH.getProperty("state." + s.code()));
    }
  }

  @Test
  @DisplayName("every value is a valid pattern with its apostrophes doubled, in both languages")
  void everyValueIsAValidPattern() {
    for (Properties bundle : List.of(ENGLISH, SPANISH)) {
      for (String key : bundle.stringPropertyNames()) {
        String value = bundle.getProperty(key);
        assertFalse(LONE_APOSTROPHE.matcher(value).find(), key + " has a lone apostrophe");
        assertFalse(value.isBlank(), key);
        new MessageFormat(value, Locale.ROOT).format(new Object[] {1, 2, 3});
      }
    }
  }

  @Test
  @DisplayName("the Spanish file is read as UTF-8: accents arrive intact")
  void spanishIsUtf8() {
    assertEquals("Dónde", Texts.of(Language.ES).text("label.place"));
    assertEquals("Qué puedes hacer", Texts.of(Language.ES).text("label.whatYouCanDo"));
  }

  @Test
  @DisplayName("English stays English on a machine whose default language is Spanish")
  void englishOnASpanishMachine() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("es-MX"));
      ResourceBundle.clearCache();
      assertEquals("Where", Texts.bundle(Language.EN).getString("label.place"));
      assertEquals("Dónde", Texts.bundle(Language.ES).getString("label.place"));
    } finally {
      Locale.setDefault(before);
      ResourceBundle.clearCache();
    }
  }
}
