package org.watch287g.commands;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A file a reply carries, such as the full list of a state as CSV. Each platform delivers it its
 * own way (a Discord attachment, a Slack code block, a file or stdout on the console).
 *
 * @param fileName a safe file name ("287g-TX-2026-05-18.csv"): letters, digits, '-' and '.'
 * @param mediaType its media type ("text/csv")
 * @param content the file's text
 */
public record Attachment(String fileName, String mediaType, String content) {
  public Attachment {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(content, "content");
    if (!fileName.matches("[A-Za-z0-9][A-Za-z0-9.-]{0,99}")) {
      throw new IllegalArgumentException("not a safe file name: " + fileName);
    }
  }

  /** The content as UTF-8 bytes. */
  public byte[] bytes() {
    return content.getBytes(StandardCharsets.UTF_8);
  }
}
