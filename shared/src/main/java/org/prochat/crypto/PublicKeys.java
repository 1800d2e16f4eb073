package org.prochat.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Public keys as they travel in frames: the standard X.509 encoding in base64, so the same text
 * works for Ed25519 and X25519 keys and any JDK can read it back.
 */
public final class PublicKeys {
  private PublicKeys() {}

  public static String encode(PublicKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /**
   * @param algorithm {@code Ed25519} or {@code X25519}
   * @throws CryptoFailure when the text is not such a key
   */
  public static PublicKey decode(String text, String algorithm) throws CryptoFailure {
    if (text == null || text.length() > 200) {
      throw new CryptoFailure("not an " + algorithm + " public key");
    }
    try {
      byte[] encoded = Base64.getDecoder().decode(text);
      return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(encoded));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new CryptoFailure("not an " + algorithm + " public key", e);
    }
  }

  /**
   * A key's fingerprint for people to compare: SHA-256 of its encoding, the first 16 bytes as
   * colon-separated hex pairs ({@code 3f:a0:…}). Short enough to read out over the phone.
   */
  public static String fingerprint(String encodedKey) {
    byte[] digest = Digests.sha256(Base64.getDecoder().decode(encodedKey));
    return HexFormat.ofDelimiter(":").formatHex(digest, 0, 16);
  }

  /** Compares two encoded keys in constant time. */
  static boolean same(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }
}
