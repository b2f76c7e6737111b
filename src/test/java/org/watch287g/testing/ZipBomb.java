package org.watch287g.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Real workbooks with parts that inflate to far more than they weigh: the text of a part is written
 * a chunk at a time through the deflater, so a test can make a 200 MB part in well under a megabyte
 * without ever holding 200 MB.
 */
public final class ZipBomb {
  private static final int CHUNK = 1 << 20;

  private ZipBomb() {}

  /** What a part holds: {@code head}, then {@code unit} {@code times} over, then {@code tail}. */
  public record Part(String name, String head, String unit, long times, String tail) {
    public long inflatedBytes() {
      return head.length() + unit.length() * times + tail.length();
    }
  }

  /** {@code xlsx} with each part replacing the entry of its name, or added when it has none. */
  public static byte[] of(byte[] xlsx, Part... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Path file = Files.createTempFile("watch287g-bomb", ".xlsx");
      try (ZipFile in = new ZipFile(Files.write(file, xlsx).toFile());
          ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.setLevel(Deflater.BEST_COMPRESSION);
        for (ZipEntry e : Collections.list(in.entries())) {
          if (find(parts, e.getName()) == null) {
            zip.putNextEntry(new ZipEntry(e.getName()));
            zip.write(in.getInputStream(e).readAllBytes());
            zip.closeEntry();
          }
        }
        for (Part part : parts) {
          write(zip, part);
        }
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static @org.jspecify.annotations.Nullable Part find(Part[] parts, String name) {
    for (Part p : parts) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  private static void write(ZipOutputStream zip, Part part) throws IOException {
    zip.putNextEntry(new ZipEntry(part.name()));
    zip.write(part.head().getBytes(StandardCharsets.UTF_8));
    byte[] unit = part.unit().getBytes(StandardCharsets.UTF_8);
    int perChunk = Math.max(1, CHUNK / unit.length);
    byte[] chunk = part.unit().repeat(perChunk).getBytes(StandardCharsets.UTF_8);
    long left = part.times();
    for (; left >= perChunk; left -= perChunk) {
      zip.write(chunk);
    }
    for (; left > 0; left--) {
      zip.write(unit);
    }
    zip.write(part.tail().getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
