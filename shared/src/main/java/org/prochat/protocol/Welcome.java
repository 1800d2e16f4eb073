package org.prochat.protocol;

/**
 * The coordinator's answer to {@link Hello}: the client is in the room.
 *
 * @param sid the session id the coordinator assigned
 * @param nick the nickname the client got; differs from the one asked for when that was taken
 * @param seq the room's latest event number at the moment of joining; history up to it follows
 * @param token secret for taking this session back after a lost link ({@link Resume})
 * @param resumed true when an earlier session continues (no join is announced)
 * @param key the coordinator's identity (Ed25519, encoded), which clients pin; null unless the
 *     hello offered a key exchange, and so for all the rest of these
 * @param kx the coordinator's X25519 key for the key exchange
 * @param kxSig base64 of the identity's signature over {@code kx}
 * @param e2e true when whispers must be end-to-end encrypted between the two users
 */
public record Welcome(Integer v, String sid, String nick, long seq, String token, boolean resumed,
    String key, String kx, String kxSig, Boolean e2e) implements Frame {
  public Welcome {
    FrameRules.required(v, "v");
    FrameRules.required(sid, "sid");
    FrameRules.required(nick, "nick");
  }

  /** A welcome for a client that seals nothing. */
  public Welcome(Integer v, String sid, String nick, long seq, String token, boolean resumed) {
    this(v, sid, nick, seq, token, resumed, null, null, null, null);
  }

  /** True when whispers in this room are end-to-end encrypted. */
  public boolean endToEnd() {
    return Boolean.TRUE.equals(e2e);
  }
}
