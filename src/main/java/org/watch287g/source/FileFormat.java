package org.watch287g.source;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watch287g.dataset.CellText;

/**
 * What a download is, told from its first bytes (never from its name or Content-Type, which lie
 * when a firewall answers in ICE's place).
 */
enum FileFormat {
  /** Nothing but whitespace or a byte-order mark. */
  EMPTY,
  /** A ZIP archive: an XLSX workbook, or something pretending to be one. */
  XLSX,
  /** An OLE2 compound file: an Excel 97-2003 .xls, or a password-protected .xlsx. */
  OLE2,
  /** Markup that looks like an HTML page (an error page, a login wall, "Access Denied"). */
  HTML,
  /** Other markup, e.g. an XML error document from a storage service. */
  XML,
  /** Anything else, read as CSV. */
  TEXT;

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] OLE2_MAGIC = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };
  private static final int SNIFF_BYTES = 64 * 1024;
  private static final Pattern HTML_MARK =
      Pattern.compile(
          "<(?:!doctype\\s+html|html|head|body|title|meta|script)[\\s>/]",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern TITLE =
      Pattern.compile("<title[^>]*>(.*?)</title", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final int TITLE_CHARS = 80;

  /** The format of these bytes. */
  static FileFormat of(byte[] content) {
    int start = firstNonBlank(content);
    if (start == content.length) {
      return EMPTY;
    }
    if (isZip(content)) {
      return XLSX;
    }
    if (startsWith(content, OLE2_MAGIC)) {
      return OLE2;
    }
    if (content[start] != '<') {
      return TEXT;
    }
    return HTML_MARK.matcher(head(content)).find() ? HTML : XML;
  }

  // "PK" then 3-4 (a local file header), 5-6 (an empty archive) or 7-8 (a spanned archive).
  private static boolean isZip(byte[] c) {
    return c.length >= 4 && c[0] == 'P' && c[1] == 'K' && c[2] % 2 == 1 && c[3] == c[2] + 1;
  }

  /** How many bytes of UTF-8 byte-order mark the content starts with: 0 or 3. */
  static int bomLength(byte[] content) {
    return startsWith(content, UTF8_BOM) ? UTF8_BOM.length : 0;
  }

  /** The page's title, cleaned and shortened, or "" when it has none. */
  static String htmlTitle(byte[] content) {
    Matcher m = TITLE.matcher(head(content));
    if (!m.find()) {
      return "";
    }
    String title = CellText.clean(unescape(m.group(1).replaceAll("<[^>]*>", " ")));
    return title.length() <= TITLE_CHARS ? title : title.substring(0, TITLE_CHARS) + "...";
  }

  private static String head(byte[] content) {
    int start = bomLength(content);
    int length = Math.min(content.length - start, SNIFF_BYTES);
    return new String(content, start, length, StandardCharsets.UTF_8);
  }

  private static String unescape(String text) {
    return text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }

  private static int firstNonBlank(byte[] content) {
    int i = bomLength(content);
    while (i < content.length
        && (content[i] == ' ' || (content[i] >= '\t' && content[i] <= '\r'))) {
      i++;
    }
    return i;
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    if (content.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (content[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
