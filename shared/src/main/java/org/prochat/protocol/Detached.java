package org.prochat.protocol;

/**
 * Session {@code sid} is no longer reachable this way. Upward, from a proxy: my child link for it
 * (and everything below) broke. Downward, from the coordinator along the old route: it moved or
 * left, forget it.
 */
public record Detached(String sid) implements Frame {
  public Detached {
    FrameRules.required(sid, "sid");
  }
}
