package org.watch287g.commands;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;
import org.watch287g.maps.Category;

/**
 * A map as data, before any drawing: each county's category, and what the legend and notes say.
 * What {@code map --json} prints, and what every picture is drawn from.
 *
 * <p>A county's category is the broadest model ({@link Category}) among the agreements in force
 * whose coverage lists the county, as {@code status} gives them; else {@link Category#PENDING} when
 * a pending request (not already in force) lists it; else {@link Category#NONE}. Statewide agencies
 * and agencies nobody could place shade no county: the first are drawn as their state's outline,
 * both are counted in the notes.
 *
 * @param place the county or state asked about; null for the whole country
 * @param agreementsAsOf when the list of agreements served was read; null if never
 * @param pendingAsOf when the list of pending requests served was read; null if never
 * @param counties every county of the state (or of every state), in FIPS order
 * @param statewide the statewide agencies' agreements in force and requests pending, in ICE's order
 * @param unplaced how many agreements in force nobody could place in a county
 * @param agreements how many agreements in force there are in all (statewide ones included)
 * @param pending how many pending requests there are in all
 * @param byModel how many agreements in force there are of each model
 * @param top the counties with the most agreements in force, most first (at most {@link #TOP})
 */
public record AgreementMap(
    @Nullable Place place,
    @Nullable LocalDate agreementsAsOf,
    @Nullable LocalDate pendingAsOf,
    List<Shade> counties,
    List<Statewide> statewide,
    int unplaced,
    int agreements,
    int pending,
    Map<Model, Integer> byModel,
    List<Shade> top) {

  /** How many counties the alt text names. */
  public static final int TOP = 5;

  public AgreementMap {
    counties = List.copyOf(counties);
    statewide = List.copyOf(statewide);
    byModel = Map.copyOf(byModel);
    top = List.copyOf(top);
  }

  /**
   * One county on the map.
   *
   * @param fips its 5-digit FIPS (2023)
   * @param name its name ("Harris County")
   * @param state its state
   * @param category how it is shaded
   * @param agreements how many agreements in force list it
   */
  public record Shade(String fips, String name, UsState state, Category category, int agreements) {}

  /**
   * A statewide agency's agreement or request.
   *
   * @param agency the agency as ICE wrote it
   * @param state its state
   * @param model its model
   * @param pending whether it is a request, not in force
   */
  public record Statewide(String agency, UsState state, Model model, boolean pending) {}

  /** The state drawn; null for the whole country. */
  public @Nullable UsState state() {
    return place == null ? null : place.state();
  }

  /** How many counties are of a category. */
  public int count(Category category) {
    return (int) counties.stream().filter(s -> s.category() == category).count();
  }

  /** Whether nothing is in force or pending there at all: the map says so. */
  public boolean empty() {
    return agreements == 0 && pending == 0;
  }
}
