package org.watch287g.alerts;

import java.util.Locale;
import java.util.Optional;

/** The languages alerts and replies are written in. */
public enum Language {
  EN(Locale.ENGLISH),
  ES(Locale.forLanguageTag("es"));

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  public Locale locale() {
    return locale;
  }

  /** The code people type: "en" or "es". */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads "en", "English", "es", "español", "Spanish"; empty for anything else. */
  public static Optional<Language> parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("en") || t.equals("english") || t.equals("ingles") || t.equals("inglés")) {
      return Optional.of(EN);
    }
    if (t.equals("es") || t.equals("spanish") || t.equals("espanol") || t.equals("español")) {
      return Optional.of(ES);
    }
    return Optional.empty();
  }
}
