package org.watch287g.source;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code <a>} tags of an HTML page, found in one left-to-right pass. Pure: no I/O.
 *
 * <p>Why not regular expressions: patterns such as {@code <!--.*?-->} or {@code <a\b([^>]*)>}
 * rescan the rest of the page from every unclosed tag, so a page of 40,000 {@code <a } took 22 s
 * and one at the page cap would take hours. Here every search starts where the previous one ended,
 * so the work is linear in the page's length, and the number of links is capped ({@value
 * #MAX_ANCHORS}) so that what is built from them stays small too.
 *
 * <p>The reading is deliberately plain, as ICE's page is: comments are dropped (an unclosed one
 * runs to the end of the page, as in a browser); an anchor is {@code <a} followed by a non-word
 * character and runs to the next {@code >}; its text runs to its {@code </a>}, or to the next
 * {@code <a} when the closing tag is missing.
 */
final class HtmlAnchors {
  /** Far more links than ICE's 287(g) page has ever had (a few hundred). */
  static final int MAX_ANCHORS = 10_000;

  static final String TOO_MANY_LINKS =
      "the 287(g) page has more than " + MAX_ANCHORS + " links; it was not read further";

  /**
   * One anchor.
   *
   * @param href the {@code href} attribute, entities decoded and stripped; null when absent
   * @param inner the anchor's content, tags included, as written
   */
  record Anchor(@Nullable String href, String inner) {
    /** The anchor's text: tags removed, entities decoded, whitespace collapsed. */
    String text() {
      return HtmlEntities.decode(withoutTags(inner)).replaceAll("\\s+", " ").strip();
    }
  }

  private HtmlAnchors() {}

  /**
   * The page's anchors, in page order.
   *
   * @throws SourceException when the page has more than {@value #MAX_ANCHORS} anchors
   */
  static List<Anchor> in(String html) throws SourceException {
    String s = withoutComments(html);
    List<Anchor> anchors = new ArrayList<>();
    int at = nextAnchor(s, 0);
    while (at >= 0) {
      int close = s.indexOf('>', at + 2);
      if (close < 0) {
        break; // an unclosed tag: nothing after it can be an anchor either
      }
      int end = endOfText(s, close + 1);
      if (anchors.size() == MAX_ANCHORS) {
        throw new SourceException(TOO_MANY_LINKS);
      }
      anchors.add(
          new Anchor(HtmlAttributes.href(s.substring(at + 2, close)), s.substring(close + 1, end)));
      at = nextAnchor(s, end);
    }
    return anchors;
  }

  private static String withoutComments(String html) {
    StringBuilder out = new StringBuilder(html.length());
    int from = 0;
    for (int open = html.indexOf("<!--"); open >= 0; open = html.indexOf("<!--", from)) {
      out.append(html, from, open);
      int close = html.indexOf("-->", open + 4);
      if (close < 0) {
        return out.toString();
      }
      from = close + 3;
    }
    return out.append(html, from, html.length()).toString();
  }

  private static int nextAnchor(String s, int from) {
    for (int lt = s.indexOf('<', from); lt >= 0; lt = s.indexOf('<', lt + 1)) {
      if (isAnchorStart(s, lt)) {
        return lt;
      }
    }
    return -1;
  }

  // The text ends at this anchor's </a>, at the next <a (closing tag missing), or at the end.
  private static int endOfText(String s, int from) {
    for (int lt = s.indexOf('<', from); lt >= 0; lt = s.indexOf('<', lt + 1)) {
      if (isAnchorStart(s, lt) || isAnchorEnd(s, lt)) {
        return lt;
      }
    }
    return s.length();
  }

  private static boolean isAnchorStart(String s, int lt) {
    return s.regionMatches(true, lt, "<a", 0, 2)
        && (lt + 2 == s.length() || !isWordCharacter(s.charAt(lt + 2)));
  }

  private static boolean isAnchorEnd(String s, int lt) {
    if (!s.regionMatches(true, lt, "</a", 0, 3)) {
      return false;
    }
    int i = lt + 3;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i < s.length() && s.charAt(i) == '>';
  }

  private static boolean isWordCharacter(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Each tag replaced by a space; from an unclosed {@code <} on, the text is kept as written. */
  static String withoutTags(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int from = 0;
    for (int lt = s.indexOf('<'); lt >= 0; lt = s.indexOf('<', from)) {
      int gt = s.indexOf('>', lt + 1);
      if (gt < 0) {
        break;
      }
      out.append(s, from, lt).append(' ');
      from = gt + 1;
    }
    return out.append(s, from, s.length()).toString();
  }
}
