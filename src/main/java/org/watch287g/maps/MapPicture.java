package org.watch287g.maps;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What to draw, with every text already in the reader's language: the painter decides nothing.
 *
 * @param state the 2-digit FIPS of the state drawn; null for the whole country
 * @param counties each county's category by FIPS; a county not named is {@link Category#NONE}
 * @param outlined the FIPS of the county asked about, outlined; null for none
 * @param statewide the broadest agreement of each state's statewide agencies, by state FIPS: that
 *     state's outline is drawn thick in the category's colour instead of shading every county
 * @param title the title's lines (the place, then the lists' dates)
 * @param legend the legend's lines, each with its swatch
 * @param notes what the legend adds in words (statewide agencies, agencies not placed)
 * @param source the source line at the bottom
 */
public record MapPicture(
    @Nullable String state,
    Map<String, Category> counties,
    @Nullable String outlined,
    Map<String, Category> statewide,
    List<String> title,
    List<Legend> legend,
    List<String> notes,
    String source) {

  public MapPicture {
    counties = Map.copyOf(counties);
    statewide = Map.copyOf(statewide);
    title = List.copyOf(title);
    legend = List.copyOf(legend);
    notes = List.copyOf(notes);
    Objects.requireNonNull(source, "source");
  }

  /**
   * One line of the legend.
   *
   * @param category its swatch
   * @param text what it means, with its count
   */
  public record Legend(Category category, String text) {}
}
