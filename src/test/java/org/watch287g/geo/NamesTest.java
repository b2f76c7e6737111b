package org.watch287g.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  @DisplayName("names fold alike however they are written")
  void namesFoldAlikeHoweverTheyAreWritten() {
    assertEquals("st lucie", Names.fold("St. Lucie"));
    assertEquals("st lucie", Names.fold("SAINT LUCIE"));
    assertEquals("dona ana", Names.fold("DOÑA ANA"));
    assertEquals("miami dade", Names.fold("Miami-Dade"));
    assertEquals("obrien", Names.fold("O'Brien"));
    assertEquals("lewis and clark", Names.fold("Lewis & Clark"));
    assertEquals("ft bend", Names.fold("  Fort   Bend  "));
  }

  @Test
  @DisplayName("the fast ascii path folds every gazetteer name exactly as the unicode path")
  void theFastAsciiPathFoldsEveryGazetteerNameExactlyAsTheUnicodePath() throws IOException {
    List<String> names = new ArrayList<>();
    for (String table : List.of("counties.tsv", "places.tsv")) {
      try (InputStream in =
              Objects.requireNonNull(Names.class.getResourceAsStream("/gazetteer/" + table));
          BufferedReader lines =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        int column = table.equals("places.tsv") ? 1 : 2;
        lines.lines().forEach(line -> names.add(line.split("\t", -1)[column]));
      }
    }
    int ascii = 0;
    for (String name : names) {
      if (name.chars().allMatch(c -> c < 0x80)) {
        assertEquals(Names.words(name), Names.asciiWords(name), name);
        ascii++;
      }
    }
    assertTrue(ascii > 40_000, "most names are plain ASCII: " + ascii);
  }

  @Test
  @DisplayName("the fast ascii path agrees with the unicode path on any ascii text")
  void theFastAsciiPathAgreesWithTheUnicodePathOnAnyAsciiText() {
    Random random = new Random(287);
    String alphabet = "aZ9 &'.-_\t,/()!x ";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        text.append(
            random.nextInt(4) == 0
                ? (char) random.nextInt(0x80)
                : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = text.toString();
      assertEquals(Names.words(s), Names.asciiWords(s), () -> "'" + s + "'");
    }
  }
}
