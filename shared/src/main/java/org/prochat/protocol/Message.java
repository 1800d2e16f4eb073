package org.prochat.protocol;

/**
 * A public message as the room saw it.
 *
 * @param id the id its sender chose, so the sender can match its own message
 */
public record Message(long seq, long ts, String from, String id, String text) implements RoomEvent {
  public Message {
    FrameRules.nonNegative(seq, "seq");
    FrameRules.required(from, "from");
    FrameRules.required(text, "text");
  }
}
