package org.watch287g.dataset;

/**
 * How many typos separate two names: used wherever ICE's or a person's spelling is forgiven (the
 * differ's renames, the gazetteer's closest county or town, autocomplete's typed starts).
 *
 * <p>The distance is the optimal-string-alignment one: insertions, deletions, substitutions and
 * swaps of neighbouring letters ("Dogulas" is one typo from "Douglas"). Either to a whole name
 * ({@link #to}) or to the closest start of one ({@link #toStartOf}: "harr" is no typo from
 * "harris"). One instance measures from one text to many names and reuses its rows: not
 * thread-safe, so one per call.
 */
public final class EditDistance {
  private final String from;
  private final int limit;
  private int[] twoBack;
  private int[] previous;
  private int[] current;

  /**
   * Measures from {@code from}, giving up past {@code limit} typos.
   *
   * @param limit the most typos worth counting; any more is reported as {@code limit + 1}
   */
  public EditDistance(String from, int limit) {
    this.from = from;
    this.limit = limit;
    int width = from.length() + limit + 1;
    twoBack = new int[width];
    previous = new int[width];
    current = new int[width];
  }

  /** The distance between two names, or {@code limit + 1} once it is known to exceed the limit. */
  public static int between(String a, String b, int limit) {
    return new EditDistance(a, limit).to(b);
  }

  /** The distance to the whole of {@code name}, or {@code limit + 1} when over the limit. */
  public int to(String name) {
    if (Math.abs(from.length() - name.length()) > limit) {
      return limit + 1;
    }
    int cols = lastRow(name, name.length());
    return cols < 0 ? limit + 1 : Math.min(previous[name.length()], limit + 1);
  }

  /**
   * The distance to the closest start of {@code name} (how many typos turn the typed start into the
   * start of the name), or {@code limit + 1} when over the limit.
   */
  public int toStartOf(String name) {
    int cols = lastRow(name, Math.min(name.length(), from.length() + limit));
    if (cols < 0) {
      return limit + 1;
    }
    int best = limit + 1;
    for (int j = Math.max(0, from.length() - limit); j <= cols; j++) {
      best = Math.min(best, previous[j]);
    }
    return best;
  }

  /**
   * Fills the table against the first {@code cols} letters of {@code name}, leaving its last row in
   * {@code previous}; returns {@code cols}, or -1 once every cell of a row is over the limit.
   */
  private int lastRow(String name, int cols) {
    if (previous.length <= cols) {
      twoBack = new int[cols + 1];
      previous = new int[cols + 1];
      current = new int[cols + 1];
    }
    for (int j = 0; j <= cols; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= from.length(); i++) {
      current[0] = i;
      int rowMin = i;
      for (int j = 1; j <= cols; j++) {
        int cost = from.charAt(i - 1) == name.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && from.charAt(i - 1) == name.charAt(j - 2)
            && from.charAt(i - 2) == name.charAt(j - 1)) {
          d = Math.min(d, twoBack[j - 2] + 1);
        }
        current[j] = d;
        rowMin = Math.min(rowMin, d);
      }
      if (rowMin > limit) {
        return -1;
      }
      int[] spare = twoBack;
      twoBack = previous;
      previous = current;
      current = spare;
    }
    return cols;
  }
}
