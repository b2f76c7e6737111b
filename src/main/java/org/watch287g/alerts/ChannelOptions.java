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
 * @param mention who the channel's alerts of a new agreement or request ping ({@code /287g
 *     mention}): a {@link Mention} token valid for the channel's platform; empty when no one
 */
public record ChannelOptions(
    Language language,
    boolean includePending,
    Set<Model> models,
    int digestThreshold,
    String note,
    String mention) {

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
    if (!Mention.wellFormed(mention)) {
      throw new IllegalArgumentException("not a mention token: " + mention);
    }
  }

  /** Options without a note or a mention. */
  public ChannelOptions(
      Language language, boolean includePending, Set<Model> models, int digestThreshold) {
    this(language, includePending, models, digestThreshold, "", Mention.NONE);
  }

  /** English, pending included, every model, digest above 5 alerts, no note, no mention. */
  public static ChannelOptions defaults() {
    return new ChannelOptions(Language.EN, true, EnumSet.allOf(Model.class), 5, "", Mention.NONE);
  }

  public ChannelOptions withLanguage(Language value) {
    return new ChannelOptions(value, includePending, models, digestThreshold, note, mention);
  }

  public ChannelOptions withIncludePending(boolean value) {
    return new ChannelOptions(language, value, models, digestThreshold, note, mention);
  }

  public ChannelOptions withModels(Set<Model> value) {
    return new ChannelOptions(language, includePending, value, digestThreshold, note, mention);
  }

  public ChannelOptions withDigestThreshold(int value) {
    return new ChannelOptions(language, includePending, models, value, note, mention);
  }

  public ChannelOptions withNote(String value) {
    return new ChannelOptions(language, includePending, models, digestThreshold, value, mention);
  }

  public ChannelOptions withMention(String value) {
    return new ChannelOptions(language, includePending, models, digestThreshold, note, value);
  }
}
