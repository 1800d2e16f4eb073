package org.prochat.protocol;

/** A client asks for every room event after {@code after} (it noticed a gap, or came back). */
public record Replay(String sid, long after) implements Frame {
  public Replay {
    FrameRules.nonNegative(after, "after");
  }
}
