package org.watch287g.source;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Random access to the entries of an in-memory ZIP archive, through its central directory.
 *
 * <p>Why not {@link java.util.zip.ZipInputStream}: it trusts the local headers, and streaming
 * writers (fastexcel's own, via opczip) leave their sizes at zero and put them in ZIP64 data
 * descriptors it cannot read ("invalid entry size"). The central directory always has them. Only
 * STORED and DEFLATED entries are read; ZIP64 sizes and offsets are understood.
 *
 * <p>Every entry is inflated through a {@link BoundedEntryStream}: the sizes a directory declares
 * are the attacker's to choose, so what counts is what the bytes actually inflate to, against the
 * archive's {@link WorkbookLimits}.
 */
final class ZipArchive {
  private static final int END_SIGNATURE = 0x06054b50;
  private static final int CENTRAL_SIGNATURE = 0x02014b50;
  private static final int LOCAL_SIGNATURE = 0x04034b50;
  private static final int END_SIZE = 22;
  private static final int MAX_COMMENT = 0xFFFF;
  private static final long ZIP64_MARK = 0xFFFFFFFFL;

  private record Entry(String name, int method, long compressedSize, long localOffset) {}

  private final byte[] bytes;
  private final List<Entry> inOrder;
  private final Map<String, Entry> entries;
  private final WorkbookLimits limits;
  private final InflationBudget budget;

  private ZipArchive(byte[] bytes, List<Entry> inOrder, WorkbookLimits limits) {
    this.bytes = bytes;
    this.inOrder = inOrder;
    this.entries = new HashMap<>(inOrder.size() * 2);
    for (Entry e : inOrder) {
      entries.putIfAbsent(e.name(), e);
    }
    this.limits = limits;
    this.budget = new InflationBudget(limits.totalBytes());
  }

  /** As {@link #of(byte[], WorkbookLimits)} with the limits ICE's workbooks are read under. */
  static ZipArchive of(byte[] bytes) throws ZipException {
    return of(bytes, WorkbookLimits.DEFAULT);
  }

  /**
   * Reads the archive's directory.
   *
   * @param limits what its entries may inflate to, each and all together (over the archive's life)
   * @throws ZipException when the bytes are not a complete ZIP archive
   */
  static ZipArchive of(byte[] bytes, WorkbookLimits limits) throws ZipException {
    int end = findEnd(bytes);
    int count = u16(bytes, end + 10);
    int at = (int) u32(bytes, end + 16);
    List<Entry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      check(bytes, at, 46);
      if (u32(bytes, at) != CENTRAL_SIGNATURE) {
        throw new ZipException("bad central directory entry");
      }
      int nameLength = u16(bytes, at + 28);
      int extraLength = u16(bytes, at + 30);
      check(bytes, at + 46, nameLength + extraLength);
      String name = new String(bytes, at + 46, nameLength, StandardCharsets.UTF_8);
      entries.add(entry(name, bytes, at, at + 46 + nameLength, extraLength));
      at += 46 + nameLength + extraLength + u16(bytes, at + 32);
    }
    return new ZipArchive(bytes, entries, limits);
  }

  /** How many entries the directory lists, duplicates included. */
  int size() {
    return inOrder.size();
  }

  /** The name of the {@code index}th entry of the directory. */
  String name(int index) {
    return inOrder.get(index).name();
  }

  /**
   * The uncompressed content of an entry, or null when the archive has no such entry. Like
   * fastexcel, falls back to a case-insensitive match of the name.
   *
   * @throws ZipException when the entry cannot be located or uses another compression method
   */
  @Nullable BoundedEntryStream open(String name) throws ZipException {
    Entry entry = find(name);
    return entry == null ? null : open(entry);
  }

  /** The uncompressed content of the {@code index}th entry of the directory. */
  BoundedEntryStream open(int index) throws ZipException {
    return open(inOrder.get(index));
  }

  private BoundedEntryStream open(Entry entry) throws ZipException {
    String name = entry.name();
    int local = checkedInt(entry.localOffset());
    check(bytes, local, 30);
    if (u32(bytes, local) != LOCAL_SIGNATURE) {
      throw new ZipException("bad local header for " + name);
    }
    int data = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    int size = checkedInt(entry.compressedSize());
    check(bytes, data, size);
    InputStream raw = new ByteArrayInputStream(bytes, data, size);
    InputStream content =
        switch (entry.method()) {
          case 0 -> raw;
          case 8 -> new InflaterInputStream(raw, new Inflater(true));
          default ->
              throw new ZipException(
                  "unsupported compression method " + entry.method() + " for " + name);
        };
    return new BoundedEntryStream(content, name, limits, budget);
  }

  private @Nullable Entry find(String name) {
    Entry exact = entries.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static Entry entry(String name, byte[] b, int header, int extra, int extraLength)
      throws ZipException {
    long uncompressed = u32(b, header + 24);
    long compressed = u32(b, header + 20);
    long offset = u32(b, header + 42);
    // ZIP64: the 32-bit fields hold 0xFFFFFFFF and the real values sit in extra field 0x0001.
    for (int at = extra; at + 4 <= extra + extraLength; at += 4 + u16(b, at + 2)) {
      if (u16(b, at) == 1) {
        int v = at + 4;
        if (uncompressed == ZIP64_MARK) {
          v += 8;
        }
        if (compressed == ZIP64_MARK) {
          compressed = u64(b, v);
          v += 8;
        }
        if (offset == ZIP64_MARK) {
          offset = u64(b, v);
        }
      }
    }
    return new Entry(name, u16(b, header + 10), compressed, offset);
  }

  // The end-of-central-directory record is the last 22 bytes, unless a comment follows it.
  private static int findEnd(byte[] b) throws ZipException {
    int last = b.length - END_SIZE;
    for (int at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
      if (u32(b, at) == END_SIGNATURE) {
        return at;
      }
    }
    throw new ZipException("no end of central directory: truncated archive");
  }

  private static void check(byte[] b, int at, int length) throws ZipException {
    if (at < 0 || length < 0 || at > b.length - length) {
      throw new ZipException("entry beyond the end of the archive: truncated archive");
    }
  }

  private static int checkedInt(long value) throws ZipException {
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new ZipException("entry too large");
    }
    return (int) value;
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  private static long u32(byte[] b, int at) {
    return u16(b, at) | (long) u16(b, at + 2) << 16;
  }

  private static long u64(byte[] b, int at) throws ZipException {
    check(b, at, 8);
    return u32(b, at) | u32(b, at + 4) << 32;
  }
}
