package org.watch287g.source;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A hand-made sheet row: cell texts, and hyperlinks by 0-based column. */
record FakeRow(int number, List<String> cells, Map<Integer, String> links) implements SheetRow {
  static FakeRow of(int number, String... cells) {
    return new FakeRow(number, List.of(cells), Map.of());
  }

  @Override
  public int width() {
    return cells.size();
  }

  @Override
  public String text(int column) {
    return column >= 0 && column < cells.size() ? cells.get(column) : "";
  }

  @Override
  public @Nullable LocalDate date(int column) {
    return null;
  }

  @Override
  public @Nullable String link(int column) {
    return links.get(column);
  }
}
