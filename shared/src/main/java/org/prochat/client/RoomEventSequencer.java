package org.prochat.client;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.prochat.protocol.RoomEvent;

/**
 * Puts the room events of one session in {@code seq} order, each exactly once: duplicates are
 * dropped, events after a gap are held back until the gap is filled, and a gap asks for a replay.
 *
 * <p>The first event anchors the sequence. History (events up to the welcome's {@code seq}) starts
 * wherever the coordinator's history window starts, so a first event at or below the welcome's
 * {@code seq} is taken as the start; a first event above it must be the one right after it.
 *
 * <p>One replay is asked for at a time: another only when the gap is still open after the events up
 * to the highest one held back at the time of asking are in order. A replay that never comes leaves
 * the later events held back; the link's own failure handling (heartbeats, re-attach) covers that.
 *
 * <p>Not thread-safe: confined to the link's event loop. It outlives a link, so a session that
 * re-attaches can replay after {@link #lastSeq()} and keep its order.
 */
final class RoomEventSequencer {
  private final long welcomeSeq;
  private final NavigableMap<Long, RoomEvent> held = new TreeMap<>();
  private boolean anchored;
  private long lastSeq;
  // The highest event held back when the last replay was asked for; a gap still open once the
  // events up to it are in order needs another replay.
  private long replayTarget = -1;
  // When the replay under way was asked for (System.nanoTime), to ask again if it never comes.
  private long replayAskedAt;

  /** What one incoming event released. */
  record Release(List<RoomEvent> inOrder, OptionalLong replayAfter) {
    static final Release NOTHING = new Release(List.of(), OptionalLong.empty());
  }

  /** @param welcomeSeq the room's latest {@code seq} when this session joined */
  RoomEventSequencer(long welcomeSeq) {
    this.welcomeSeq = welcomeSeq;
    this.lastSeq = welcomeSeq;
  }

  /**
   * Takes one event as it arrived.
   *
   * @return the events now deliverable, in order (possibly none, possibly several held ones), and
   *     the {@code seq} to ask a replay after when a gap remains that was not already asked about
   */
  Release accept(RoomEvent event) {
    long seq = event.seq();
    if (!anchored) {
      anchored = true;
      lastSeq = Math.min(seq, welcomeSeq + 1) - 1;
    }
    if (seq <= lastSeq || held.putIfAbsent(seq, event) != null) {
      return Release.NOTHING;
    }
    List<RoomEvent> ready = new ArrayList<>();
    while (!held.isEmpty() && held.firstKey() == lastSeq + 1) {
      ready.add(held.pollFirstEntry().getValue());
      lastSeq++;
    }
    // A replay brings everything after the position it was asked from, so while one is under way,
    // asking again would only duplicate its answer.
    if (held.isEmpty() || lastSeq < replayTarget) {
      return new Release(ready, OptionalLong.empty());
    }
    replayTarget = held.lastKey();
    replayAskedAt = System.nanoTime();
    return new Release(ready, OptionalLong.of(lastSeq));
  }

  /**
   * The coordinator says the room is at {@code head} (a pong tells). When that is past everything
   * delivered and no replay is under way, the events at the end were missed: replay them.
   *
   * @return the {@code seq} to ask a replay after, if one is needed
   */
  OptionalLong headAt(long head) {
    if (!anchored || head <= lastSeq || lastSeq < replayTarget) {
      return OptionalLong.empty();
    }
    replayTarget = head;
    replayAskedAt = System.nanoTime();
    return OptionalLong.of(lastSeq);
  }

  /**
   * A replay asked for {@code patienceNanos} ago and still not in: it was lost on the way (a proxy
   * above died with it while this client's own link stayed up). Ask again.
   *
   * @return the {@code seq} to ask a replay after, if the one under way is overdue
   */
  OptionalLong overdueReplay(long nowNanos, long patienceNanos) {
    if (replayTarget < 0 || lastSeq >= replayTarget || nowNanos - replayAskedAt < patienceNanos) {
      return OptionalLong.empty();
    }
    replayAskedAt = nowNanos;
    return OptionalLong.of(lastSeq);
  }

  /** After a lost link: whatever replay was under way is gone with it; ask anew when needed. */
  void forgetReplay() {
    replayTarget = -1;
  }

  /** True for events that happened before this session joined. */
  boolean isHistory(RoomEvent event) {
    return event.seq() <= welcomeSeq;
  }

  /** The {@code seq} of the last event delivered in order; the welcome's {@code seq} before any. */
  long lastSeq() {
    return lastSeq;
  }
}
