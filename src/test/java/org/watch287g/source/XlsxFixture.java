package org.watch287g.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.HyperLink;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * Writes small workbooks with fastexcel's writer, the way Excel stores ICE's lists: shared-string
 * text, date cells with a date format, and cell hyperlinks behind the text "link".
 *
 * <p>Rows are lists of cell values: a {@link String}, a {@link LocalDate} (written as a date cell),
 * a {@link Number}, a {@link Link} (text plus hyperlink), or null for a blank cell.
 */
final class XlsxFixture {
  /** A cell showing {@code text} with an external hyperlink to {@code url}. */
  record Link(String text, String url) {}

  /** A cell with an internal hyperlink (to a place in the workbook), which is not an MOA. */
  record InternalLink(String text, String location) {}

  private final List<String> sheetNames = new ArrayList<>();
  private final List<List<List<Object>>> sheets = new ArrayList<>();

  /** Adds a sheet with these rows, the first row being row 1. */
  XlsxFixture sheet(String name, List<List<Object>> rows) {
    sheetNames.add(name);
    sheets.add(rows);
    return this;
  }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "watch287g-test", "1.0");
      for (int s = 0; s < sheets.size(); s++) {
        write(workbook.newWorksheet(sheetNames.get(s)), sheets.get(s));
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(Worksheet sheet, List<List<Object>> rows) {
    for (int r = 0; r < rows.size(); r++) {
      List<Object> row = rows.get(r);
      for (int c = 0; c < row.size(); c++) {
        write(sheet, r, c, row.get(c));
      }
    }
  }

  private static void write(Worksheet sheet, int r, int c, @Nullable Object value) {
    if (value instanceof String text) {
      sheet.value(r, c, text);
    } else if (value instanceof LocalDate date) {
      sheet.value(r, c, date);
      sheet.style(r, c).format("yyyy-mm-dd").set();
    } else if (value instanceof Number number) {
      sheet.value(r, c, number);
      sheet.style(r, c).format("m/d/yyyy").set();
    } else if (value instanceof Link link) {
      sheet.hyperlink(r, c, new HyperLink(link.url(), link.text()));
    } else if (value instanceof InternalLink link) {
      sheet.hyperlink(r, c, HyperLink.internal("'Sheet1'!" + link.location(), link.text()));
    } else if (value != null) {
      throw new IllegalArgumentException("no cell for " + value);
    }
  }

  /** The same workbook with one ZIP entry's text rewritten, e.g. to switch on the 1904 system. */
  static byte[] rewrite(byte[] xlsx, String entry, UnaryOperator<String> change) {
    // ZipFile, not ZipInputStream: fastexcel's writer leaves sizes to ZIP64 data descriptors that
    // only the central directory makes readable.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Path file = Files.createTempFile("watch287g-fixture", ".xlsx");
      try (ZipFile in = new ZipFile(Files.write(file, xlsx).toFile());
          ZipOutputStream zip = new ZipOutputStream(out)) {
        for (ZipEntry e : Collections.list(in.entries())) {
          byte[] data = in.getInputStream(e).readAllBytes();
          if (e.getName().equals(entry)) {
            String text = change.apply(new String(data, StandardCharsets.UTF_8));
            data = text.getBytes(StandardCharsets.UTF_8);
          }
          zip.putNextEntry(new ZipEntry(e.getName()));
          zip.write(data);
          zip.closeEntry();
        }
      } finally {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A real snapshot's bytes, from the classpath. */
  static byte[] snapshot(String file) {
    try (var in = XlsxFixture.class.getResourceAsStream("/snapshots/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no snapshot " + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
