package org.prochat.protocol;

/**
 * The coordinator's signature on the room's event chain as of event {@code seq}: clients show the
 * {@link Chained} events up to it once it checks out. A broadcast: names no session.
 *
 * @param hash base64 of the chain's hash after event {@code seq}
 * @param sig base64 of the coordinator identity's Ed25519 signature over {@code seq} and {@code hash}
 */
public record Checkpoint(long seq, String hash, String sig) implements Frame {
  public Checkpoint {
    FrameRules.nonNegative(seq, "seq");
    FrameRules.required(hash, "hash");
    FrameRules.required(sig, "sig");
  }

  @Override
  public String sid() {
    return null;
  }
}
