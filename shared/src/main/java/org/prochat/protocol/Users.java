package org.prochat.protocol;

import java.util.List;

/**
 * Who is in the room, as of room event {@code seq}; later {@link Join} and {@link Leave} events keep
 * it current.
 */
public record Users(String sid, long seq, List<String> nicks) implements Frame {
  public Users {
    nicks = List.copyOf(FrameRules.required(nicks, "nicks"));
  }
}
