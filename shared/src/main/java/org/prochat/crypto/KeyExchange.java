package org.prochat.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import javax.crypto.KDF;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.HKDFParameterSpec;

/**
 * How a client and the coordinator agree on a session key over the direct link, so that no proxy
 * ever holds it: each side has an X25519 key pair (the client a fresh one per link, the coordinator
 * one per run, signed by its identity), and the key is HKDF-SHA256 of their shared secret, bound to
 * both public keys and the session id.
 */
public final class KeyExchange {
  private static final String SIGNED_LABEL = "prochat key exchange v1|";

  private KeyExchange() {}

  /** A new X25519 key pair. */
  public static KeyPair newPair() {
    try {
      return KeyPairGenerator.getInstance("X25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no X25519", e);
    }
  }

  /** What the coordinator's identity signs to vouch for its exchange key. */
  public static byte[] signedStatement(String exchangeKey) {
    return (SIGNED_LABEL + exchangeKey).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The session key both sides arrive at.
   *
   * @param mine this side's private X25519 key
   * @param theirs the other side's public key, encoded ({@link PublicKeys#encode})
   * @param clientKey the client's public key, encoded
   * @param coordinatorKey the coordinator's public key, encoded
   * @throws CryptoFailure when {@code theirs} is not a usable X25519 key
   */
  public static SessionCipher agree(PrivateKey mine, String theirs, String clientKey, String coordinatorKey, String sid)
      throws CryptoFailure {
    try {
      KeyAgreement agreement = KeyAgreement.getInstance("X25519");
      agreement.init(mine);
      agreement.doPhase(PublicKeys.decode(theirs, "X25519"), true);
      byte[] shared = agreement.generateSecret();
      byte[] salt = Digests.sha256((clientKey + "|" + coordinatorKey).getBytes(StandardCharsets.UTF_8));
      byte[] info = ("prochat session v1|" + sid).getBytes(StandardCharsets.UTF_8);
      byte[] keys = KDF.getInstance("HKDF-SHA256").deriveData(
          HKDFParameterSpec.ofExtract().addIKM(shared).addSalt(salt).thenExpand(info, 2 * SessionCipher.KEY_BYTES));
      return new SessionCipher(keys);
    } catch (GeneralSecurityException e) {
      // X25519 refuses an all-zero shared secret: a small-order public key, which only an attacker sends.
      throw new CryptoFailure("the key exchange failed: " + e.getMessage(), e);
    }
  }
}
