package org.watch287g.source;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.watch287g.dataset.CellText;

/**
 * Reads a whole XLSX workbook once, holding nothing, to check it stays within its {@link
 * WorkbookLimits} before fastexcel is given it.
 *
 * <p>Why before: fastexcel inflates with commons-compress and no bound, keeps every shared string,
 * and pads a row out to the column its cells name ({@code r="ZZZZZZ1"} is 321 million cells), so a
 * workbook of a few hundred kilobytes can exhaust any heap from inside it. Here every entry of the
 * directory (duplicates and parts no relationship names included, since fastexcel may find a part
 * by a name this class would not guess) is inflated through a {@link BoundedEntryStream} and, when
 * it is XML, read with StAX (the same implementation fastexcel uses, found the same way) for its
 * strings and cells. A part that is not XML is only counted: if fastexcel ever reads it, it fails
 * at the same place this reader did.
 */
final class WorkbookBounds {
  private static final XMLInputFactory FACTORY = secureFactory();

  private WorkbookBounds() {}

  private static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }

  /**
   * Checks every part of the workbook against {@code limits}.
   *
   * @throws UnreadablePublicationException naming the part and the limit it passed, or saying the
   *     archive is corrupt when its directory cannot be read
   */
  static void check(byte[] xlsx, WorkbookLimits limits) throws UnreadablePublicationException {
    try {
      ZipArchive zip = ZipArchive.of(xlsx, limits);
      for (int i = 0; i < zip.size(); i++) {
        try (BoundedEntryStream part = zip.open(i)) {
          checkPart(zip.name(i), part, limits);
        }
      }
    } catch (WorkbookLimitException e) {
      throw refused(e);
    } catch (IOException e) {
      throw new UnreadablePublicationException(
          "the workbook is corrupt or truncated ("
              + CellText.clean(String.valueOf(e.getMessage()))
              + ")",
          e);
    }
  }

  private static void checkPart(String name, BoundedEntryStream part, WorkbookLimits limits)
      throws IOException {
    part.watchText();
    try {
      new PartReader(name, limits).read(FACTORY.createXMLStreamReader(part));
    } catch (XMLStreamException | RuntimeException e) {
      // Aalto reports what the stream under it threw as unchecked exceptions from its lazy getters.
      WorkbookLimitException limit = part.exceeded();
      if (limit != null) {
        throw limit;
      }
      // Not XML, or not well formed: count what is left of it all the same.
      part.ignoreText();
    }
    part.transferTo(OutputStream.nullOutputStream());
  }

  private static UnreadablePublicationException refused(WorkbookLimitException e) {
    return new UnreadablePublicationException("refused unread: " + e.getMessage(), e);
  }

  /** The checks on one XML part: string lengths, cells per row, the columns cells name. */
  private static final class PartReader {
    private final String name;
    private final WorkbookLimits limits;
    private boolean inString;
    private long stringChars;
    private int cellsInRow;

    PartReader(String name, WorkbookLimits limits) {
      this.name = name;
      this.limits = limits;
    }

    void read(XMLStreamReader xml) throws XMLStreamException, WorkbookLimitException {
      try {
        while (xml.hasNext()) {
          switch (xml.next()) {
            case XMLStreamConstants.START_ELEMENT -> start(xml);
            case XMLStreamConstants.END_ELEMENT -> end(xml.getLocalName());
            case XMLStreamConstants.CHARACTERS,
                XMLStreamConstants.CDATA,
                XMLStreamConstants.SPACE ->
                text(xml.getTextLength());
            default -> {}
          }
        }
      } finally {
        xml.close();
      }
    }

    private void start(XMLStreamReader xml) throws WorkbookLimitException {
      switch (xml.getLocalName()) {
        case "row" -> cellsInRow = 0;
        case "c" -> cell(xml.getAttributeValue(null, "r"));
        // A shared string (si) or an inline one (is): fastexcel joins all its text runs into one.
        case "si", "is" -> {
          inString = true;
          stringChars = 0;
        }
        default -> {}
      }
    }

    private void end(String localName) {
      if (localName.equals("si") || localName.equals("is")) {
        inString = false;
      }
    }

    private void text(int length) throws WorkbookLimitException {
      if (inString) {
        stringChars += length;
        if (stringChars > limits.stringChars()) {
          throw new WorkbookLimitException(
              name
                  + " holds a string of more than "
                  + limits.stringChars()
                  + " characters, more than Excel allows in a cell");
        }
      }
    }

    private void cell(@org.jspecify.annotations.Nullable String ref) throws WorkbookLimitException {
      if (++cellsInRow > limits.columns() || (ref != null && column(ref) > limits.columns())) {
        throw new WorkbookLimitException(
            name
                + " has a cell past column "
                + limits.columns()
                + ", the last one Excel has (a row padded out that far would fill the memory)");
      }
    }

    /** The 1-based column of a reference such as "G651"; past the limit for 4 letters or more. */
    private long column(String ref) {
      long column = 0;
      for (int i = 0; i < ref.length() && i < 4; i++) {
        char c = Character.toUpperCase(ref.charAt(i));
        if (c < 'A' || c > 'Z') {
          break;
        }
        column = column * 26 + (c - 'A' + 1);
      }
      return column;
    }
  }
}
