package org.prochat.protocol;

/**
 * Inside a {@link Hello}: the client had a session and wants it back (its proxy died, its link
 * dropped). The coordinator keeps a lost session for a grace period; within it, the same session
 * and nickname continue and nobody sees a leave.
 *
 * @param token the secret the coordinator gave in {@link Welcome#token()}
 * @param lastWhisper the highest {@link PrivateMessage#n()} received, so lost whispers are resent
 */
public record Resume(String sid, String token, long lastWhisper) {
  public Resume {
    FrameRules.required(sid, "resume.sid");
    FrameRules.required(token, "resume.token");
  }
}
