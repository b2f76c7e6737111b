package org.watch287g.source;

import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.CellText;

/**
 * Reads an MOA or ADDENDUM cell: the text {@code link} carries a hyperlink to the PDF, {@code link
 * pending} (any case or spacing) says the PDF is not out yet, and the html-derived files write the
 * URL itself as the cell's text.
 */
final class LinkCell {
  private LinkCell() {}

  /** Whether the cell says its link is pending ("link pending", "Link Pending ", "pending"). */
  static boolean isPending(String text) {
    return lettersAre(text, "linkpending") || lettersAre(text, "pending");
  }

  // Compares only the letters of the text, ignoring case: runs every row, so no regex or copies.
  private static boolean lettersAre(String text, String letters) {
    int j = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toLowerCase(text.charAt(i));
      if (c < 'a' || c > 'z') {
        continue;
      }
      if (j == letters.length() || c != letters.charAt(j++)) {
        return false;
      }
    }
    return j == letters.length();
  }

  /**
   * The URL of a link cell, unwrapped to ICE's own address (see {@link IceUrl}); null when the cell
   * has none. A cell that says "link" without a hyperlink, or links to something that is not a web
   * address, is noted in the warnings.
   */
  static @Nullable String url(SheetRow row, int column, String title, Warnings warnings) {
    if (column < 0) {
      return null;
    }
    String text = CellText.clean(row.text(column));
    String target = row.link(column);
    if (target == null && IceUrl.looksLikeUrl(text)) {
      target = text;
    }
    if (target == null) {
      if (!text.isEmpty() && !isPending(text) && CellText.value(text) != null) {
        warnings.row(row.number(), title + " says '" + text + "' but has no hyperlink");
      }
      return null;
    }
    String url = IceUrl.of(target);
    if (url == null) {
      warnings.row(
          row.number(),
          title + " links to '" + target + "', not a web address on ice.gov or dhs.gov; ignored");
    }
    return url;
  }
}
