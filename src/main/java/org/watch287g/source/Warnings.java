package org.watch287g.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The oddities a parse noticed, one line each, for {@link
 * org.watch287g.dataset.Publication#warnings()}.
 *
 * <p>Capped at {@value #LIMIT} lines plus a count of the rest: a file that is wrong on every row
 * says so in one admin notice, not in a thousand.
 */
final class Warnings {
  static final int LIMIT = 100;

  private final List<String> lines = new ArrayList<>();
  private int dropped;

  /** Notes an oddity of the whole file. */
  void add(String line) {
    if (lines.size() < LIMIT) {
      lines.add(line);
    } else {
      dropped++;
    }
  }

  /** Notes an oddity of one row, prefixed with its row number. */
  void row(int row, String message) {
    add("row " + row + ": " + message);
  }

  /** The lines so far, ending with "… and N more" when some were dropped. */
  List<String> lines() {
    if (dropped == 0) {
      return lines;
    }
    List<String> all = new ArrayList<>(lines);
    all.add("... and " + dropped + " more warnings");
    return all;
  }
}
