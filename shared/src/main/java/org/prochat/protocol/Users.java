package org.prochat.protocol;

import java.util.List;

/**
 * Who is in the room, as of room event {@code seq}; later {@link Join} and {@link Leave} events keep
 * it current. A big room comes in several frames (each within the line limit): all but the last say
 * {@code more}, and the list is the concatenation of their {@code nicks}.
 */
public record Users(String sid, long seq, List<String> nicks, boolean more) implements Frame {
  public Users {
    nicks = List.copyOf(FrameRules.required(nicks, "nicks"));
  }

  /** The whole list in one frame. */
  public Users(String sid, long seq, List<String> nicks) {
    this(sid, seq, nicks, false);
  }
}
