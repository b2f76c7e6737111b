package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.Publication;

/**
 * Every real ICE file bundled in /snapshots parses to the counts ICE's rows give.
 *
 * <p>The expectations were computed independently of this parser: a throwaway python3 script read
 * each workbook's xl/worksheets/sheet1.xml with zipfile + xml.etree (shared strings resolved, the
 * sheet's _rels for hyperlinks), counted the non-blank rows under the header, classified SUPPORT
 * TYPE by its first word after trimming, counted distinct trimmed upper-case STATE values, MOA
 * cells with a hyperlink or URL text, MOA cells whose letters read "linkpending", ADDENDUM
 * hyperlinks, and COUNTY cells neither blank nor #N/A/#NA/N/A/NA. Row counts equal SOURCES.md; the
 * 2025-05-29 pair equals ICE's own published totals.
 */
class SpreadsheetParserRealFilesTest {
  private static final SpreadsheetParser PARSER = new SpreadsheetParser();

  record Expected(
      String file,
      ListKind kind,
      int rows,
      int jem,
      int tfm,
      int wso,
      int states,
      int moaUrls,
      int moaPending,
      int addenda,
      int counties) {
    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Expected> realFiles() {
    ListKind p = ListKind.PARTICIPATING;
    ListKind n = ListKind.PENDING;
    return Stream.of(
        new Expected(
            "2024-12-18-participating-htmlderived.xlsx", p, 135, 60, 0, 75, 21, 135, 0, 0, 0),
        new Expected("2025-03-06-participating.xlsx", p, 308, 73, 110, 125, 29, 132, 128, 0, 0),
        new Expected("2025-05-15-pending.xlsx", n, 92, 12, 51, 29, 22, 0, 0, 0, 47),
        new Expected("2025-05-16-participating.xlsx", p, 571, 91, 275, 205, 40, 416, 152, 0, 405),
        new Expected("2025-05-19-participating.xlsx", p, 581, 91, 285, 205, 40, 425, 153, 0, 411),
        new Expected("2025-05-19-pending.xlsx", n, 82, 12, 42, 28, 18, 0, 0, 0, 41),
        new Expected("2025-05-29-participating.xlsx", p, 635, 100, 307, 228, 40, 425, 207, 0, 443),
        new Expected("2025-05-29-pending.xlsx", n, 68, 7, 43, 18, 22, 0, 0, 0, 35),
        new Expected("2025-07-18-participating.xlsx", p, 832, 117, 415, 300, 40, 603, 229, 39, 603),
        new Expected("2025-07-18-pending.xlsx", n, 26, 4, 9, 13, 13, 0, 0, 0, 24),
        new Expected(
            "2025-12-31-participating.xlsx", p, 1274, 145, 684, 445, 40, 1268, 6, 45, 1033),
        new Expected("2025-12-31-pending.xlsx", n, 24, 2, 20, 2, 14, 0, 0, 0, 24),
        new Expected(
            "2026-01-23-participating.xlsx", p, 1314, 147, 719, 448, 40, 1314, 0, 45, 1073),
        new Expected("2026-01-23-pending.xlsx", n, 57, 4, 44, 9, 17, 0, 57, 0, 55),
        new Expected(
            "2026-05-18-participating.xlsx", p, 1843, 182, 1162, 499, 40, 1680, 163, 45, 1608));
  }

  static Publication parse(String file) throws UnreadablePublicationException {
    return PARSER.parse(XlsxFixture.snapshot(file), file);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realFiles")
  @DisplayName("each real ICE file gives its row count, kind, models, states, links and counties")
  void realFileMatchesIndependentCounts(Expected e) throws UnreadablePublicationException {
    Publication pub = parse(e.file());
    List<Agreement> rows = pub.agreements();
    assertAll(
        () -> assertEquals(e.rows(), rows.size(), "rows"),
        () -> assertEquals(e.kind(), pub.kind(), "kind"),
        () ->
            assertEquals(
                Map.of(
                    Model.JEM,
                    (long) e.jem(),
                    Model.TFM,
                    (long) e.tfm(),
                    Model.WSO,
                    (long) e.wso()),
                pub.countByModel(),
                "models"),
        () -> assertEquals(e.states(), pub.states().size(), "distinct states"),
        () -> assertEquals(e.moaUrls(), count(rows, a -> a.moaUrl() != null), "MOA URLs"),
        () -> assertEquals(e.moaPending(), count(rows, Agreement::moaPending), "link pending"),
        () -> assertEquals(e.addenda(), count(rows, a -> a.addendumUrl() != null), "addenda"),
        () -> assertEquals(e.counties(), count(rows, a -> a.county() != null), "counties"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realFiles")
  @DisplayName(
      "every link comes out as a plain https ICE PDF URL, unwrapped and without spaces (one ends in .PDF)")
  void everyLinkIsAnIceDocumentUrl(Expected e) throws UnreadablePublicationException {
    parse(e.file()).agreements().stream()
        .flatMap(a -> Stream.of(a.moaUrl(), a.addendumUrl()))
        .filter(Objects::nonNull)
        .forEach(
            url ->
                assertTrue(
                    url.startsWith("https://www.ice.gov/doclib/")
                        && url.toLowerCase(Locale.ROOT).endsWith(".pdf")
                        && !url.contains(" ")
                        && !url.contains("safelinks"),
                    url));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realFiles")
  @DisplayName("participating rows carry a signing date and pending rows none")
  void signingDatesFollowTheKind(Expected e) throws UnreadablePublicationException {
    Publication pub = parse(e.file());
    long undated = count(pub.agreements(), a -> a.signed() == null);
    // 2025-07-18 row 639 (Grundy County, TN) holds the number 1141572, which is year 5025.
    long expected =
        e.kind() == ListKind.PENDING ? e.rows() : e.file().startsWith("2025-07-18") ? 1 : 0;
    assertEquals(expected, undated);
  }

  static long count(List<Agreement> rows, java.util.function.Predicate<Agreement> test) {
    return rows.stream().filter(test).count();
  }
}
