package org.prochat.protocol;

/**
 * A live room event for clients that verify: the event's JSON as sent ({@code body}), linked to the
 * event before it by {@code prev}, the hash of the chain so far. A {@link Checkpoint} signs the
 * chain's hash now and then, and so vouches for every event before it; see "Untrusted proxies" in
 * PROTOCOL.md. A broadcast: names no session.
 *
 * @param prev base64 of the chain's hash before this event
 * @param body the room event's JSON, byte for byte what the hash covers
 */
public record Chained(String prev, String body) implements Frame {
  public Chained {
    FrameRules.required(prev, "prev");
    FrameRules.required(body, "body");
  }

  @Override
  public String sid() {
    return null;
  }
}
