package org.prochat.protocol;

/**
 * Something that happened in the room, numbered by the coordinator. Every client sees room events
 * in {@link #seq()} order; a gap means something was missed and can be replayed.
 *
 * <p>Live events are broadcasts and name no session. A copy sent to one session only (history on
 * joining, a replay) names it in {@link #sid()}, so proxies route it down one branch.
 */
public sealed interface RoomEvent extends Frame permits Message, Join, Leave, Presence {

  /** Position in the room's history: strictly increasing, never reused, survives restarts. */
  long seq();

  /** Coordinator time, milliseconds since the epoch. */
  long ts();

  /** This event as a copy for session {@code sid} alone. */
  RoomEvent addressedTo(String sid);
}
