package org.prochat.protocol;

/** {@code nick} entered the room. */
public record Join(long seq, long ts, String nick) implements RoomEvent {
  public Join {
    FrameRules.nonNegative(seq, "seq");
    FrameRules.required(nick, "nick");
  }
}
