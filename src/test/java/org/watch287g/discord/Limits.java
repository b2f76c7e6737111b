package org.watch287g.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Discord's limits on a message (discord-api-docs, message resource), checked on the JSON a bot
 * sent, independently of the renderer's own arithmetic.
 */
final class Limits {
  private Limits() {}

  /** What breaks a limit; empty when the message is within all of them. */
  static List<String> problems(JsonNode message) {
    List<String> out = new ArrayList<>();
    String content = message.path("content").asText("");
    if (content.length() > 2000) {
      out.add("content " + content.length());
    }
    JsonNode embeds = message.path("embeds");
    if (embeds.size() > 10) {
      out.add(embeds.size() + " embeds");
    }
    int total = 0;
    for (JsonNode e : embeds) {
      total += check(out, "title", e.path("title"), 256);
      total += check(out, "description", e.path("description"), 4096);
      total += check(out, "footer", e.path("footer").path("text"), 2048);
      total += check(out, "author", e.path("author").path("name"), 256);
      JsonNode fields = e.path("fields");
      if (fields.size() > 25) {
        out.add(fields.size() + " fields");
      }
      for (JsonNode f : fields) {
        total += check(out, "field name", f.path("name"), 256);
        total += check(out, "field value", f.path("value"), 1024);
      }
    }
    if (total > 6000) {
      out.add("embeds total " + total);
    }
    return out;
  }

  private static int check(List<String> out, String what, JsonNode text, int max) {
    int length = text.asText("").length();
    if (length > max) {
      out.add(what + " " + length + " > " + max);
    }
    return length;
  }
}
