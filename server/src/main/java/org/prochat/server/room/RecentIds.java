package org.prochat.server.room;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client ids a session used lately, with the room event each became (0 for whispers and
 * commands), so a resend is recognised and acknowledged instead of posted twice. Bounded: a client
 * only resends what is still unacknowledged, which is far fewer than this holds.
 */
final class RecentIds {
  private static final int CAPACITY = 1024;

  private final Map<String, Long> seqById = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > CAPACITY;
    }
  };

  /** The event number recorded for {@code id}, or null when the id is new. */
  Long seqOf(String id) {
    return seqById.get(id);
  }

  void record(String id, long seq) {
    seqById.put(id, seq);
  }
}
