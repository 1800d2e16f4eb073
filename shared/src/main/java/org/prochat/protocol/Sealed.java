package org.prochat.protocol;

/**
 * A frame sealed with its session's key (ChaCha20-Poly1305), so proxies on the way can route it but
 * neither read nor alter it. Everything a client with a session key sends is sealed, and so is
 * everything the coordinator sends to one such session; see "Untrusted proxies" in PROTOCOL.md.
 *
 * @param sid the session it belongs to: proxies route by it
 * @param n the box number in this direction; never repeats within a session key
 * @param box base64 of the sealed JSON of the inner frame
 */
public record Sealed(String sid, long n, String box) implements Frame {
  public Sealed {
    FrameRules.required(sid, "sid");
    FrameRules.nonNegative(n, "n");
    FrameRules.required(box, "box");
  }
}
