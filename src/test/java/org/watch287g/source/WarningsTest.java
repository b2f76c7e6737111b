package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WarningsTest {

  @Test
  @DisplayName("prefixes row warnings with the row number")
  void prefixesRows() {
    Warnings warnings = new Warnings();
    warnings.row(12, "unreadable STATE 'XX'");
    assertEquals(List.of("row 12: unreadable STATE 'XX'"), warnings.lines());
  }

  @Test
  @DisplayName("keeps the first hundred lines and counts the rest")
  void capsTheList() {
    Warnings warnings = new Warnings();
    for (int i = 1; i <= 250; i++) {
      warnings.row(i, "bad");
    }
    List<String> lines = warnings.lines();
    assertEquals(Warnings.LIMIT + 1, lines.size());
    assertEquals("row 100: bad", lines.get(99));
    assertEquals("... and 150 more warnings", lines.get(100));
  }
}
