package org.prochat.protocol;

/** Where a client's peer node listens, and whose it is. */
public record PeerAddress(String sid, String nick, String host, int port) {
  public PeerAddress {
    FrameRules.required(sid, "sid");
    FrameRules.required(nick, "nick");
    FrameRules.required(host, "host");
  }
}
