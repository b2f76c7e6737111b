package org.watch287g.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * One Slack message: Block Kit blocks and the plain-text fallback Slack shows in notifications and
 * to clients that cannot draw blocks.
 */
record SlackMessage(String text, List<LayoutBlock> blocks) {
  SlackMessage {
    blocks = List.copyOf(blocks);
  }
}
