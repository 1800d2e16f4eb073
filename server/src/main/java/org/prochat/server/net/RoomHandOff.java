package org.prochat.server.net;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands what one link reads over to the room's loop, in the order it was read. A link on the room's
 * own loop is handled at once. A link on another loop stops being read while {@link #PAUSE_AT}
 * hand-overs wait for the room, and is read again once they are down to {@link #RESUME_AT}: a
 * client that sends faster than the room takes its lines then waits in its own socket, as it would
 * with one loop, instead of piling up tasks in the coordinator's memory.
 *
 * <p>Reading is switched off and on only on the link's own loop, and the room's side asks for it
 * each time the count comes down to {@link #RESUME_AT}, so a pause is never left in place.
 */
final class RoomHandOff {
  /** Hand-overs waiting for the room at which the link stops being read. */
  static final int PAUSE_AT = 256;
  /** Hand-overs still waiting at which the link is read again. */
  static final int RESUME_AT = 32;

  private final EventLoop room;
  private final Channel channel;
  private final AtomicInteger waiting = new AtomicInteger();

  RoomHandOff(EventLoop room, Channel channel) {
    this.room = room;
    this.channel = channel;
  }

  /** Runs {@code work} on the room's loop after everything handed over before it. Link's loop only. */
  void handOver(Runnable work) {
    if (room.inEventLoop()) {
      work.run();
      return;
    }
    if (waiting.incrementAndGet() >= PAUSE_AT && channel.config().isAutoRead()) {
      channel.config().setAutoRead(false);
    }
    room.execute(() -> {
      try {
        work.run();
      } finally {
        if (waiting.decrementAndGet() == RESUME_AT) {
          channel.eventLoop().execute(this::resumeIfCaughtUp);
        }
      }
    });
  }

  private void resumeIfCaughtUp() {
    if (waiting.get() <= RESUME_AT && !channel.config().isAutoRead()) {
      channel.config().setAutoRead(true);
    }
  }

  /** Hand-overs the room has not run yet. */
  int waiting() {
    return waiting.get();
  }
}
