package org.prochat.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One session's key, shared by the client and the coordinator alone: seals frames with
 * ChaCha20-Poly1305 (secret and tamper-proof for every proxy on the way) and proves small
 * statements with HMAC-SHA256 where the proxies must still read the frame ({@code attach}).
 *
 * <p>Each direction numbers its boxes; the number is the nonce, so a key never seals two boxes
 * with the same one. Not thread-safe: one per session, used on that session's loop.
 */
public final class SessionCipher {
  static final int KEY_BYTES = 32;

  /** Which way a box travels: part of its nonce, so a box can't be reflected back to its sender. */
  public enum Direction {
    TO_COORDINATOR(1),
    TO_CLIENT(2);

    private final int tag;

    Direction(int tag) {
      this.tag = tag;
    }
  }

  /**
   * Ciphers per thread, not per session: looking one up costs more than sealing a short line, and a
   * coordinator with thousands of sessions should not keep two ciphers for each. Every use sets the
   * key and nonce anew.
   */
  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
    try {
      return Cipher.getInstance("ChaCha20-Poly1305");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no ChaCha20-Poly1305", e);
    }
  });

  private final SecretKey sealKey;
  private final SecretKeySpec proofKey;

  SessionCipher(byte[] keys) {
    this.sealKey = new SecretKeySpec(keys, 0, KEY_BYTES, "ChaCha20");
    this.proofKey = new SecretKeySpec(keys, KEY_BYTES, KEY_BYTES, "HmacSHA256");
    Arrays.fill(keys, (byte) 0);
  }

  /** {@code plain} sealed as box number {@code n} travelling {@code direction}. */
  public byte[] seal(Direction direction, long n, byte[] plain) {
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.ENCRYPT_MODE, sealKey, nonce(direction, n));
      return cipher.doFinal(plain);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 sealing failed", e);
    }
  }

  /**
   * Opens box number {@code n} travelling {@code direction}.
   *
   * @throws CryptoFailure when the box was not sealed with this key, number and direction, or was altered
   */
  public byte[] open(Direction direction, long n, byte[] box) throws CryptoFailure {
    try {
      Cipher cipher = CIPHERS.get();
      cipher.init(Cipher.DECRYPT_MODE, sealKey, nonce(direction, n));
      return cipher.doFinal(box);
    } catch (AEADBadTagException e) {
      throw new CryptoFailure("the sealed frame was altered or not sealed for this session");
    } catch (GeneralSecurityException e) {
      throw new CryptoFailure("the sealed frame can't be opened: " + e.getMessage(), e);
    }
  }

  /** An HMAC-SHA256 over {@code statement}: proof that whoever made it holds this session's key. */
  public byte[] prove(String statement) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256"); // proofs are rare (attaching): not worth keeping one
      mac.init(proofKey);
      return mac.doFinal(statement.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 failed", e);
    }
  }

  /** True when {@code proof} is {@link #prove} of {@code statement}; compared in constant time. */
  public boolean proves(String statement, byte[] proof) {
    return proof != null && PublicKeys.same(prove(statement), proof);
  }

  private static IvParameterSpec nonce(Direction direction, long n) {
    return new IvParameterSpec(ByteBuffer.allocate(12).putInt(direction.tag).putLong(n).array());
  }
}
