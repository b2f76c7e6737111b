package org.watch287g.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one typo count behind renames, county corrections and autocomplete. */
class EditDistanceTest {
  @Test
  @DisplayName(
      "a swap of neighbouring letters, a missing letter and a wrong letter are one typo each")
  void eachKindOfTypoCountsOnce() {
    assertEquals(1, EditDistance.between("dogulas", "douglas", 2));
    assertEquals(1, EditDistance.between("harris", "haris", 2));
    assertEquals(1, EditDistance.between("harris", "harrus", 2));
    assertEquals(0, EditDistance.between("bexar", "bexar", 2));
    assertEquals(2, EditDistance.between("", "ab", 2));
  }

  @Test
  @DisplayName("a distance past the limit is reported as one more than the limit")
  void pastTheLimitIsLimitPlusOne() {
    assertEquals(2, EditDistance.between("travis", "tarrant", 1));
    assertEquals(3, EditDistance.between("a", "abcdef", 2));
  }

  @Test
  @DisplayName("a typed start is measured against the closest start of a name, typos and all")
  void aTypedStartMatchesTheStartOfAName() {
    EditDistance typed = new EditDistance("harr", 1);

    assertEquals(0, typed.toStartOf("harris"));
    assertEquals(1, new EditDistance("hatr", 1).toStartOf("harris"));
    assertEquals(2, typed.toStartOf("bexar"));
    assertEquals(2, typed.to("harris"), "the whole name is two letters longer");
  }

  @Test
  @DisplayName("one measurer gives the same answers over many names of any length")
  void oneMeasurerIsReusable() {
    EditDistance typed = new EditDistance("san", 1);

    assertEquals(0, typed.toStartOf("san patricio"));
    assertEquals(0, typed.toStartOf("san"));
    assertEquals(1, typed.toStartOf("sa"));
    assertEquals(0, typed.toStartOf("san bernardino county and a very long tail of words"));
    assertEquals(0, typed.to("san"));
  }
}
