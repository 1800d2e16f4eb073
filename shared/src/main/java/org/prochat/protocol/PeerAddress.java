package org.prochat.protocol;

/**
 * Where a client's peer node listens, and whose it is.
 *
 * @param cert the SHA-256 fingerprint of the certificate the peer port presents: connect with TLS
 *     and trust exactly that certificate; null for a plain peer port
 */
public record PeerAddress(String sid, String nick, String host, int port, String cert) {
  public PeerAddress {
    FrameRules.required(sid, "sid");
    FrameRules.required(nick, "nick");
    FrameRules.required(host, "host");
    FrameRules.fingerprint(cert, "cert");
  }

  /** A plain peer port. */
  public PeerAddress(String sid, String nick, String host, int port) {
    this(sid, nick, host, port, null);
  }
}
