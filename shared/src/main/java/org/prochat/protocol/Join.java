package org.prochat.protocol;

/** {@code nick} entered the room. {@code sid} as in {@link Message}. */
public record Join(String sid, long seq, long ts, String nick) implements RoomEvent {
  public Join {
    FrameRules.nonNegative(seq, "seq");
    FrameRules.required(nick, "nick");
  }

  /** The live broadcast. */
  public Join(long seq, long ts, String nick) {
    this(null, seq, ts, nick);
  }

  @Override
  public Join addressedTo(String recipient) {
    return new Join(recipient, seq, ts, nick);
  }
}
