package org.prochat.client;

import java.util.Objects;
import org.prochat.tls.CertificateFingerprint;

/**
 * The server presented another certificate than the one pinned for it, so this client did not talk
 * to it at all. Either its admin replaced the certificate (then the user may accept the new one with
 * {@link TlsPinStore#accept}) or someone is in between.
 */
public final class ServerCertificateChangedException extends ChatLinkException {
  private final ServerAddress server;
  private final transient CertificateFingerprint pinned;
  private final transient CertificateFingerprint presented;

  public ServerCertificateChangedException(ServerAddress server, CertificateFingerprint pinned,
      CertificateFingerprint presented) {
    super("the certificate of " + server + " has changed: it presented " + presented + " but " + pinned
        + " is pinned; not connecting (someone may be in between)");
    this.server = Objects.requireNonNull(server, "server");
    this.pinned = Objects.requireNonNull(pinned, "pinned");
    this.presented = Objects.requireNonNull(presented, "presented");
  }

  public ServerAddress server() {
    return server;
  }

  /** The fingerprint this client trusts for the server. */
  public CertificateFingerprint pinned() {
    return pinned;
  }

  /** The fingerprint of the certificate the server presented instead. */
  public CertificateFingerprint presented() {
    return presented;
  }
}
