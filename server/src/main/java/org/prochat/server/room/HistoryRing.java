package org.prochat.server.room;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.prochat.protocol.RoomEvent;

/**
 * The newest room events in memory, so history on join and most replays need no store read.
 * Not thread-safe (room loop only).
 */
final class HistoryRing {
  private final int capacity;
  private final ArrayDeque<RoomEvent> events;

  HistoryRing(int capacity, List<RoomEvent> newestStored) {
    this.capacity = capacity;
    this.events = new ArrayDeque<>(capacity);
    newestStored.forEach(this::add);
  }

  void add(RoomEvent event) {
    if (events.size() == capacity) {
      events.removeFirst();
    }
    events.addLast(event);
  }

  /** True when every event after {@code seq} is held here. */
  boolean coversAfter(long seq) {
    return events.isEmpty() || events.getFirst().seq() <= seq + 1;
  }

  /** The oldest held event's number, or {@code fallback} when empty. */
  long oldestSeq(long fallback) {
    return events.isEmpty() ? fallback : events.getFirst().seq();
  }

  /** Held events with {@code seq > after}, oldest first. */
  List<RoomEvent> after(long after) {
    List<RoomEvent> newer = new ArrayList<>();
    for (Iterator<RoomEvent> it = events.descendingIterator(); it.hasNext(); ) {
      RoomEvent event = it.next();
      if (event.seq() <= after) {
        break;
      }
      newer.add(event);
    }
    return newer.reversed();
  }

  /** The newest {@code count} events, oldest first. */
  List<RoomEvent> newest(int count) {
    List<RoomEvent> all = new ArrayList<>(events);
    return all.subList(Math.max(0, all.size() - count), all.size());
  }
}
