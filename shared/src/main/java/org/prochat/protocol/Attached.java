package org.prochat.protocol;

import java.util.List;

/**
 * Coordinator, down the new route: session {@code sid} now hangs below {@code parentNick} (null:
 * directly below the coordinator). Every proxy it passes routes all of {@code subtree} (the session
 * and everyone below it, who move along) to the child the {@link Attach} came from.
 *
 * @param seq the room's latest event number, so the attached session can tell whether it missed any
 * @param more true when further {@code attached} frames for the same session follow with more of its
 *     subtree (a big subtree does not fit one line)
 * @param proof base64 of the session key's proof of {@link #statement}: the attaching session knows
 *     the coordinator, not the proxy, confirmed it; null on the pieces after the first
 */
public record Attached(String sid, String parentNick, List<String> subtree, long seq, boolean more, String proof)
    implements Frame {
  public Attached {
    FrameRules.required(sid, "sid");
    subtree = List.copyOf(FrameRules.required(subtree, "subtree"));
  }

  /** The whole subtree in one frame. */
  public Attached(String sid, String parentNick, List<String> subtree, long seq) {
    this(sid, parentNick, subtree, seq, false, null);
  }

  /** What {@code proof} proves. */
  public static String statement(String sid, String parentNick, long seq) {
    return "attached|" + sid + "|" + parentNick + "|" + seq;
  }
}
