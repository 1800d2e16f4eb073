package org.prochat.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server's certificate when its {@link CertificatePin} does, and nothing else: no
 * certificate authority, no host name check (ProChat servers are known by fingerprint, reached by
 * whatever address the user typed). Only for the client side: it refuses to judge client
 * certificates, which ProChat never asks for.
 */
public final class PinningTrustManager extends X509ExtendedTrustManager {
  private final CertificatePin pin;

  public PinningTrustManager(CertificatePin pin) {
    this.pin = Objects.requireNonNull(pin, "pin");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the server presented no certificate");
    }
    // Only the server's own certificate counts: a chain behind it adds nothing a pin does not say.
    pin.verify(CertificateFingerprint.of(chain[0]));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("ProChat does not authenticate clients by certificate");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
