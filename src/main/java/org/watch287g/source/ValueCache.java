package org.watch287g.source;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.watch287g.dataset.AgencyType;
import org.watch287g.dataset.Model;
import org.watch287g.dataset.UsState;

/**
 * Reads each distinct STATE, SUPPORT TYPE and TYPE text once per file.
 *
 * <p>A file of 1,843 rows has about 45 distinct states, 5 model spellings and 5 types, while the
 * dataset parsers normalise with regular expressions on every call; remembering their answers takes
 * most of the per-row allocation out of a parse.
 */
final class ValueCache {
  private final Map<String, Optional<UsState>> states = new HashMap<>();
  private final Map<String, Optional<Model>> models = new HashMap<>();
  private final Map<String, Boolean> severalModels = new HashMap<>();
  private final Map<String, Optional<AgencyType>> types = new HashMap<>();

  Optional<UsState> state(String text) {
    return states.computeIfAbsent(text, UsState::parse);
  }

  Optional<Model> model(String text) {
    return models.computeIfAbsent(text, Model::parse);
  }

  /** Whether a SUPPORT TYPE names more than one model ("Jail Enforcement / Task Force"). */
  boolean namesSeveralModels(String text) {
    return severalModels.computeIfAbsent(text, ValueCache::countsSeveral);
  }

  Optional<AgencyType> type(String text) {
    return types.computeIfAbsent(text, AgencyType::parse);
  }

  // Model.parse reads the first word; a cell naming two models would silently lose one.
  private static boolean countsSeveral(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    int named = (t.contains("jail") ? 1 : 0) + (t.contains("task") ? 1 : 0);
    return named + (t.contains("warrant") ? 1 : 0) > 1;
  }
}
