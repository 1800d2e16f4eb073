package org.prochat.protocol;

/**
 * Answer to {@link Ping}; {@code t} is echoed unchanged.
 *
 * <p>The coordinator also sends one unasked, with {@code moved} true and {@code t} -1, to every session
 * below a session that resumed: their branch moved onto a new route, and whatever was on its way
 * through the old one (a replay, an ack) may be lost. Older clients take it as a pong that measured
 * nothing.
 *
 * @param seq the room's latest event number when the coordinator answered (0 from a peer), so a
 *     client that missed the last events notices even when the room has gone quiet
 * @param moved true on the coordinator's "your branch moved" pong; null (not sent) otherwise
 */
public record Pong(String sid, long t, long seq, Boolean moved) implements Frame {
  /** The {@code t} of a pong no ping asked for. */
  public static final long UNASKED = -1;

  public Pong {
    if (Boolean.FALSE.equals(moved)) {
      moved = null; // absent rather than false on the wire
    }
  }

  /** An answer to a ping. */
  public Pong(String sid, long t, long seq) {
    this(sid, t, seq, null);
  }

  /** A pong that says nothing about the room (from a peer, or before joining). */
  public Pong(String sid, long t) {
    this(sid, t, 0);
  }

  /** The coordinator's word to {@code sid} that its branch moved, the room being at {@code seq}. */
  public static Pong branchMoved(String sid, long seq) {
    return new Pong(sid, UNASKED, seq, true);
  }

  /** True on the coordinator's "your branch moved" pong. */
  public boolean branchMoved() {
    return Boolean.TRUE.equals(moved);
  }
}
