package org.watch287g.maps;

import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Objects;

/**
 * The outline of one county or state in the Albers USA frame (975 x 610 pixels, y down; Alaska and
 * Hawaii as insets), in units of {@link Outlines#UNITS} per pixel.
 *
 * @param id the 5-digit county FIPS or the 2-digit state FIPS
 * @param name the Census name ("Harris", "Texas")
 * @param points the rings' points, x and y interleaved, one ring after another
 * @param ringEnds where each ring ends in {@code points} (exclusive, in points, not shorts)
 */
@SuppressWarnings("ArrayRecordComponent") // never exposed: read only through the methods below
public record Outline(String id, String name, short[] points, int[] ringEnds) {
  public Outline {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }

  /** The outline as a path in the frame's pixels, transformed; holes by the even-odd rule. */
  public Path2D.Float path(AffineTransform transform) {
    Path2D.Float path = new Path2D.Float(Path2D.WIND_EVEN_ODD, points.length / 2 + ringEnds.length);
    double scale = 1.0 / Outlines.UNITS;
    double[] p = new double[2];
    int start = 0;
    for (int end : ringEnds) {
      for (int i = start; i < end; i++) {
        p[0] = points[2 * i] * scale;
        p[1] = points[2 * i + 1] * scale;
        transform.transform(p, 0, p, 0, 1);
        if (i == start) {
          path.moveTo(p[0], p[1]);
        } else {
          path.lineTo(p[0], p[1]);
        }
      }
      path.closePath();
      start = end;
    }
    return path;
  }

  /** The bounds in the frame's pixels. */
  public Rectangle2D bounds() {
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = Integer.MIN_VALUE;
    int maxY = Integer.MIN_VALUE;
    for (int i = 0; i < points.length; i += 2) {
      minX = Math.min(minX, points[i]);
      maxX = Math.max(maxX, points[i]);
      minY = Math.min(minY, points[i + 1]);
      maxY = Math.max(maxY, points[i + 1]);
    }
    double s = Outlines.UNITS;
    return new Rectangle2D.Double(minX / s, minY / s, (maxX - minX) / s, (maxY - minY) / s);
  }

  /** Bytes this outline holds on the heap (arrays and their headers, the two strings). */
  long heapBytes() {
    return 16L
        + 2L * points.length
        + 16
        + 4L * ringEnds.length
        + 16
        + 56
        + 2L * id.length()
        + 2L * name.length()
        + 24;
  }
}
