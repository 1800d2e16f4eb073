package org.prochat.protocol;

/**
 * First frame a client sends to the coordinator: who it wants to be.
 *
 * @param v protocol version the client speaks
 * @param nick the nickname asked for; the coordinator may hand out a variant ({@link Welcome#nick()})
 * @param relay true when this client accepts children on its peer port (null means false)
 * @param peerPort where this client listens for children and probes (null when it does not)
 * @param resume set when taking back an earlier session; null for a new one
 * @param secret set by a relay, whose users may then have {@code *} names; null otherwise
 * @param peerCert the SHA-256 fingerprint of the peer port's certificate when it requires TLS
 *     (children and probes pin it); null when the peer port is plain or there is none
 * @param kx the client's X25519 key for this link's key exchange ({@code org.prochat.crypto.KeyExchange});
 *     null for a client that seals nothing (typed by hand), which then never goes through a proxy
 * @param wkey the client's long-lived X25519 whisper key, for end-to-end whispers; null when it has none
 */
public record Hello(Integer v, String nick, Boolean relay, Integer peerPort, Resume resume, String secret,
    String peerCert, String kx, String wkey) implements Frame {
  public Hello {
    FrameRules.required(v, "v");
    FrameRules.required(nick, "nick");
    if (peerPort != null && (peerPort < 1 || peerPort > 65_535)) {
      throw new IllegalArgumentException("field 'peerPort' must be 1 to 65535");
    }
    FrameRules.fingerprint(peerCert, "peerCert");
  }

  /** A hello whose peer port, if any, is plain, from a client that seals nothing. */
  public Hello(Integer v, String nick, Boolean relay, Integer peerPort, Resume resume, String secret) {
    this(v, nick, relay, peerPort, resume, secret, null, null, null);
  }

  /** A plain client that relays for nobody. */
  public Hello(Integer v, String nick) {
    this(v, nick, null, null, null, null, null, null, null);
  }

  /** True when this client offers to proxy for others. */
  public boolean acceptsChildren() {
    return Boolean.TRUE.equals(relay) && peerPort != null;
  }

  @Override
  public String sid() {
    return null;
  }
}
