package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which answers from Slack mean the token is refused (stop) rather than a failure (retry). */
class SlackRefusalTest {
  @Test
  void revoked_unknown_and_inactive_tokens_are_refusals() {
    for (String e :
        new String[] {
          "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"
        }) {
      assertTrue(SlackPlatform.refuses(e), e);
    }
  }

  @Test
  void server_trouble_and_nothing_at_all_are_not_refusals() {
    assertFalse(SlackPlatform.refuses("fatal_error"));
    assertFalse(SlackPlatform.refuses("internal_error"));
    assertFalse(SlackPlatform.refuses("ratelimited"));
    assertFalse(SlackPlatform.refuses(null));
  }
}
