package org.prochat.protocol;

/**
 * A session asks to hang below a proxy. First frame on a peer link (so it carries the version);
 * each proxy passes it up unchanged, noting which child it came from, until the coordinator
 * confirms with {@link Attached} or refuses with an error.
 *
 * @param proof base64 of the session key's proof of {@code "attach|" + sid + "|" + parent} (the
 *     proxy's session id): only the session itself can make it, and it names the one proxy the
 *     coordinator assigned, so a proxy that sees it can't use it anywhere else
 */
public record Attach(Integer v, String sid, String proof) implements Frame {
  public Attach {
    FrameRules.required(v, "v");
    FrameRules.required(sid, "sid");
    FrameRules.required(proof, "proof");
  }

  /** What {@code proof} proves. */
  public static String statement(String sid, String parent) {
    return "attach|" + sid + "|" + parent;
  }
}
