package org.watch287g.commands;

import java.util.Objects;

/**
 * A map drawn: a PNG and the words that say what it shows.
 *
 * @param fileName a safe file name ("287g-map-TX-2026-05-18.png")
 * @param png the image
 * @param altText what the map shows, in words (counts by model and the top counties), at most
 *     {@link #MAX_ALT} characters: Slack's and Discord's alt texts
 */
@SuppressWarnings("ArrayRecordComponent") // the bytes are shared read-only from the cache
public record MapImage(String fileName, byte[] png, String altText) {
  /** Slack's alt_txt takes 1000 characters; Discord's description 1024. */
  public static final int MAX_ALT = 1000;

  public MapImage {
    Objects.requireNonNull(png, "png");
    if (!fileName.matches("[A-Za-z0-9][A-Za-z0-9.-]{0,99}")) {
      throw new IllegalArgumentException("not a safe file name: " + fileName);
    }
    if (altText.length() > MAX_ALT) {
      altText = altText.substring(0, MAX_ALT - 1) + "…";
    }
  }
}
