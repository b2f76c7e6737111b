package org.watch287g.commands;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.alerts.Language;
import org.watch287g.alerts.Texts;

class ReplyWordsTest {
  @Test
  @DisplayName("every verb has its usage, help and example in both languages")
  void everyVerbHasHelp() {
    for (Language language : Language.values()) {
      Texts words = Texts.of(language);
      for (Verb v : Verb.values()) {
        for (String part : new String[] {"usage", "help", "example"}) {
          assertFalse(words.text(v.key(part)).isBlank(), v + " " + part + " in " + language);
        }
      }
    }
  }
}
