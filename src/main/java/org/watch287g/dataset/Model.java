package org.watch287g.dataset;

import java.util.Locale;
import java.util.Optional;

/**
 * The three 287(g) models ("SUPPORT TYPE" in ICE's files).
 *
 * <p>ICE's spelling drifts: trailing spaces, "Jail Enforcement" without "Model", "Warrant Service
 * Office", "Warrant Services Officer", "Task Force Officer", "Jail Enforcment Model". {@link
 * #parse} reads all of them by their distinctive first word rather than by exact text.
 */
public enum Model {
  JEM("Jail Enforcement Model"),
  TFM("Task Force Model"),
  WSO("Warrant Service Officer");

  private final String title;

  Model(String title) {
    this.title = title;
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
