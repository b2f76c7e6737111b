package org.watch287g.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CellTextTest {

  @Test
  @DisplayName("trims and collapses spaces, tabs, line breaks and no-break spaces into one space")
  void collapsesWhitespace() {
    assertEquals(
        "Autauga County Sheriff's Office", CellText.clean("Autauga County Sheriff's Office "));
    assertEquals(
        "St. Lucie County Sheriff’s Office",
        CellText.clean(" St.\u00a0Lucie  County\tSheriff’s\nOffice"));
    assertEquals("link | addendum", CellText.clean("link\u00a0|\u00a0addendum"));
  }

  @Test
  @DisplayName("treats control characters as spaces")
  void controlCharactersAreSpaces() {
    assertEquals("Harris County", CellText.clean("Harris\u0007County\u0000"));
  }

  @Test
  @DisplayName("drops zero-width characters and keeps apostrophe styles as written")
  void dropsInvisiblesKeepsApostrophes() {
    assertEquals("Sheriff’s Office", CellText.clean("\u200bSheriff’s\ufeff Office"));
    assertEquals("Sheriff's Office", CellText.clean("Sheriff's Office"));
  }

  @Test
  @DisplayName("returns tidy text itself, without copying it")
  void tidyTextIsNotCopied() {
    String tidy = "Colbert County";
    assertSame(tidy, CellText.clean(tidy));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "  ", "#N/A", "#NA", "N/A", "NA", "n/a", " #N/A ", "#REF!", "#VALUE!"})
  @DisplayName("reads blanks, #N/A, #NA, N/A, NA and Excel errors as missing")
  void placeholdersAreMissing(String text) {
    assertNull(CellText.value(text));
  }

  @Test
  @DisplayName("keeps real values that merely contain NA")
  void realValuesStay() {
    assertEquals("Nassau County", CellText.value("Nassau County"));
    assertEquals("NAPA", CellText.value("NAPA"));
  }
}
