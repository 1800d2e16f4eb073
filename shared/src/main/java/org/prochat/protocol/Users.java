package org.prochat.protocol;

import java.util.List;
import java.util.Map;

/**
 * Who is in the room, as of room event {@code seq}; later {@link Join} and {@link Leave} events keep
 * it current. A big room comes in several frames (each within the line limit): all but the last say
 * {@code more}, and the list is the concatenation of their {@code nicks}.
 */
public record Users(String sid, long seq, List<String> nicks, boolean more, Map<String, String> keys) implements Frame {
  /**
   * @param keys in a room with end-to-end whispers: the whisper key of each of {@code nicks} that has
   *     one; null otherwise
   */
  public Users {
    nicks = List.copyOf(FrameRules.required(nicks, "nicks"));
    keys = keys == null ? null : Map.copyOf(keys);
  }

  public Users(String sid, long seq, List<String> nicks, boolean more) {
    this(sid, seq, nicks, more, null);
  }

  /** The whole list in one frame. */
  public Users(String sid, long seq, List<String> nicks) {
    this(sid, seq, nicks, false);
  }
}
