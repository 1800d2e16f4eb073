package org.prochat.node;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import org.prochat.protocol.PeerAddress;
import org.prochat.tls.CertificateFingerprint;
import org.prochat.tls.CertificatePin;
import org.prochat.wire.TlsContexts;

/**
 * The client end of a link to another client's peer port (a probe, or a child attaching): TLS
 * trusting exactly the certificate the coordinator named for that peer, or plain text when it named
 * none. No trust on first use here: only the coordinator says who a peer is.
 */
public final class PeerLinkTls {
  private PeerLinkTls() {}

  /** Puts TLS first on the pipeline of a new link to {@code peer}, when the peer's port speaks it. */
  public static void addTo(Channel channel, PeerAddress peer) {
    if (peer.cert() != null) {
      SslContext context = TlsContexts.client(CertificatePin.exactly(CertificateFingerprint.parse(peer.cert())));
      channel.pipeline().addFirst("tls", TlsContexts.clientHandler(context, channel.alloc(), peer.host(), peer.port()));
    }
  }
}
