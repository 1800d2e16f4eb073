package org.prochat.protocol;

/**
 * A whisper delivered to its recipient {@code to}, sent by {@code from}.
 *
 * @param sid the recipient's session, so proxies route it to that session only
 * @param ts when the coordinator accepted it; older than now when it waited for an offline recipient
 * @param stored true when it was kept for the recipient while they were offline
 */
public record PrivateMessage(String sid, long ts, String from, String to, String text, boolean stored)
    implements Frame {
  public PrivateMessage {
    FrameRules.required(from, "from");
    FrameRules.required(to, "to");
    FrameRules.required(text, "text");
  }
}
