package org.prochat.protocol;

/**
 * A round-trip probe to a peer port, answered by a {@link Pong} with the same {@code t}. Carries
 * the protocol version because it may be the first frame on a link.
 */
public record Probe(Integer v, long t) implements Frame {
  public Probe {
    FrameRules.required(v, "v");
  }

  @Override
  public String sid() {
    return null;
  }
}
