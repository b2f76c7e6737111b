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
 * @param note the channel's own line in every alert's "what you can do" (its managers' words, at
 *     most {@link #MAX_NOTE} characters, checked by {@code /287g note}); empty when none
 */
public record ChannelOptions(
    Language language,
    boolean includePending,
    Set<Model> models,
    int digestThreshold,
    String note) {

  public static final int MAX_DIGEST_THRESHOLD = 100;

  /** The longest note: one line that fits beside the toolkit's links on every platform. */
  public static final int MAX_NOTE = 200;

  public ChannelOptions {
    models = models.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(models));
    if (digestThreshold < 1 || digestThreshold > MAX_DIGEST_THRESHOLD) {
      throw new IllegalArgumentException("digest threshold must be 1 to " + MAX_DIGEST_THRESHOLD);
    }
    if (note.length() > MAX_NOTE || note.contains("\n")) {
      throw new IllegalArgumentException("a note is one line of at most " + MAX_NOTE);
    }
  }

  /** Options without a note. */
  public ChannelOptions(
      Language language, boolean includePending, Set<Model> models, int digestThreshold) {
    this(language, includePending, models, digestThreshold, "");
  }

  /** English, pending included, every model, digest above 5 alerts, no note. */
  public static ChannelOptions defaults() {
    return new ChannelOptions(Language.EN, true, EnumSet.allOf(Model.class), 5, "");
  }

  public ChannelOptions withLanguage(Language value) {
    return new ChannelOptions(value, includePending, models, digestThreshold, note);
  }

  public ChannelOptions withIncludePending(boolean value) {
    return new ChannelOptions(language, value, models, digestThreshold, note);
  }

  public ChannelOptions withModels(Set<Model> value) {
    return new ChannelOptions(language, includePending, value, digestThreshold, note);
  }

  public ChannelOptions withDigestThreshold(int value) {
    return new ChannelOptions(language, includePending, models, value, note);
  }

  public ChannelOptions withNote(String value) {
    return new ChannelOptions(language, includePending, models, digestThreshold, value);
  }
}
