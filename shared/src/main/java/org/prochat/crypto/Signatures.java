package org.prochat.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/** Checks Ed25519 signatures made by an {@link IdentityKey}. */
public final class Signatures {
  private Signatures() {}

  /** True when {@code signature} is {@code key}'s over {@code data}; false for anything malformed. */
  public static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
    if (signature == null || signature.length != 64) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
