package org.watch287g.slack;

import java.util.List;

/**
 * What one of the "Add to Slack" pages says, for the {@code slack_oauth} template (which escapes
 * every value).
 *
 * @param title the heading
 * @param text one paragraph
 * @param button the "Add to Slack" link, or empty for none
 * @param steps what to do next, in order; may be empty
 */
public record OAuthPage(String title, String text, String button, List<String> steps) {
  public OAuthPage {
    steps = List.copyOf(steps);
  }
}
