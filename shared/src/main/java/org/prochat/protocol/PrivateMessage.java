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
 */
public record PrivateMessage(String sid, long ts, String from, String to, String text, boolean stored, long n)
    implements Frame {
  public PrivateMessage {
    FrameRules.required(from, "from");
    FrameRules.required(to, "to");
    FrameRules.required(text, "text");
  }
}
