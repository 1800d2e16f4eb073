package org.prochat.protocol;

/** Polite end of a session: a client leaving, or the coordinator closing it (with a reason). */
public record Bye(String sid, String reason) implements Frame {
  public Bye {
    if (reason == null) {
      reason = "quit";
    }
  }
}
