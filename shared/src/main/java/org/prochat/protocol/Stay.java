package org.prochat.protocol;

/** Newcomer to coordinator: attaching to the assigned proxy failed; keep me on the direct link. */
public record Stay(String sid) implements Frame {
  public Stay {
    FrameRules.required(sid, "sid");
  }
}
