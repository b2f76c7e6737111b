package org.watch287g.dataset;

/**
 * How many typos separate two names: used wherever ICE's or a person's spelling is forgiven (the
 * differ's renames, the gazetteer's closest county or town).
 */
public final class EditDistance {
  private EditDistance() {}

  /**
   * The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
   * neighbouring letters ("Dogulas" is one typo from "Douglas"). Returns {@code limit + 1} as soon
   * as the distance is known to exceed {@code limit}.
   */
  public static int between(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) {
      return limit + 1;
    }
    int[] twoBack = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, twoBack[j - 2] + 1);
        }
        current[j] = d;
        rowMin = Math.min(rowMin, d);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] spare = twoBack;
      twoBack = previous;
      previous = current;
      current = spare;
    }
    return Math.min(previous[b.length()], limit + 1);
  }
}
