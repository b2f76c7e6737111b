package org.watch287g.maps;

import java.awt.Color;
import java.util.Locale;
import org.watch287g.dataset.Model;

/**
 * What a county is shaded by: the broadest 287(g) agreement in force there, else whether a request
 * is pending, else nothing.
 *
 * <p>"Broadest" is the model that lets local officers do the most ({@link Model#broaderThan}): the
 * task force model (TFM: questioning and arrests in everyday policing) over the jail enforcement
 * model (JEM: people booked into the jail) over the warrant service officer model (WSO: serving
 * ICE's warrants on people already held).
 *
 * <p>The colours are three steps of the viridis scale, one lightness per step (darker is broader),
 * so they stay apart under the common colour-vision deficiencies and in greyscale (luma about 200,
 * 105 and 20 against 247 for none); pending requests are hatched rather than coloured.
 */
public enum Category {
  /** No agreement in force and no request pending. */
  NONE(new Color(0xF7F7F7), 0),
  /** No agreement in force, but a request is pending: hatched. */
  PENDING(new Color(0xF7F7F7), 1),
  /** The broadest agreement in force is a warrant service officer one. */
  WSO(new Color(0xB8DE29), 2),
  /** The broadest agreement in force is a jail enforcement one. */
  JEM(new Color(0x2A788E), 3),
  /** A task force agreement is in force. */
  TFM(new Color(0x440154), 4);

  /** The hatching's colour, over {@link #PENDING}'s fill. */
  public static final Color HATCH = new Color(0x4D4D4D);

  private final Color fill;
  private final int rank;

  Category(Color fill, int rank) {
    this.fill = fill;
    this.rank = rank;
  }

  /** The colour a county of this category is filled with (hatching aside). */
  public Color fill() {
    return fill;
  }

  /** The category of a model in force. */
  public static Category of(Model model) {
    return switch (model) {
      case TFM -> TFM;
      case JEM -> JEM;
      case WSO -> WSO;
    };
  }

  /** Whether this category outranks another: TFM > JEM > WSO > pending > none. */
  public boolean broaderThan(Category other) {
    return rank > other.rank;
  }

  /** As {@code map --json} writes it: {@code none}, {@code pending}, {@code JEM}, ... */
  public String code() {
    return this == NONE || this == PENDING ? name().toLowerCase(Locale.ROOT) : name();
  }
}
