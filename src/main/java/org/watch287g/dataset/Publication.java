package org.watch287g.dataset;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One parsed ICE file: which list it is (decided from its columns, not from its name or link), its
 * header as read, its rows, and what the reader noticed but could repair or had to skip.
 *
 * @param kind the list this file's shape says it is
 * @param columns the header cells as they appear in the file, in order
 * @param agreements one entry per data row, in file order
 * @param warnings one line per oddity worth a human's look (skipped row, unknown model, ...)
 */
public record Publication(
    ListKind kind, List<String> columns, List<Agreement> agreements, List<String> warnings) {

  public Publication {
    columns = List.copyOf(columns);
    agreements = List.copyOf(agreements);
    warnings = List.copyOf(warnings);
  }

  /** How many agreements there are of each model, in {@link Model} order, zeros included. */
  public Map<Model, Long> countByModel() {
    Map<Model, Long> counts = new TreeMap<>();
    for (Model m : Model.values()) {
      counts.put(m, 0L);
    }
    for (Agreement a : agreements) {
      counts.merge(a.model(), 1L, Long::sum);
    }
    return counts;
  }

  /**
   * One line for people, e.g. "1,843 agreements (JEM 182, TFM 1,162, WSO 499) in 40 states" or "57
   * pending requests (JEM 3, TFM 40, WSO 14) in 12 states".
   */
  public String describe() {
    String noun = kind == ListKind.PARTICIPATING ? "agreements" : "pending requests";
    StringBuilder models = new StringBuilder();
    countByModel()
        .forEach(
            (model, n) ->
                models
                    .append(models.length() == 0 ? "" : ", ")
                    .append(model)
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%,d", n)));
    return String.format(
        Locale.ROOT, "%,d %s (%s) in %d states", agreements.size(), noun, models, states().size());
  }

  /**
   * Whether the header has this column under any of its names, read the way the reader reads
   * headers ({@link IceColumn#named}): a column the reader used is never reported missing.
   */
  public boolean has(IceColumn column) {
    for (String cell : columns) {
      if (IceColumn.named(cell) == column) {
        return true;
      }
    }
    return false;
  }

  /** The distinct states (and territories) with at least one agreement. */
  public Set<UsState> states() {
    return agreements.stream().map(Agreement::state).collect(Collectors.toSet());
  }
}
