package org.watch287g.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.watch287g.changes.ChangeEvent.Detail;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.ListKind;
import org.watch287g.dataset.Model;

/** What an event carries, and which events alert. */
class ChangeEventTest {
  static final Agreement ROW =
      Rows.signed("TX", "Harris County Sheriff's Office", Model.JEM, "2025-03-01");

  static ChangeEvent event(ChangeEvent.Type type, Set<Detail> details) {
    return new ChangeEvent(
        type, ListKind.PARTICIPATING, ROW, type.hasPrevious() ? ROW : null, details);
  }

  @ParameterizedTest(name = "{0} alerts: {1}")
  @DisplayName("changes to what is signed or requested alert; renames and corrections do not")
  @CsvSource({
    "NEW_AGREEMENT, true",
    "TERMINATED, true",
    "NEW_PENDING, true",
    "PENDING_SIGNED, true",
    "PENDING_WITHDRAWN, true",
    "RENEWED, true",
    "DETAILS_CHANGED, false",
    "RENAMED, false"
  })
  void alerts(ChangeEvent.Type type, boolean alerts) {
    assertEquals(alerts, event(type, Set.of()).alerts());
  }

  @Test
  @DisplayName("of the details, only an MOA posted for the first time alerts")
  void onlyAFirstMoaAlerts() {
    for (Detail detail : Detail.values()) {
      assertEquals(
          detail == Detail.MOA_POSTED,
          event(ChangeEvent.Type.DETAILS_CHANGED, EnumSet.of(detail, Detail.COUNTY_CORRECTED))
              .alerts(),
          detail.name());
    }
  }

  @Test
  @DisplayName("an event has an earlier row exactly when its type says so")
  void previousRowFollowsType() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ChangeEvent(ChangeEvent.Type.RENAMED, ListKind.PARTICIPATING, ROW, null, Set.of()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ChangeEvent(
                ChangeEvent.Type.NEW_AGREEMENT, ListKind.PARTICIPATING, ROW, ROW, Set.of()));
  }

  @Test
  @DisplayName("details are an immutable copy in declaration order")
  void detailsAreCopied() {
    EnumSet<Detail> details = EnumSet.of(Detail.TYPE_CHANGED, Detail.MOA_CHANGED);
    ChangeEvent e = event(ChangeEvent.Type.DETAILS_CHANGED, details);
    details.add(Detail.MOA_POSTED);

    assertEquals("[MOA_CHANGED, TYPE_CHANGED]", e.details().toString());
    assertThrows(UnsupportedOperationException.class, () -> e.details().clear());
  }
}
