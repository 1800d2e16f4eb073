package org.prochat.server.web;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.prochat.server.room.Room;
import org.prochat.server.room.RoomSnapshot;
import org.prochat.server.stats.ServerStats;

/**
 * Takes samples of the counters and the room for the web view. Rates are measured since the last
 * {@link #tick()}, which the web view runs once a second.
 *
 * <p>Thread-safe. The room is read on its own loop (the only place it may be read), so results
 * complete there: callers continue on their own executor and never do more work on the room's loop.
 */
final class LiveSampler {
  private final Room room;
  private final ServerStats stats;
  private final Clock clock;
  private final AtomicReference<ServerStats.Snapshot> lastTick;

  LiveSampler(Room room, ServerStats stats, Clock clock) {
    this.room = room;
    this.stats = stats;
    this.clock = clock;
    this.lastTick = new AtomicReference<>(stats.snapshot());
  }

  /** The figures now, with rates since the last tick; fails when the room has stopped. */
  CompletableFuture<Sample> sample() {
    return read(false);
  }

  /** The figures now, which also become the reference for the next rates. */
  CompletableFuture<Sample> tick() {
    return read(true);
  }

  private CompletableFuture<Sample> read(boolean advance) {
    CompletableFuture<Sample> result = new CompletableFuture<>();
    try {
      room.loop().execute(() -> {
        RoomSnapshot snapshot = room.snapshot();
        // Taken on the room loop too, so the counters and the user list agree.
        ServerStats.Snapshot now = stats.snapshot();
        ServerStats.Snapshot earlier = advance ? lastTick.getAndSet(now) : lastTick.get();
        result.complete(new Sample(LiveStats.of(clock.millis(), now, earlier, snapshot), snapshot));
      });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  /** One sample: the figures and the room they were taken from. */
  record Sample(LiveStats stats, RoomSnapshot room) {}
}
