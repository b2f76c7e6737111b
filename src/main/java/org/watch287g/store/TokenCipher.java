package org.watch287g.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets kept in the database (workspaces' Slack tokens) with AES-256-GCM: a fresh random
 * 12-byte nonce per value, a 128-bit tag, and the value's place (table, column, row key) as
 * associated data, so that a token cannot be moved to another row or column and still open. Stored
 * as {@code v1:} and the base64 of nonce and ciphertext.
 *
 * <p>A value that does not open (another key, or tampered) is a {@link StorageException} that says
 * so; the clear text is never in a message.
 */
public final class TokenCipher {
  private static final String PREFIX = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param key the base64 of 32 bytes ({@code WATCH287G_SECRET_KEY}, checked when the config loads)
   * @throws IllegalArgumentException if it is not
   */
  public TokenCipher(String key) {
    byte[] bytes = Base64.getDecoder().decode(key.strip());
    if (bytes.length != 32) {
      throw new IllegalArgumentException("an AES-256 key is 32 bytes, not " + bytes.length);
    }
    this.key = new SecretKeySpec(bytes, "AES");
  }

  /** The value encrypted under a new nonce, bound to {@code place}. */
  String seal(String clear, String place) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(place.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = c.doFinal(clear.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /**
   * The clear value of what {@link #seal} made for {@code place}.
   *
   * @throws StorageException if it was sealed with another key, or changed
   */
  String open(String sealed, String place) {
    if (!sealed.startsWith(PREFIX)) {
      throw new StorageException("a stored token at " + place + " is not encrypted as expected");
    }
    try {
      byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
      if (all.length <= NONCE_BYTES) {
        throw new StorageException("a stored token at " + place + " is truncated");
      }
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      c.updateAAD(place.getBytes(StandardCharsets.UTF_8));
      return new String(
          c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException | IllegalArgumentException e) {
      throw new StorageException(
          "a stored token at "
              + place
              + " does not open with "
              + "WATCH287G_SECRET_KEY: the key is not the one it was stored with (restore that"
              + " key), or the database was changed");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }
}
