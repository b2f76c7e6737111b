package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkCellTest {
  private static final String MOA =
      "https://www.ice.gov/doclib/287gMOA/SumnerCoSOTN_WSO_MOA_042925.pdf";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "link pending",
        "link pending ",
        "Link Pending",
        "LINK  PENDING",
        "link-pending",
        "Pending"
      })
  @DisplayName("recognises 'link pending' in any case and spacing")
  void recognisesPending(String text) {
    assertTrue(LinkCell.isPending(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"link", "", "link | addendum", "pending review"})
  @DisplayName("does not take other text for 'link pending'")
  void otherTextIsNotPending(String text) {
    assertFalse(LinkCell.isPending(text));
  }

  @Test
  @DisplayName("reads the hyperlink behind 'link'")
  void readsHyperlink() {
    Warnings warnings = new Warnings();
    FakeRow row = new FakeRow(651, List.of("TENNESSEE", "link"), Map.of(1, MOA));
    assertEquals(MOA, LinkCell.url(row, 1, "MOA", warnings));
    assertEquals(List.of(), warnings.lines());
  }

  @Test
  @DisplayName("reads a URL written as the cell's text")
  void readsUrlText() {
    FakeRow row = FakeRow.of(264, "FLORIDA", " " + MOA + " ");
    assertEquals(MOA, LinkCell.url(row, 1, "MOA", new Warnings()));
  }

  @Test
  @DisplayName("notes 'link' without a hyperlink, but not 'link pending' or a blank")
  void notesLinkWithoutHyperlink() {
    Warnings warnings = new Warnings();
    assertNull(
        LinkCell.url(FakeRow.of(254, "TEXAS", "link\u00a0|\u00a0addendum"), 1, "MOA", warnings));
    assertNull(LinkCell.url(FakeRow.of(255, "TEXAS", "link pending"), 1, "MOA", warnings));
    assertNull(LinkCell.url(FakeRow.of(256, "TEXAS", ""), 1, "MOA", warnings));
    assertEquals(
        List.of("row 254: MOA says 'link | addendum' but has no hyperlink"), warnings.lines());
  }

  @Test
  @DisplayName("ignores, with a note, a hyperlink that is not a web address")
  void notesNonWebTargets() {
    Warnings warnings = new Warnings();
    FakeRow row = new FakeRow(9, List.of("OHIO", "link"), Map.of(1, "file:///C:/moa.pdf"));
    assertNull(LinkCell.url(row, 1, "ADDENDUM", warnings));
    assertEquals(
        List.of(
            "row 9: ADDENDUM links to 'file:///C:/moa.pdf', not a web address on ice.gov or dhs.gov; ignored"),
        warnings.lines());
  }

  @Test
  @DisplayName("has nothing to say about a column the file does not have")
  void absentColumn() {
    assertNull(LinkCell.url(FakeRow.of(2, "OHIO"), -1, "ADDENDUM", new Warnings()));
  }
}
