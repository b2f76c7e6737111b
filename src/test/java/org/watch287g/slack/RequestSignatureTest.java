package org.watch287g.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.watch287g.slack.RequestSignature.Verdict;
import org.watch287g.testing.FakeClock;

class RequestSignatureTest {
  // Slack's own worked example ("Verifying requests from Slack"), so the check is Slack's, not
  // ours agreeing with itself.
  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String TS = "1531420618";
  static final byte[] BODY =
      ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id="
              + "G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command="
              + "%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F"
              + "T1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015."
              + "47445629121.803a0bc887a14d10d2c447fce8b6703c")
          .getBytes(StandardCharsets.UTF_8);
  static final String SIGNATURE =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  final FakeClock clock = new FakeClock(Instant.ofEpochSecond(1531420618).plusSeconds(10));
  final RequestSignature check = new RequestSignature(SECRET, clock);

  @Test
  @DisplayName("slacks worked example is valid")
  void slacksWorkedExampleIsValid() {
    assertEquals(Verdict.VALID, check.check(TS, SIGNATURE, BODY));
  }

  @Test
  @DisplayName("one byte more in the body is forged")
  void oneByteMoreInTheBodyIsForged() {
    byte[] longer = java.util.Arrays.copyOf(BODY, BODY.length + 1);
    longer[BODY.length] = 'x';

    assertEquals(Verdict.FORGED, check.check(TS, SIGNATURE, longer));
  }

  @Test
  @DisplayName("the right signature under another secret is forged")
  void theRightSignatureUnderAnotherSecretIsForged() {
    RequestSignature other = new RequestSignature("another-secret", clock);

    assertEquals(Verdict.FORGED, other.check(TS, SIGNATURE, BODY));
  }

  @Test
  @DisplayName("a missing header or a timestamp that is not seconds is missing")
  void aMissingHeaderOrATimestampThatIsNotSecondsIsMissing() {
    assertEquals(Verdict.MISSING, check.check(null, SIGNATURE, BODY));
    assertEquals(Verdict.MISSING, check.check(TS, null, BODY));
    assertEquals(Verdict.MISSING, check.check("1531420618.5", SIGNATURE, BODY));
    assertEquals(Verdict.MISSING, check.check("-1531420618", SIGNATURE, BODY));
    assertEquals(Verdict.MISSING, check.check("9".repeat(40), SIGNATURE, BODY));
  }

  @Test
  @DisplayName("a timestamp over five minutes old is stale even when signed")
  void aTimestampOverFiveMinutesOldIsStaleEvenWhenSigned() {
    clock.advance(Duration.ofMinutes(6));

    assertEquals(Verdict.STALE, check.check(TS, SIGNATURE, BODY));
  }

  @Test
  @DisplayName("a timestamp over a minute ahead is refused and one within the skew accepted")
  void aTimestampOverAMinuteAheadIsRefusedAndOneWithinTheSkewAccepted() {
    RequestSignature early =
        new RequestSignature(SECRET, new FakeClock(Instant.ofEpochSecond(1531420618 - 120)));
    RequestSignature slightlyEarly =
        new RequestSignature(SECRET, new FakeClock(Instant.ofEpochSecond(1531420618 - 30)));

    assertEquals(Verdict.FUTURE, early.check(TS, SIGNATURE, BODY));
    assertEquals(Verdict.VALID, slightlyEarly.check(TS, SIGNATURE, BODY));
  }
}
