package org.prochat.server.relay;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Where a relay listens and where it forwards to.
 *
 * @param bind the address users connect to; null for every interface
 * @param listenPort the port users connect to (0 picks a free one)
 * @param upstreamHost the coordinator's host
 * @param upstreamPort the coordinator's chat port
 * @param secret the secret the coordinator was started with ({@code --relay-secret})
 */
public record RelaySettings(InetAddress bind, int listenPort, String upstreamHost, int upstreamPort, String secret) {
  public RelaySettings {
    Objects.requireNonNull(upstreamHost, "upstreamHost");
    Objects.requireNonNull(secret, "secret");
    if (listenPort < 0 || listenPort > 65_535) {
      throw new IllegalArgumentException("listen port must be 0 to 65535, got " + listenPort);
    }
    if (upstreamPort < 1 || upstreamPort > 65_535) {
      throw new IllegalArgumentException("upstream port must be 1 to 65535, got " + upstreamPort);
    }
    if (secret.length() < 8) {
      throw new IllegalArgumentException("the relay secret must have at least 8 characters");
    }
  }
}
