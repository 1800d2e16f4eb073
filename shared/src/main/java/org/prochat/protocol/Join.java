package org.prochat.protocol;

/**
 * {@code nick} entered the room. {@code sid} as in {@link Message}.
 *
 * @param wkey in a room with end-to-end whispers: the newcomer's whisper key; null otherwise
 */
public record Join(String sid, long seq, long ts, String nick, String wkey) implements RoomEvent {
  public Join {
    FrameRules.nonNegative(seq, "seq");
    FrameRules.required(nick, "nick");
  }

  /** The live broadcast. */
  public Join(long seq, long ts, String nick) {
    this(null, seq, ts, nick, null);
  }

  public Join(String sid, long seq, long ts, String nick) {
    this(sid, seq, ts, nick, null);
  }

  @Override
  public Join addressedTo(String recipient) {
    return new Join(recipient, seq, ts, nick, wkey);
  }
}
