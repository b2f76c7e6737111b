package org.watch287g.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a webhook request is signed, and how a receiver checks it: {@code v1=} and the hex
 * HMAC-SHA256, keyed with the webhook's secret, of the timestamp header's value, a dot, and the
 * body's bytes as sent. Signing the timestamp lets a receiver refuse an old request replayed at it
 * (the README says how long to accept: five minutes); the version prefix leaves room for another
 * scheme.
 */
public final class WebhookSignature {
  /** The header with the signature. */
  public static final String SIGNATURE = "X-Watch287g-Signature";

  /** The header with the time of signing, in whole seconds since the epoch. */
  public static final String TIMESTAMP = "X-Watch287g-Timestamp";

  /** The header with the event's id: the same on every retry, never another event's. */
  public static final String EVENT_ID = "X-Watch287g-Event-Id";

  private static final String SCHEME = "v1=";

  private WebhookSignature() {}

  /** The signature header's value for a body sent at {@code epochSeconds}. */
  public static String sign(String secret, long epochSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return SCHEME + hex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }

  /** Whether {@code signature} is this body's, compared in constant time (what a receiver does). */
  public static boolean verify(String secret, long epochSeconds, byte[] body, String signature) {
    return MessageDigest.isEqual(
        sign(secret, epochSeconds, body).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return out.toString();
  }
}
