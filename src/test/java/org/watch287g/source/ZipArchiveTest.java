package org.watch287g.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ZipArchiveTest {
  private static final byte[] RELS = "<Relationships/>".getBytes(StandardCharsets.UTF_8);

  private static byte[] read(ZipArchive zip, String name) throws IOException {
    try (InputStream in = zip.open(name)) {
      assertNotNull(in, name);
      return in.readAllBytes();
    }
  }

  private static byte[] zip(boolean stored, String comment) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setComment(comment);
      ZipEntry entry = new ZipEntry("xl/_rels/workbook.xml.rels");
      if (stored) {
        CRC32 crc = new CRC32();
        crc.update(RELS);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(RELS.length);
        entry.setCrc(crc.getValue());
      }
      zip.putNextEntry(entry);
      zip.write(RELS);
    }
    return out.toByteArray();
  }

  @Test
  @DisplayName("reads deflated and stored entries, behind an archive comment too")
  void readsEntries() throws IOException {
    assertArrayEquals(RELS, read(ZipArchive.of(zip(false, "")), "xl/_rels/workbook.xml.rels"));
    assertArrayEquals(
        RELS, read(ZipArchive.of(zip(true, "saved by hand")), "xl/_rels/workbook.xml.rels"));
  }

  @Test
  @DisplayName("finds entries whatever the case of their name, and says null for absent ones")
  void findsEntries() throws IOException {
    ZipArchive zip = ZipArchive.of(zip(false, ""));
    assertArrayEquals(RELS, read(zip, "XL/_rels/Workbook.xml.rels"));
    assertNull(zip.open("xl/workbook.xml"));
  }

  @Test
  @DisplayName(
      "reads what fastexcel's streaming writer writes (sizes only in ZIP64 data descriptors)")
  void readsStreamedWorkbooks() throws IOException {
    byte[] xlsx = new XlsxFixture().sheet("Sheet1", List.of(List.of("STATE"))).bytes();
    String sheet =
        new String(read(ZipArchive.of(xlsx), "xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
    assertTrue(sheet.contains("<sheetData>"), sheet);
  }

  @Test
  @DisplayName("refuses a truncated archive")
  void refusesTruncatedArchives() {
    byte[] real = XlsxFixture.snapshot("2025-05-16-participating.xlsx");
    assertThrows(ZipException.class, () -> ZipArchive.of(Arrays.copyOf(real, real.length / 2)));
    assertThrows(ZipException.class, () -> ZipArchive.of(new byte[10]));
  }
}
