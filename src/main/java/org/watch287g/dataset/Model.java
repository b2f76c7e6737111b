package org.watch287g.dataset;

import java.util.Locale;
import java.util.Optional;

/**
 * The three 287(g) models ("SUPPORT TYPE" in ICE's files).
 *
 * <p>ICE's spelling drifts: trailing spaces, "Jail Enforcement" without "Model", "Warrant Service
 * Office", "Warrant Services Officer", "Task Force Officer", "Jail Enforcment Model". {@link
 * #parse} reads all of them by their distinctive first word rather than by exact text.
 *
 * <p>The models differ in reach: the task force model lets officers question and arrest people
 * anywhere in their everyday policing; the jail enforcement model, only people booked into the
 * jail; the warrant service officer model only lets jail officers serve ICE's warrants on people
 * already held. So TFM is the broadest, then JEM, then WSO ({@link #broaderThan}).
 */
public enum Model {
  JEM("Jail Enforcement Model", 2),
  TFM("Task Force Model", 3),
  WSO("Warrant Service Officer", 1);

  private final String title;
  private final int reach;

  Model(String title, int reach) {
    this.title = title;
    this.reach = reach;
  }

  /** Whether this model lets local officers do more than the other (TFM, then JEM, then WSO). */
  public boolean broaderThan(Model other) {
    return reach > other.reach;
  }

  /** ICE's own name for the model, e.g. "Task Force Model". */
  public String title() {
    return title;
  }

  /** Reads ICE's SUPPORT TYPE text, or an abbreviation; empty when it names no model. */
  public static Optional<Model> parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ").trim();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    if (t.equals("jem") || t.startsWith("jail")) {
      return Optional.of(JEM);
    }
    if (t.equals("tfm") || t.startsWith("task")) {
      return Optional.of(TFM);
    }
    if (t.equals("wso") || t.startsWith("warrant")) {
      return Optional.of(WSO);
    }
    return Optional.empty();
  }
}
