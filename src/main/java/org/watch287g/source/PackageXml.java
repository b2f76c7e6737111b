package org.watch287g.source;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads the two kinds of XLSX part that {@link SheetHyperlinks} needs, with StAX.
 *
 * <p>The factory refuses DTDs and external entities: a workbook is untrusted input, and neither
 * feature has a place in OOXML. Elements are matched by local name, so prefixed documents ({@code
 * <x:hyperlink>}, as some generators write) read the same.
 */
final class PackageXml {
  private static final XMLInputFactory FACTORY = secureFactory();

  private PackageXml() {}

  private static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }

  /** The Id -> Target map of a relationships part ({@code *.rels}). */
  static Map<String, String> relationships(InputStream in) throws XMLStreamException {
    Map<String, String> targets = new HashMap<>();
    XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
    try {
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT
            && xml.getLocalName().equals("Relationship")) {
          String id = xml.getAttributeValue(null, "Id");
          String target = xml.getAttributeValue(null, "Target");
          if (id != null && target != null) {
            targets.put(id, target);
          }
        }
      }
    } finally {
      xml.close();
    }
    return targets;
  }

  /** A {@code <hyperlink>} of a worksheet: a cell or range and the relationship holding its URL. */
  record Hyperlink(String ref, String relationshipId) {}

  /**
   * The external hyperlinks of a worksheet part. Stops at the end of {@code <hyperlinks>}, which
   * Excel writes after the cell data.
   */
  static List<Hyperlink> hyperlinks(InputStream in) throws XMLStreamException {
    List<Hyperlink> links = new ArrayList<>();
    XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
    try {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("hyperlinks")) {
          break;
        }
        if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("hyperlink")) {
          String ref = xml.getAttributeValue(null, "ref");
          String id = relationshipId(xml);
          if (ref != null && id != null) {
            links.add(new Hyperlink(ref, id));
          }
        }
      }
    } finally {
      xml.close();
    }
    return links;
  }

  // r:id in transitional OOXML, but strict OOXML names the namespace differently; match either.
  private static @Nullable String relationshipId(XMLStreamReader xml) {
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      String ns = xml.getAttributeNamespace(i);
      if (xml.getAttributeLocalName(i).equals("id") && ns != null && ns.contains("relationships")) {
        return xml.getAttributeValue(i);
      }
    }
    return null;
  }
}
