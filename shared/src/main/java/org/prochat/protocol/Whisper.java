package org.prochat.protocol;

/** A client whispers {@code text} to the user called {@code to}; nobody else receives it. */
public record Whisper(String sid, String id, String to, String text) implements Frame {
  public Whisper {
    FrameRules.requiredId(id);
    FrameRules.required(to, "to");
    FrameRules.required(text, "text");
  }

  public Whisper(String id, String to, String text) {
    this(null, id, to, text);
  }
}
