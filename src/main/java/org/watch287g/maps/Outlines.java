package org.watch287g.maps;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The county and state outlines bundled in the jar ({@code maps/us-albers.bin}, written by {@code
 * tools/build-maps.py} from the us-atlas 2023 TopoJSON; see NOTICE): the 50 states and DC, in the
 * Albers USA frame. Territories are not in it.
 *
 * <p>Read once, on first use (about 30 ms), and kept: about 0.5 MB of shorts, so that a map is
 * drawn without parsing anything. Immutable and thread-safe.
 */
public final class Outlines {
  /** Units per pixel of the 975 x 610 frame in which the outlines are stored. */
  static final int UNITS = 32;

  /** The frame's size in pixels. */
  public static final int FRAME_WIDTH = 975;

  public static final int FRAME_HEIGHT = 610;

  static final String RESOURCE = "/maps/us-albers.bin";
  private static final byte[] MAGIC = "W287MAP".getBytes(StandardCharsets.US_ASCII);

  /** Bounds on what is read, so that a damaged resource fails instead of filling the heap. */
  private static final int MAX_SHAPES = 10_000;

  private static final int MAX_POINTS = 1_000_000;

  private final Map<String, Outline> counties;
  private final Map<String, Outline> states;

  private Outlines(Map<String, Outline> counties, Map<String, Outline> states) {
    this.counties = Collections.unmodifiableMap(counties);
    this.states = Collections.unmodifiableMap(states);
  }

  private static final class Holder {
    static final Outlines BUNDLED = load();
  }

  /** The bundled outlines, read on first use. */
  public static Outlines bundled() {
    return Holder.BUNDLED;
  }

  private static Outlines load() {
    try (InputStream in = Outlines.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + RESOURCE);
      }
      return read(new DataInputStream(new BufferedInputStream(new GZIPInputStream(in))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static Outlines read(DataInputStream in) throws IOException {
    byte[] magic = new byte[MAGIC.length];
    in.readFully(magic);
    int version = in.readUnsignedByte();
    int units = in.readInt();
    if (!Arrays.equals(magic, MAGIC) || version != 1 || units != UNITS) {
      throw new IOException("not a version 1 outline file with " + UNITS + " units per pixel");
    }
    int[] budget = {MAX_POINTS};
    Map<String, Outline> counties = shapes(in, budget);
    Map<String, Outline> states = shapes(in, budget);
    return new Outlines(counties, states);
  }

  private static Map<String, Outline> shapes(DataInputStream in, int[] budget) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > MAX_SHAPES) {
      throw new IOException("implausible shape count " + count);
    }
    Map<String, Outline> shapes = new LinkedHashMap<>();
    for (int s = 0; s < count; s++) {
      String id = in.readUTF();
      String name = in.readUTF();
      int rings = in.readShort();
      int[] ends = new int[rings];
      short[][] parts = new short[rings][];
      int total = 0;
      for (int r = 0; r < rings; r++) {
        int n = in.readInt();
        budget[0] -= n;
        if (n < 1 || budget[0] < 0) {
          throw new IOException("implausible ring of " + n + " points in " + id);
        }
        short[] ring = new short[2 * n];
        short x = in.readShort();
        short y = in.readShort();
        ring[0] = x;
        ring[1] = y;
        for (int i = 1; i < n; i++) {
          x += in.readShort();
          y += in.readShort();
          ring[2 * i] = x;
          ring[2 * i + 1] = y;
        }
        parts[r] = ring;
        total += n;
        ends[r] = total;
      }
      short[] points = new short[2 * total];
      int at = 0;
      for (short[] ring : parts) {
        System.arraycopy(ring, 0, points, at, ring.length);
        at += ring.length;
      }
      shapes.put(id, new Outline(id, name, points, ends));
    }
    return shapes;
  }

  /** A county's outline by its 5-digit FIPS; empty for codes not drawn (territories). */
  public Optional<Outline> county(String fips) {
    return Optional.ofNullable(counties.get(fips));
  }

  /** A state's outline by its 2-digit FIPS. */
  public Optional<Outline> state(String fips) {
    return Optional.ofNullable(states.get(fips));
  }

  /** Every county's outline, by FIPS. */
  public Collection<Outline> counties() {
    return counties.values();
  }

  /** Every state's outline, by FIPS. */
  public Collection<Outline> states() {
    return states.values();
  }

  /**
   * The heap the outlines hold, in bytes: their arrays, strings and records, and the maps' entries
   * (counted from the arrays' lengths with a 64-bit JVM's compressed headers, so an estimate to a
   * few percent).
   */
  public long heapBytes() {
    long bytes = 0;
    for (Outline o : counties.values()) {
      bytes += o.heapBytes() + 48;
    }
    for (Outline o : states.values()) {
      bytes += o.heapBytes() + 48;
    }
    return bytes;
  }
}
