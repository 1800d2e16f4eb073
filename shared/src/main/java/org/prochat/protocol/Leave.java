package org.prochat.protocol;

/**
 * {@code nick} left the room.
 *
 * @param reason why, in words for people: "quit", "connection lost", "flooding", ...
 */
public record Leave(long seq, long ts, String nick, String reason) implements RoomEvent {
  public Leave {
    FrameRules.nonNegative(seq, "seq");
    FrameRules.required(nick, "nick");
    FrameRules.required(reason, "reason");
  }
}
