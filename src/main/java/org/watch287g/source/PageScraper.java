package org.watch287g.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.ListKind;

/**
 * Finds the participating and pending workbook links in the HTML of ICE's 287(g) page. Pure: no
 * I/O.
 *
 * <p>ICE renames its files at will ({@code participatingAgencies05182026am.xlsx}, {@code
 * 287gParticipatingAgencies091526pm.xlsx}, {@code ParticipatingAgency091826am.xlsx}, …), so a link
 * counts as a workbook when its path ends in {@code .xlsx}, {@code .xls} or {@code .csv} (any
 * case), and its list is told by the file name ("participating" or "pending", any case) or, when
 * the name says neither, by the link text ("Participating Agencies", "Pending requests"). When
 * several links name one list, the one under {@code /287g/} wins, then one named by its file name
 * over one named by its text, then the first on the page.
 *
 * <p>Only links that {@link LinkOrigin} permits from the page count: https on the page's own host.
 * A workbook link elsewhere is never fetched; when it is the only participating link, the page
 * fails with a message naming the other origin.
 *
 * <p>A plain scan of {@code <a>} tags ({@link HtmlAnchors}, linear in the page's length) is enough
 * for a page this plain; a full HTML parser would be a dependency for nothing.
 */
final class PageScraper {
  static final String NO_WORKBOOK = "the 287(g) page links no 287(g) workbook";
  static final String NO_PARTICIPATING = "the 287(g) page links no participating-agencies workbook";

  private static final Pattern SPREADSHEET = Pattern.compile("(?i).+\\.(xlsx|xls|csv)");

  private PageScraper() {}

  /**
   * The workbook links on the page.
   *
   * @param html the page's text
   * @param base the URL the page was read from; relative links are resolved against it
   * @return both links as absolute URLs; {@code pending} is null when the page has none
   * @throws SourceException when no participating workbook is linked (with a message saying whether
   *     any 287(g) workbook was linked at all, or naming the other host it was linked on), or the
   *     page has more than {@value HtmlAnchors#MAX_ANCHORS} links
   */
  static PageLinks find(String html, HttpUrl base) throws SourceException {
    List<Candidate> all = candidates(html, base);
    List<Candidate> candidates =
        all.stream().filter(c -> LinkOrigin.permits(base, c.url())).toList();
    Optional<HttpUrl> participating = best(candidates, ListKind.PARTICIPATING);
    Optional<HttpUrl> pending = best(candidates, ListKind.PENDING);
    if (participating.isEmpty()) {
      Optional<HttpUrl> elsewhere = best(all, ListKind.PARTICIPATING);
      if (elsewhere.isPresent()) {
        throw new SourceException(elsewhere(elsewhere.get(), base));
      }
      throw new SourceException(pending.isEmpty() ? NO_WORKBOOK : NO_PARTICIPATING);
    }
    return new PageLinks(
        participating.get().toString(), pending.map(HttpUrl::toString).orElse(null));
  }

  static String elsewhere(HttpUrl link, HttpUrl page) {
    return "the 287(g) page links its participating-agencies workbook at "
        + LinkOrigin.of(link)
        + ", not fetched: only https links on "
        + LinkOrigin.of(page)
        + ", the page's own host, are followed";
  }

  /** A link that names one of the lists, with what ranks it against the others. */
  private record Candidate(ListKind kind, HttpUrl url, boolean byName, int order) {
    boolean under287g() {
      return url.encodedPath().toLowerCase(Locale.ROOT).contains("/287g/");
    }
  }

  private static final Comparator<Candidate> PREFERENCE =
      Comparator.comparing((Candidate c) -> !c.under287g())
          .thenComparing(c -> !c.byName())
          .thenComparingInt(Candidate::order);

  private static Optional<HttpUrl> best(List<Candidate> candidates, ListKind kind) {
    return candidates.stream().filter(c -> c.kind() == kind).min(PREFERENCE).map(Candidate::url);
  }

  private static List<Candidate> candidates(String html, HttpUrl base) throws SourceException {
    List<Candidate> found = new ArrayList<>();
    for (HtmlAnchors.Anchor anchor : HtmlAnchors.in(html)) {
      Candidate candidate = candidate(anchor, base, found.size());
      if (candidate != null) {
        found.add(candidate);
      }
    }
    return found;
  }

  private static @Nullable Candidate candidate(HtmlAnchors.Anchor anchor, HttpUrl base, int order) {
    String href = anchor.href();
    HttpUrl url = href == null ? null : base.resolve(href);
    if (url == null || !SPREADSHEET.matcher(fileName(url)).matches()) {
      return null;
    }
    ListKind byName = kindNamedIn(fileName(url));
    if (byName != null) {
      return new Candidate(byName, url, true, order);
    }
    ListKind byText = kindNamedIn(anchor.text());
    return byText == null ? null : new Candidate(byText, url, false, order);
  }

  private static String fileName(HttpUrl url) {
    List<String> segments = url.pathSegments();
    return segments.get(segments.size() - 1);
  }

  /** The list a file name or link text names; null when it names neither, or both. */
  private static @Nullable ListKind kindNamedIn(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    boolean participating = lower.contains("participating");
    boolean pending = lower.contains("pending");
    if (participating == pending) {
      return null;
    }
    return participating ? ListKind.PARTICIPATING : ListKind.PENDING;
  }
}
