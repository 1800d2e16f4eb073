package org.prochat.protocol;

/**
 * A whisper delivered to its recipient {@code to}, sent by {@code from}.
 *
 * @param sid the recipient's session, so proxies route it to that session only
 * @param ts when the coordinator accepted it; older than now when it waited for an offline recipient
 * @param stored true when it was kept for the recipient while they were offline
 * @param n this recipient's whisper number (1, 2, ...) within the session; a resuming client says
 *     the last it got, and the coordinator resends the later ones. 0 for stored whispers, which are
 *     delivered on joining.
 * @param box the words end-to-end encrypted by the sender (see {@link Whisper#box}); then
 *     {@code text} is null
 * @param fromKey with a box: the sender's whisper key, to open it with
 */
public record PrivateMessage(String sid, long ts, String from, String to, String text, boolean stored, long n,
    String box, String fromKey) implements Frame {
  public PrivateMessage {
    FrameRules.required(from, "from");
    FrameRules.required(to, "to");
    if ((text == null) == (box == null)) {
      throw new IllegalArgumentException("a private message has either a 'text' or a 'box'");
    }
  }

  public PrivateMessage(String sid, long ts, String from, String to, String text, boolean stored, long n) {
    this(sid, ts, from, to, text, stored, n, null, null);
  }

  /** The same whisper with its words, once opened. */
  public PrivateMessage opened(String words) {
    return new PrivateMessage(sid, ts, from, to, words, stored, n, null, null);
  }
}
