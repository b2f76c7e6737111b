package org.watch287g.alerts;

import java.util.EnumSet;
import java.util.Set;
import org.watch287g.dataset.Model;

/**
 * How a channel wants its alerts.
 *
 * @param language what language alerts and replies use
 * @param includePending whether pending requests alert (the earliest warning; on by default)
 * @param models which 287(g) models alert (all by default)
 * @param digestThreshold more alerts than this from one publication come as one digest
 */
public record ChannelOptions(
    Language language, boolean includePending, Set<Model> models, int digestThreshold) {

  public static final int MAX_DIGEST_THRESHOLD = 100;

  public ChannelOptions {
    models = models.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(models));
    if (digestThreshold < 1 || digestThreshold > MAX_DIGEST_THRESHOLD) {
      throw new IllegalArgumentException("digest threshold must be 1 to " + MAX_DIGEST_THRESHOLD);
    }
  }

  /** English, pending included, every model, digest above 5 alerts. */
  public static ChannelOptions defaults() {
    return new ChannelOptions(Language.EN, true, EnumSet.allOf(Model.class), 5);
  }

  public ChannelOptions withLanguage(Language value) {
    return new ChannelOptions(value, includePending, models, digestThreshold);
  }

  public ChannelOptions withIncludePending(boolean value) {
    return new ChannelOptions(language, value, models, digestThreshold);
  }

  public ChannelOptions withModels(Set<Model> value) {
    return new ChannelOptions(language, includePending, value, digestThreshold);
  }

  public ChannelOptions withDigestThreshold(int value) {
    return new ChannelOptions(language, includePending, models, value);
  }
}
