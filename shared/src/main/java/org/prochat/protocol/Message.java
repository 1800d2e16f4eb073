package org.prochat.protocol;

/**
 * A public message as the room saw it.
 *
 * @param sid null on the live broadcast; the recipient on a history or replay copy
 * @param id the id its sender chose, so the sender can match its own message
 */
public record Message(String sid, long seq, long ts, String from, String id, String text) implements RoomEvent {
  public Message {
    FrameRules.nonNegative(seq, "seq");
    FrameRules.required(from, "from");
    FrameRules.required(text, "text");
  }

  /** The live broadcast. */
  public Message(long seq, long ts, String from, String id, String text) {
    this(null, seq, ts, from, id, text);
  }

  @Override
  public Message addressedTo(String recipient) {
    return new Message(recipient, seq, ts, from, id, text);
  }
}
