package org.prochat.server.room;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.prochat.protocol.Join;
import org.prochat.protocol.Leave;
import org.prochat.protocol.Message;
import org.prochat.protocol.Presence;
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

  /**
   * The newest {@code count} events, oldest first, but no more than about {@code maxBytes} of them
   * (the newest one always): in a big room's join storm they are {@code presence} events of a few
   * kilobytes each, and every newcomer gets them.
   */
  List<RoomEvent> newest(int count, int maxBytes) {
    List<RoomEvent> newer = new ArrayList<>();
    int bytes = 0;
    for (Iterator<RoomEvent> it = events.descendingIterator(); it.hasNext() && newer.size() < count; ) {
      RoomEvent event = it.next();
      bytes += approxBytes(event);
      if (bytes > maxBytes && !newer.isEmpty()) {
        break;
      }
      newer.add(event);
    }
    return newer.reversed();
  }

  /** About the event's length as a line: its texts and a frame's worth of field names and numbers. */
  private static int approxBytes(RoomEvent event) {
    return 80 + switch (event) {
      case Message m -> m.from().length() + m.text().length() + (m.id() == null ? 0 : m.id().length());
      case Join j -> j.nick().length() + (j.wkey() == null ? 0 : j.wkey().length());
      case Leave l -> l.nick().length() + l.reason().length();
      case Presence p -> p.joined().stream().mapToInt(came -> 24 + came.nick().length()
          + (came.wkey() == null ? 0 : came.wkey().length())).sum()
          + p.left().stream().mapToInt(gone -> 24 + gone.nick().length() + gone.reason().length()).sum();
    };
  }
}
