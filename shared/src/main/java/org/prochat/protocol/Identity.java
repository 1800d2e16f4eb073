package org.prochat.protocol;

/**
 * Who the coordinator is: the answer to {@link Identify}. The same keys come again in the
 * {@link Welcome} of a hello that offers a key exchange.
 *
 * @param key the coordinator's identity (Ed25519, encoded), which clients pin
 * @param kx the coordinator's X25519 key for the key exchange, for this run
 * @param kxSig base64 of the identity's signature over {@code kx}
 * @param e2e true when whispers must be end-to-end encrypted between the two users
 */
public record Identity(String key, String kx, String kxSig, boolean e2e) implements Frame {
  public Identity {
    FrameRules.required(key, "key");
    FrameRules.required(kx, "kx");
    FrameRules.required(kxSig, "kxSig");
  }

  @Override
  public String sid() {
    return null;
  }
}
