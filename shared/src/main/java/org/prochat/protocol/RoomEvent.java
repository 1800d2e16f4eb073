package org.prochat.protocol;

/**
 * Something that happened in the room, numbered by the coordinator. Every client sees room events
 * in {@link #seq()} order; a gap means something was missed and can be replayed.
 */
public sealed interface RoomEvent extends Frame permits Message, Join, Leave {

  /** Position in the room's history: strictly increasing, never reused, survives restarts. */
  long seq();

  /** Coordinator time, milliseconds since the epoch. */
  long ts();

  /** Room events go to everyone: they never name a session. */
  @Override
  default String sid() {
    return null;
  }
}
