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

  private final SecretKey sealKey;
  // One of each per session, set up once: looking a cipher up costs more than sealing a short line.
  private final Cipher sealer;
  private final Cipher opener;
  private final Mac prover;

  SessionCipher(byte[] keys) {
    this.sealKey = new SecretKeySpec(keys, 0, KEY_BYTES, "ChaCha20");
    SecretKeySpec proofKey = new SecretKeySpec(keys, KEY_BYTES, KEY_BYTES, "HmacSHA256");
    Arrays.fill(keys, (byte) 0);
    try {
      this.sealer = Cipher.getInstance("ChaCha20-Poly1305");
      this.opener = Cipher.getInstance("ChaCha20-Poly1305");
      this.prover = Mac.getInstance("HmacSHA256");
      prover.init(proofKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK lacks ChaCha20-Poly1305 or HMAC-SHA256", e);
    }
  }

  /** {@code plain} sealed as box number {@code n} travelling {@code direction}. */
  public byte[] seal(Direction direction, long n, byte[] plain) {
    try {
      sealer.init(Cipher.ENCRYPT_MODE, sealKey, nonce(direction, n));
      return sealer.doFinal(plain);
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
      opener.init(Cipher.DECRYPT_MODE, sealKey, nonce(direction, n));
      return opener.doFinal(box);
    } catch (AEADBadTagException e) {
      throw new CryptoFailure("the sealed frame was altered or not sealed for this session");
    } catch (GeneralSecurityException e) {
      throw new CryptoFailure("the sealed frame can't be opened: " + e.getMessage(), e);
    }
  }

  /** An HMAC-SHA256 over {@code statement}: proof that whoever made it holds this session's key. */
  public byte[] prove(String statement) {
    return prover.doFinal(statement.getBytes(StandardCharsets.UTF_8));
  }

  /** True when {@code proof} is {@link #prove} of {@code statement}; compared in constant time. */
  public boolean proves(String statement, byte[] proof) {
    return proof != null && PublicKeys.same(prove(statement), proof);
  }

  private static IvParameterSpec nonce(Direction direction, long n) {
    return new IvParameterSpec(ByteBuffer.allocate(12).putInt(direction.tag).putLong(n).array());
  }
}
