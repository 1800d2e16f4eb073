package org.prochat.server.relay;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import org.prochat.client.ServerAddress;
import org.prochat.client.TlsPinStore;
import org.prochat.tls.CertificatePin;
import org.prochat.wire.TlsContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the relay's links to the coordinator speak TLS, and which certificate they trust: the
 * given fingerprint exactly, or the certificate pinned on first use in the relay's data directory.
 * Settled at start-up, because after the hello the relay passes bytes through and could no longer
 * react to a {@code tls_required}; a coordinator once pinned is spoken to in TLS on every later start.
 */
final class UpstreamTls {
  private static final Logger log = LoggerFactory.getLogger(UpstreamTls.class);
  private static final String PIN_FILE = "coordinator-pins";

  private final ServerAddress coordinator;
  private final SslContext context;

  private UpstreamTls(ServerAddress coordinator, SslContext context) {
    this.coordinator = coordinator;
    this.context = context;
  }

  /** @throws IOException when the pin file can't be read */
  static UpstreamTls settle(RelaySettings settings) throws IOException {
    ServerAddress coordinator = new ServerAddress(settings.upstreamHost(), settings.upstreamPort());
    if (settings.coordinatorFingerprint() != null) {
      log.info("TLS to the coordinator at {}, trusting exactly certificate {}", coordinator,
          settings.coordinatorFingerprint());
      return new UpstreamTls(coordinator, TlsContexts.client(CertificatePin.exactly(settings.coordinatorFingerprint())));
    }
    TlsPinStore pins = TlsPinStore.open(settings.dataDir() == null ? null : settings.dataDir().resolve(PIN_FILE));
    if (settings.coordinatorTls() || pins.pinned(coordinator).isPresent()) {
      log.info("TLS to the coordinator at {}, {}", coordinator, pins.pinned(coordinator)
          .map(pinned -> "trusting the certificate pinned earlier, " + pinned).orElse("pinning its certificate on first use"));
      return new UpstreamTls(coordinator, TlsContexts.client(pins.trustOnFirstUse(coordinator)));
    }
    return new UpstreamTls(coordinator, null);
  }

  /** Puts TLS first on a new link to the coordinator, when it speaks TLS. */
  void addTo(Channel channel) {
    if (context != null) {
      channel.pipeline().addFirst("tls",
          TlsContexts.clientHandler(context, channel.alloc(), coordinator.host(), coordinator.port()));
    }
  }
}
