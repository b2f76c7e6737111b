package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which answers from Slack mean the token is refused (stop) rather than a failure (retry). */
class SlackRefusalTest {
  @Test
  @DisplayName("revoked unknown and inactive tokens are refusals")
  void revokedUnknownAndInactiveTokensAreRefusals() {
    for (String e :
        new String[] {
          "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"
        }) {
      assertTrue(SlackPlatform.refuses(e), e);
    }
  }

  @Test
  @DisplayName("server trouble and nothing at all are not refusals")
  void serverTroubleAndNothingAtAllAreNotRefusals() {
    assertFalse(SlackPlatform.refuses("fatal_error"));
    assertFalse(SlackPlatform.refuses("internal_error"));
    assertFalse(SlackPlatform.refuses("ratelimited"));
    assertFalse(SlackPlatform.refuses(null));
  }
}
