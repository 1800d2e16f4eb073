package org.prochat.server.room;

import org.prochat.protocol.RoomEvent;

/**
 * Watches what happens in the room, for views such as the admin web page. Called on the room's
 * event loop: implementations must return at once and never block (hand work to another thread).
 */
public interface RoomObserver {
  /** A room event (message, join, leave), in {@code seq} order. */
  void roomEvent(RoomEvent event);

  /** A whisper the coordinator accepted, delivered at once or kept for an offline recipient. */
  void whisper(long ts, String from, String to, String text);

  /** Watches nothing. */
  RoomObserver NONE = new RoomObserver() {
    @Override
    public void roomEvent(RoomEvent event) {}

    @Override
    public void whisper(long ts, String from, String to, String text) {}
  };
}
