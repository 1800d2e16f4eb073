package org.prochat.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * The coordinator's Ed25519 identity: what clients pin, and what signs the room's checkpoints and
 * the coordinator's key-exchange key. Kept in a file in the data dir, readable by its owner only.
 *
 * <p>Signing costs most of a millisecond on a small machine, so the coordinator signs rarely: a
 * checkpoint covers many events (see {@link EventChain}), one exchange key serves every session of
 * a run. Thread-safe.
 */
public final class IdentityKey {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String encodedPublic;

  private IdentityKey(KeyPair pair) {
    this.privateKey = pair.getPrivate();
    this.publicKey = pair.getPublic();
    this.encodedPublic = PublicKeys.encode(publicKey);
  }

  /** A new random identity, kept nowhere (tests, benchmarks). */
  public static IdentityKey generate() {
    try {
      return new IdentityKey(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /**
   * The identity kept in {@code file}, made and written there on first use.
   *
   * @throws IOException when the file can't be read or written, or holds no identity
   */
  public static IdentityKey loadOrCreate(Path file) throws IOException {
    IdentityKey key = new IdentityKey(KeyFiles.loadOrCreate(file, "Ed25519",
        "ProChat coordinator identity. Keep it secret and keep it: clients refuse a coordinator whose key changed."));
    if (!Signatures.verifies(key.publicKey, new byte[] {1}, key.sign(new byte[] {1}))) {
      throw new IOException(file + " holds a private and a public key that do not belong together");
    }
    return key;
  }

  /** The public key as it travels in frames ({@link PublicKeys#encode}). */
  public String publicKey() {
    return encodedPublic;
  }

  /** The public key's fingerprint, for people to compare ({@link PublicKeys#fingerprint}). */
  public String fingerprint() {
    return PublicKeys.fingerprint(encodedPublic);
  }

  /** An Ed25519 signature over {@code data}. */
  public byte[] sign(byte[] data) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(privateKey);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }
}
