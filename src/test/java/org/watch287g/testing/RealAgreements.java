package org.watch287g.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.watch287g.dataset.Agreement;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.Publication;
import org.watch287g.dataset.UsState;
import org.watch287g.source.SpreadsheetParser;
import org.watch287g.source.UnreadablePublicationException;
import org.watch287g.watch.BundledSnapshots;

/** Rows of ICE's real publications (the ones bundled in the jar), parsed once per test run. */
public final class RealAgreements {
  private static final Map<String, Publication> PARSED = new ConcurrentHashMap<>();

  private RealAgreements() {}

  /** A bundled publication, e.g. "2025-05-19-participating.xlsx". */
  public static Publication publication(String file) {
    return PARSED.computeIfAbsent(file, RealAgreements::parse);
  }

  /**
   * The one row of {@code file} for this agency (exactly as ICE wrote it) and model.
   *
   * @throws AssertionError when there is not exactly one, so a fixture cannot drift silently
   */
  public static Agreement find(String file, UsState state, String agency, Model model) {
    List<Agreement> found =
        publication(file).agreements().stream()
            .filter(a -> a.state() == state && a.agency().equals(agency) && a.model() == model)
            .toList();
    if (found.size() != 1) {
      throw new AssertionError(
          found.size() + " rows of " + agency + " " + state + " " + model + " in " + file);
    }
    return found.get(0);
  }

  private static Publication parse(String file) {
    try {
      return new SpreadsheetParser().parse(BundledSnapshots.read(file), file);
    } catch (UnreadablePublicationException e) {
      throw new AssertionError("the bundled " + file + " does not parse", e);
    }
  }
}
