package org.prochat.protocol;

/**
 * {@code nick} left the room. {@code sid} as in {@link Message}.
 *
 * @param reason why, in words for people: "quit", "connection lost", "disconnected for flooding", ...
 */
public record Leave(String sid, long seq, long ts, String nick, String reason) implements RoomEvent {
  public Leave {
    FrameRules.nonNegative(seq, "seq");
    FrameRules.required(nick, "nick");
    FrameRules.required(reason, "reason");
  }

  /** The live broadcast. */
  public Leave(long seq, long ts, String nick, String reason) {
    this(null, seq, ts, nick, reason);
  }

  @Override
  public Leave addressedTo(String recipient) {
    return new Leave(recipient, seq, ts, nick, reason);
  }
}
