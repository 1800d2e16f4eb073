package org.prochat.protocol;

/**
 * A client whispers to the user called {@code to}; nobody else receives it.
 *
 * @param text the words; null when they travel in {@code box}
 * @param box base64 of the words end-to-end encrypted for {@code to} ({@code org.prochat.crypto.WhisperBox}),
 *     in a room whose coordinator asks for that; null otherwise
 */
public record Whisper(String sid, String id, String to, String text, String box) implements Frame {
  public Whisper {
    FrameRules.requiredId(id);
    FrameRules.required(to, "to");
    if ((text == null) == (box == null)) {
      throw new IllegalArgumentException("a whisper has either a 'text' or a 'box'");
    }
  }

  public Whisper(String sid, String id, String to, String text) {
    this(sid, id, to, text, null);
  }

  public Whisper(String id, String to, String text) {
    this(null, id, to, text, null);
  }
}
