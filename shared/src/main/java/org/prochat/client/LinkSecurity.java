package org.prochat.client;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.prochat.tls.CertificateFingerprint;

/**
 * How a client's link is protected: plain text, or TLS with the server's certificate.
 *
 * @param tls true for TLS
 * @param fingerprint the certificate the other end presented (the coordinator's, or its proxy's when
 *     the client hangs below one); null for plain text
 */
public record LinkSecurity(boolean tls, CertificateFingerprint fingerprint) {
  /** Plain text: readable and alterable by anyone on the way. */
  public static final LinkSecurity PLAIN = new LinkSecurity(false, null);

  public LinkSecurity {
    if (tls != (fingerprint != null)) {
      throw new IllegalArgumentException("a TLS link has a fingerprint, a plain one none");
    }
  }

  /** "TLS (certificate 3A:F1:…)" or "plain text". */
  @Override
  public String toString() {
    return tls ? "TLS (certificate " + fingerprint + ")" : "plain text";
  }

  /** The security of {@code channel}, once its TLS handshake (if any) is done. */
  static LinkSecurity of(Channel channel) {
    SslHandler tls = channel.pipeline().get(SslHandler.class);
    if (tls == null) {
      return PLAIN;
    }
    try {
      return new LinkSecurity(true,
          CertificateFingerprint.of((X509Certificate) tls.engine().getSession().getPeerCertificates()[0]));
    } catch (SSLPeerUnverifiedException e) {
      throw new IllegalStateException("asked for the security of a link before its TLS handshake", e);
    }
  }
}
