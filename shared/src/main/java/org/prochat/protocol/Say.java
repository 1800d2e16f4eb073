package org.prochat.protocol;

/**
 * A client posts {@code text} to the room, or runs a command when the text starts with {@code /}.
 *
 * @param id chosen by the client, unique per client; a resend with the same id is never posted twice
 */
public record Say(String sid, String id, String text) implements Frame {
  public Say {
    FrameRules.requiredId(id);
    FrameRules.required(text, "text");
  }

  public Say(String id, String text) {
    this(null, id, text);
  }
}
