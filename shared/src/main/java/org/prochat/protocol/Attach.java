package org.prochat.protocol;

/**
 * A session asks to hang below a proxy. First frame on a peer link (so it carries the version);
 * each proxy passes it up unchanged, noting which child it came from, until the coordinator
 * confirms with {@link Attached} or refuses with an error.
 */
public record Attach(Integer v, String sid, String token) implements Frame {
  public Attach {
    FrameRules.required(v, "v");
    FrameRules.required(sid, "sid");
    FrameRules.required(token, "token");
  }
}
