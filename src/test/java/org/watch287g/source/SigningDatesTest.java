package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigningDatesTest {
  private static final LocalDate JUNE_9_2020 = LocalDate.of(2020, 6, 9);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2020-06-09",
        "2020-06-09 00:00:00",
        "6/9/2020",
        "06/09/2020",
        "06/09/20",
        "06-09-2020",
        "6.9.2020",
        "June 9, 2020",
        "Jun 9 2020",
        "june 9th, 2020",
        "9 June 2020",
        "43991",
        "43991.0"
      })
  @DisplayName("reads ISO, US numeric, two-digit-year, month-name and serial-number text dates")
  void readsEveryTextForm(String text) {
    assertEquals(List.of(JUNE_9_2020), SigningDates.in(text));
  }

  @Test
  @DisplayName("reads 'Sept.' and other abbreviations with a dot")
  void readsDottedAbbreviations() {
    assertEquals(List.of(LocalDate.of(2008, 9, 22)), SigningDates.in("Sept. 22, 2008"));
  }

  @Test
  @DisplayName("reads ICE's missing-slash typo: the last four digits are the year")
  void readsMissingSlash() {
    assertEquals(List.of(LocalDate.of(2025, 5, 8)), SigningDates.in("05/082025"));
    assertEquals(List.of(LocalDate.of(2025, 7, 7)), SigningDates.in("7/72025"));
    assertTrue(SigningDates.isMissingSlash("05/082025"));
    assertFalse(SigningDates.isMissingSlash("05/08/2025"));
  }

  @Test
  @DisplayName("finds every date in a DATES SIGNED cell, in order")
  void findsSeveralDates() {
    assertEquals(
        List.of(LocalDate.of(2008, 7, 8), LocalDate.of(2013, 6, 28)),
        SigningDates.in("7/8/2008, 6/28/2013"));
    assertEquals(
        List.of(LocalDate.of(2007, 2, 7), LocalDate.of(2009, 10, 15)),
        SigningDates.in("2/7/2007 (JEM); 10/15/2009 (TF)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "TBD", "pending", "2/30/2025", "13/01/2020", "2020"})
  @DisplayName("finds nothing in text that names no real day")
  void findsNothingInNonDates(String text) {
    assertEquals(List.of(), SigningDates.in(text));
  }

  @Test
  @DisplayName("converts Excel 1900-system serials like Excel does, 1900-02-29 bug included")
  void convertsSerials() {
    assertEquals(LocalDate.of(2025, 5, 8), SigningDates.fromSerial(45785));
    assertEquals(LocalDate.of(1900, 1, 1), SigningDates.fromSerial(1));
    assertEquals(LocalDate.of(1900, 3, 1), SigningDates.fromSerial(61));
  }

  @Test
  @DisplayName("finds dates before section 287(g) existed, or after 2100, implausible")
  void plausibility() {
    assertTrue(SigningDates.isPlausible(LocalDate.of(2002, 7, 2)));
    assertFalse(SigningDates.isPlausible(LocalDate.of(1995, 1, 1)));
    assertFalse(SigningDates.isPlausible(LocalDate.of(5025, 7, 7)));
  }
}
