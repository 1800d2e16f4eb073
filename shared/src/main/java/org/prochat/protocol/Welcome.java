package org.prochat.protocol;

/**
 * The coordinator's answer to {@link Hello}: the client is in the room.
 *
 * @param sid the session id the coordinator assigned
 * @param nick the nickname the client got; differs from the one asked for when that was taken
 * @param seq the room's latest event number at the moment of joining; history up to it follows
 * @param token secret for taking this session back after a lost link ({@link Resume})
 * @param resumed true when an earlier session continues (no join is announced)
 */
public record Welcome(Integer v, String sid, String nick, long seq, String token, boolean resumed)
    implements Frame {
  public Welcome {
    FrameRules.required(v, "v");
    FrameRules.required(sid, "sid");
    FrameRules.required(nick, "nick");
  }
}
