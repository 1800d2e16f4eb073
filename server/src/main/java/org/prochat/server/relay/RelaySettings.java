package org.prochat.server.relay;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Objects;
import org.prochat.server.tls.TlsSetting;
import org.prochat.tls.CertificateFingerprint;

/**
 * Where a relay listens and where it forwards to.
 *
 * @param bind the address users connect to; null for every interface
 * @param listenPort the port users connect to (0 picks a free one)
 * @param upstreamHost the coordinator's host
 * @param upstreamPort the coordinator's chat port
 * @param secret the secret the coordinator was started with ({@code --relay-secret})
 * @param dataDir where the relay keeps its own certificate and the coordinator's pinned one; null
 *     keeps pins for this process only (and then its own TLS needs a given certificate)
 * @param tls whether users must speak TLS to the relay, and with which certificate
 * @param coordinatorTls true to speak TLS to the coordinator, pinning its certificate on first use
 *     (in the data directory); once pinned, the relay speaks TLS to it on every later start too
 * @param coordinatorFingerprint the certificate the coordinator must present, which also makes the
 *     link to it TLS; null to pin on first use
 */
public record RelaySettings(InetAddress bind, int listenPort, String upstreamHost, int upstreamPort, String secret,
    Path dataDir, TlsSetting tls, boolean coordinatorTls, CertificateFingerprint coordinatorFingerprint) {
  public RelaySettings {
    Objects.requireNonNull(upstreamHost, "upstreamHost");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(tls, "tls");
    if (listenPort < 0 || listenPort > 65_535) {
      throw new IllegalArgumentException("listen port must be 0 to 65535, got " + listenPort);
    }
    if (upstreamPort < 1 || upstreamPort > 65_535) {
      throw new IllegalArgumentException("upstream port must be 1 to 65535, got " + upstreamPort);
    }
    if (secret.length() < 8) {
      throw new IllegalArgumentException("the relay secret must have at least 8 characters");
    }
    if (dataDir == null && tls.enabled() && tls.given() == null) {
      throw new IllegalArgumentException("a relay makes its certificate in its data directory: give one, or --tls-cert");
    }
  }

  /** A plain relay that keeps nothing on disk. */
  public RelaySettings(InetAddress bind, int listenPort, String upstreamHost, int upstreamPort, String secret) {
    this(bind, listenPort, upstreamHost, upstreamPort, secret, null, TlsSetting.OFF, false, null);
  }
}
