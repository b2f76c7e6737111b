package org.watch287g.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.HyperLink;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.watch287g.dataset.Publication;
import org.watch287g.source.SpreadsheetParser;

/**
 * The workbooks of the ingest section: a synthetic ICE list of any size in the 2025+ layout (the
 * real 2026-05-18 header, its data rows repeated with numbered agency names), the child-JVM parse
 * that reports its peak heap, and the Apache POI usermodel parse used as a yardstick.
 */
final class Workbooks {
  private Workbooks() {}

  /** IceColumn of the agency name and of the MOA link in the 2025+ layout. */
  private static final int AGENCY_COLUMN = 1;

  private static final int MOA_COLUMN = 6;

  /**
   * Writes {@code rows} data rows after the real file's rows up to and including its header.
   *
   * @param real the real workbook whose header and data rows are copied
   */
  static void writeSynthetic(byte[] real, int rows, OutputStream out) throws IOException {
    List<List<Object>> copied = new ArrayList<>();
    int headerRows = 0;
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(real))) {
      List<org.dhatim.fastexcel.reader.Row> all = workbook.getFirstSheet().read();
      for (org.dhatim.fastexcel.reader.Row row : all) {
        List<Object> values = new ArrayList<>();
        for (int column = 0; column < row.getCellCount(); column++) {
          org.dhatim.fastexcel.reader.Cell cell = row.getCell(column);
          values.add(cell == null ? null : cell.getValue());
        }
        copied.add(values);
        if (headerRows == 0 && values.contains("LAW ENFORCEMENT AGENCY")) {
          headerRows = copied.size();
        }
      }
    }
    if (headerRows == 0) {
      throw new IllegalStateException("no header row in the real file");
    }
    List<List<Object>> data = copied.subList(headerRows, copied.size());
    Workbook workbook = new Workbook(out, "watch287g-bench", "1.0");
    Worksheet sheet = workbook.newWorksheet("Sheet1");
    for (int r = 0; r < headerRows; r++) {
      writeRow(sheet, r, copied.get(r), -1);
    }
    for (int n = 0; n < rows; n++) {
      writeRow(sheet, headerRows + n, data.get(n % data.size()), n);
      if (n % 1000 == 999) {
        sheet.flush(); // keeps the writer's memory flat
      }
    }
    workbook.finish();
  }

  private static void writeRow(Worksheet sheet, int r, List<Object> values, int number) {
    for (int column = 0; column < values.size(); column++) {
      Object value = values.get(column);
      if (value == null) {
        continue;
      }
      if (number >= 0 && column == MOA_COLUMN) {
        sheet.hyperlink(
            r,
            column,
            new HyperLink(
                "https://www.ice.gov/doclib/287gMOA/synthetic" + number + ".pdf", "link"));
      } else if (number >= 0 && column == AGENCY_COLUMN) {
        sheet.value(r, column, value + " No. " + number);
      } else if (value instanceof java.math.BigDecimal decimal) {
        sheet.value(r, column, decimal);
        sheet.style(r, column).format("m/d/yyyy").set();
      } else {
        sheet.value(r, column, value.toString());
      }
    }
  }

  /**
   * Child JVM entry point: parses the workbook at {@code args[0]} with the bot's streaming parser
   * and prints {@code rows=N millis=M peakHeapBytes=B} (the sum of the heap pools' peaks, reset
   * after the file is read so the raw bytes' buffer counts but nothing before it).
   */
  public static void main(String[] args) throws Exception {
    byte[] content = Files.readAllBytes(Path.of(args[0]));
    System.gc();
    List<MemoryPoolMXBean> heap = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heap.add(pool);
        pool.resetPeakUsage();
      }
    }
    long start = System.nanoTime();
    Publication publication = new SpreadsheetParser().parse(content, "synthetic.xlsx");
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    System.out.printf(
        "rows=%d millis=%d peakHeapBytes=%d%n", publication.agreements().size(), millis, peak);
  }

  /**
   * The same columns read with Apache POI's usermodel ({@link XSSFWorkbook}), as most Java code
   * would: every cell of every row formatted to text, the date column as a date. Returns the number
   * of data rows with an agency, to keep the work from being optimised away.
   */
  static int parseWithPoi(byte[] content) throws IOException {
    DataFormatter formatter = new DataFormatter();
    int agencies = 0;
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      Sheet sheet = workbook.getSheetAt(0);
      // Read once: XSSFSheet.getHyperlink(row, column) scans the whole list on every call.
      Map<String, String> links = new HashMap<>();
      for (var link : ((XSSFSheet) sheet).getHyperlinkList()) {
        links.put(link.getCellRef(), link.getAddress());
      }
      Optional<Row> header = Optional.empty();
      for (Row row : sheet) {
        if (header.isEmpty()) {
          for (Cell cell : row) {
            if (cell.getCellType() == CellType.STRING
                && cell.getStringCellValue().equals("LAW ENFORCEMENT AGENCY")) {
              header = Optional.of(row);
            }
          }
          continue;
        }
        List<String> values = new ArrayList<>();
        for (int column = 0; column < header.get().getLastCellNum(); column++) {
          Cell cell = row.getCell(column);
          if (cell == null) {
            values.add("");
          } else if (cell.getCellType() == CellType.NUMERIC) {
            values.add(String.valueOf(cell.getLocalDateTimeCellValue()));
          } else {
            values.add(formatter.formatCellValue(cell));
          }
          if (cell != null) {
            String link = links.get(cell.getAddress().formatAsString());
            if (link != null) {
              values.add(link);
            }
          }
        }
        if (!values.get(AGENCY_COLUMN).isBlank()) {
          agencies++;
        }
      }
    }
    return agencies;
  }
}
