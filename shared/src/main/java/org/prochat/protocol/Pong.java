package org.prochat.protocol;

/**
 * Answer to {@link Ping}; {@code t} is echoed unchanged.
 *
 * @param seq the room's latest event number when the coordinator answered (0 from a peer), so a
 *     client that missed the last events notices even when the room has gone quiet
 */
public record Pong(String sid, long t, long seq) implements Frame {

  /** A pong that says nothing about the room (from a peer, or before joining). */
  public Pong(String sid, long t) {
    this(sid, t, 0);
  }
}
